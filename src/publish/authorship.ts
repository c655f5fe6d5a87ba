/**
 * How the action recognises the pull request commits it wrote itself: the trailer below at the
 * end of the message and, where the action sets them (commit-mode git), the author and committer
 * identity of the inputs. A pull request branch whose head is anything else holds a reviewer's
 * work and is never overwritten.
 */
const RELEASE_TRAILER = 'Released-by: gitops-release'

/** `message` with the release trailer as its last paragraph (once). */
export function withReleaseTrailer(message: string): string {
  const body = message.replace(/\s+$/, '')
  if (hasReleaseTrailer(body)) return body
  return `${body}\n\n${RELEASE_TRAILER}`
}

/** True when the last paragraph of `message` holds the release trailer line. */
function hasReleaseTrailer(message: string): boolean {
  const paragraphs = message.replace(/\s+$/, '').split(/\n\s*\n/)
  const last = paragraphs.at(-1) ?? ''
  return paragraphs.length > 1 && last.split('\n').some((line) => line.trim() === RELEASE_TRAILER)
}

/** A commit as far as authorship goes. */
interface CommitAuthorship {
  /** `NAME <EMAIL>`; undefined where the server sets it (GitHub's API signs as the token). */
  readonly author?: string
  readonly committer?: string
  readonly message: string
}

/**
 * True when the action wrote `commit`: the release trailer, and with `identity` an author and
 * committer equal to it.
 */
export function isOurCommit(
  commit: CommitAuthorship,
  identity?: { readonly name: string; readonly email: string }
): boolean {
  if (!hasReleaseTrailer(commit.message)) return false
  if (identity === undefined) return true
  const who = `${identity.name} <${identity.email}>`
  return commit.author === who && commit.committer === who
}
