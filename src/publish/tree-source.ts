import { EditError } from '../lib/errors.js'
import type { FileSource } from '../edit/types.js'

/** One entry of a recursive tree listing (`git ls-tree -r` or GitHub's trees API). */
export interface TreeEntry {
  /** `100644`, `100755`, `120000` (symlink), `160000` (submodule). */
  readonly mode: string
  readonly sha: string
  /** Repository-relative POSIX path. */
  readonly path: string
}

const REGULAR_FILE = /^100(?:644|755)$/

/** Splits a repository-relative path, refusing anything that could leave the repository. */
function checkRepositoryPath(path: string): string[] {
  const parts = path.split('/')
  if (
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    /^[a-zA-Z]:/.test(path) ||
    parts.some((part) => part === '' || part === '.' || part === '..' || part === '.git')
  ) {
    throw new EditError(
      `File path ${JSON.stringify(path)} is not a plain path inside the repository (expected a relative path such as helm/values.yaml, without "..", "." or ".git").`,
      { file: path }
    )
  }
  return parts
}

/**
 * A FileSource over a commit's tree: paths are looked up in the listing and blobs read by SHA.
 * Symbolic links and submodules are refused, also as a parent folder, since a link in the
 * GitOps branch could point outside the repository.
 */
export function createTreeSource(
  description: string,
  entries: readonly TreeEntry[],
  readBlob: (sha: string) => Promise<Buffer>
): FileSource {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]))
  const cache = new Map<string, Promise<Buffer>>()
  // the entry at `path`; undefined when missing; throws for links, submodules, bad paths
  const locate = (path: string): TreeEntry | undefined => {
    const parts = checkRepositoryPath(path)
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/')
      const entry = byPath.get(prefix)
      if (!entry) continue
      if (entry.mode === '120000') {
        throw new EditError(
          `${prefix} is a symbolic link in ${description}; symbolic links are not followed (they could lead outside the repository). Point the input at the real file.`,
          { file: path }
        )
      }
      if (!REGULAR_FILE.test(entry.mode)) {
        throw new EditError(`${prefix} is a submodule in ${description}, not a file.`, {
          file: path
        })
      }
      return i === parts.length ? entry : undefined
    }
    return undefined
  }
  return {
    description,
    read(path: string): Promise<Buffer | undefined> {
      let entry: TreeEntry | undefined
      try {
        entry = locate(path)
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
      if (!entry) return Promise.resolve(undefined)
      let blob = cache.get(entry.sha)
      if (!blob) {
        blob = readBlob(entry.sha)
        cache.set(entry.sha, blob)
      }
      return blob
    },
    list(): Promise<string[]> {
      return Promise.resolve(
        entries
          .filter((entry) => REGULAR_FILE.test(entry.mode))
          .map((entry) => entry.path)
          .sort()
      )
    }
  }
}
