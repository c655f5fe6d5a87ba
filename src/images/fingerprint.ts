import { createHash } from 'node:crypto'

/** The label every image the action builds carries, holding the fingerprint of its build inputs. */
export const FINGERPRINT_LABEL = 'io.github.gitops-release.fingerprint'

/**
 * Version of the fingerprint's recipe: a change of recipe must not look like "unchanged". v2:
 * the context as it is on disk (not git's view), with modes, folders and symlinks.
 */
const RECIPE = 'gitops-release/fingerprint/v2'

/** One entry of a build context as the builder is sent it. */
export interface ContextEntry {
  /** Context-relative, `/`-separated. */
  readonly path: string
  /** `other`: a FIFO or device (its content is not read). */
  readonly type: 'file' | 'dir' | 'symlink' | 'other'
  /** Permission bits with setuid, setgid and sticky (`0o644`), as the builder copies them. */
  readonly mode: number
  /** `contentId` of a file's content or a symlink's target; '' for the others. */
  readonly id: string
}

/** Everything that decides what an image build produces, as far as the action can see it. */
export interface FingerprintInput {
  /** What the builder is sent (after `.dockerignore`). */
  readonly entries: readonly ContextEntry[]
  /** `contentId` of the Dockerfile's content (it may live outside the context). */
  readonly dockerfile: string
  readonly target?: string
  /** `KEY=VALUE` build arguments (a bare `KEY` already given its value from the environment). */
  readonly buildArgs: readonly string[]
  /** The `platforms` value, e.g. `linux/amd64,linux/arm64`. */
  readonly platforms?: string
}

/** The id of some content (sha256, hex). */
export function contentId(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex')
}

/**
 * The fingerprint (`sha256:…`) of an image's build inputs. Order does not matter where the
 * builder does not care about it (entries, build arguments, platforms), and nothing that changes
 * on every run (commit, time, tag) is part of it, so the same inputs give the same fingerprint
 * in any checkout.
 */
export function fingerprint(input: FingerprintInput): string {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const entries = [...input.entries]
    .sort((a, b) => byText(a.path, b.path))
    .map((entry) => [entry.path, entry.type, (entry.mode & 0o7777).toString(8), entry.id])
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
    entries
  })
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`
}
