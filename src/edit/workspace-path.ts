import { realpath } from 'node:fs/promises'
import { dirname, join, posix, relative as relativeTo, sep } from 'node:path'
import { EditError } from '../lib/errors.js'

function outside(path: string, input: string | undefined, why: string): EditError {
  const prefix = input ? `${input}: ` : ''
  return new EditError(
    `${prefix}${path} ${why}; only files inside the repository can be edited (give a path relative to the repository root).`,
    { file: path, ...(input ? { input } : {}) }
  )
}

/**
 * Normalizes a repository-relative path (`./a//b` → `a/b`). Throws EditError naming the file
 * (and `input`) for an empty, absolute or `../` path, and for any path inside `.git/`.
 */
export function normalizeRelativePath(path: string, input?: string): string {
  const slashed = path.trim().replaceAll('\\', '/')
  if (slashed === '' || slashed.includes('\0')) throw outside(path, input, 'is not a file path')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    throw outside(path, input, 'is an absolute path')
  }
  const normal = posix.normalize(slashed).replace(/\/+$/, '')
  if (normal === '..' || normal.startsWith('../')) {
    throw outside(path, input, 'is outside the repository')
  }
  if (normal === '.' || normal === '')
    throw outside(path, input, 'is the repository folder, not a file')
  if (hasGitSegment(normal)) throw insideGit(normal, input)
  return normal
}

// Git's own folder, in any case, also as Windows reads it (trailing dots or spaces, 8.3 name).
const GIT_DIR_SEGMENT = /^(?:\.git[. ]*|git~1)$/i

/** True when some segment of a `/`-separated path names git's folder (`.git`, `.GIT`, …). */
export function hasGitSegment(path: string): boolean {
  return path.split(/[\\/]/).some((segment) => GIT_DIR_SEGMENT.test(segment))
}

function insideGit(path: string, input: string | undefined, via?: string): EditError {
  const prefix = input ? `${input}: ` : ''
  const how = via ? ` (through a symlink to ${via})` : ''
  return new EditError(
    `${prefix}${path} lies inside git's .git folder${how}; files there are never edited.`,
    { file: path, ...(input ? { input } : {}) }
  )
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

// A real path reached from `path` must stay inside the root and outside its .git folder.
function checkReal(realRoot: string, real: string, path: string, input?: string): void {
  if (!isInside(realRoot, real))
    throw outside(path, input, 'leads outside the repository (through a symlink)')
  const inside = relativeTo(realRoot, real)
  if (hasGitSegment(inside)) throw insideGit(path, input, inside.split(sep).join('/'))
}

/**
 * Resolves a repository-relative path to the real file it names under `root`, following
 * symlinks; EditError when it (or, for a missing file, its nearest existing folder) lies outside
 * the root or inside its `.git` folder. Returns undefined for a file that does not exist.
 */
export async function resolveInside(
  root: string,
  path: string,
  input?: string
): Promise<string | undefined> {
  const relative = normalizeRelativePath(path, input)
  const realRoot = await realpath(root)
  const file = join(realRoot, ...relative.split('/'))
  // The file, or when it is missing its nearest existing folder, which must still be inside (a
  // symlinked folder may lead out).
  let candidate = file
  for (;;) {
    try {
      const real = await realpath(candidate)
      checkReal(realRoot, real, relative, input)
      return candidate === file ? real : undefined
    } catch (error) {
      if (!isMissing(error)) throw error
    }
    const parent = dirname(candidate)
    if (parent === candidate) return undefined
    candidate = parent
  }
}
