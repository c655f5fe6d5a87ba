import { createHash } from 'node:crypto'

/** The label every image the action builds carries, holding the fingerprint of its build inputs. */
export const FINGERPRINT_LABEL = 'io.github.gitops-release.fingerprint'

/** Version of the fingerprint's recipe: a change of recipe must not look like "unchanged". */
const RECIPE = 'gitops-release/fingerprint/v1'

/** One file of a build context as the fingerprint sees it. */
export interface ContextFile {
  /** Context-relative, `/`-separated. */
  readonly path: string
  /** Git's mode: `100644`, `100755`, `120000` (symlink) or `160000` (submodule). */
  readonly mode: string
  /** Git's object id of the content (`gitBlobId`), or the submodule's commit. */
  readonly id: string
}

/** Everything that decides what an image build produces, as far as the action can see it. */
export interface FingerprintInput {
  /** The files sent to the builder (after `.dockerignore`). */
  readonly files: readonly ContextFile[]
  /** `gitBlobId` of the Dockerfile's content (it may live outside the context). */
  readonly dockerfile: string
  readonly target?: string
  /** `KEY=VALUE` build arguments (a bare `KEY` already given its value from the environment). */
  readonly buildArgs: readonly string[]
  /** The `platforms` value, e.g. `linux/amd64,linux/arm64`. */
  readonly platforms?: string
}

/** Git's blob id of some content (`git hash-object`), so tracked files need not be read. */
export function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

/**
 * The fingerprint (`sha256:…`) of an image's build inputs. Order does not matter where the
 * builder does not care about it (files, build arguments, platforms), and nothing that changes
 * on every run (commit, time, tag) is part of it, so the same inputs give the same fingerprint
 * in any checkout.
 */
export function fingerprint(input: FingerprintInput): string {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const files = [...input.files]
    .sort((a, b) => byText(a.path, b.path))
    .map((file) => [file.path, file.mode, file.id])
  const platforms = (input.platforms ?? '')
    .split(',')
    .map((platform) => platform.trim())
    .filter((platform) => platform !== '')
    .sort(byText)
  const canonical = JSON.stringify({
    recipe: RECIPE,
    dockerfile: input.dockerfile,
    target: input.target ?? '',
    buildArgs: [...input.buildArgs].sort(byText),
    platforms: [...new Set(platforms)],
    files
  })
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`
}
