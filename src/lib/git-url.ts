/** Repository names and git remote URLs: the one place their patterns are written. */

/** `OWNER/NAME` of a GitHub repository: the one pattern for it in the action. */
const OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/

/** An `OWNER/NAME` split in two. */
export interface OwnerName {
  readonly owner: string
  readonly repo: string
}

/** OWNER and NAME of `text` when it is a plain `OWNER/NAME`; undefined otherwise. */
export function parseOwnerName(text: string): OwnerName | undefined {
  const match = OWNER_NAME.exec(text)
  if (match === null) return undefined
  const [, owner = '', repo = ''] = match
  // `.` and `..` are path steps, never repository names.
  if (owner === '.' || owner === '..' || repo === '.' || repo === '..') return undefined
  return { owner, repo }
}

/** True for text that starts with a URL scheme (`SCHEME://`), whatever the scheme. */
export function hasScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
}

/** True for a URL with a scheme git speaks (`https://`, `http://`, `file://`, `ssh://`, `git://`). */
export function isGitUrl(text: string): boolean {
  return /^(https?|file|ssh|git):\/\//i.test(text)
}

/** True for an `http://` or `https://` URL (by its scheme; not validated). */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text)
}

/** The URL schemes git reaches over SSH. */
export const SSH_SCHEMES: readonly string[] = ['ssh', 'git+ssh', 'ssh+git']

// git's scp-like syntax: [USER@]HOST:PATH with no scheme; a `/` or `\` before the colon makes it
// a local path, a `://` after it a URL.
const SCP_LIKE = /^(?:([^/\\\s]+)@)?([^@/\\:\s]+):(?!\/\/)(.*)$/

/** The parts of git's scp-like syntax `[USER@]HOST:PATH`; undefined for anything else. */
export function parseScpLike(
  text: string
): { readonly user: string; readonly host: string; readonly path: string } | undefined {
  const match = SCP_LIKE.exec(text)
  if (match === null) return undefined
  const [, user = '', host = '', path = ''] = match
  return { user, host, path }
}

/** True for git's scp-like syntax with a user, `USER@HOST:PATH` (no scheme). */
export function isScpLike(text: string): boolean {
  return (parseScpLike(text)?.user ?? '') !== ''
}

/** True for a remote git reaches over SSH: an `ssh://` (or `git+ssh://`) URL or scp-like. */
export function isSshUrl(text: string): boolean {
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(text)?.[1]?.toLowerCase()
  return scheme === undefined ? isScpLike(text) : SSH_SCHEMES.includes(scheme)
}

/**
 * OWNER/NAME of a repository URL on the GitHub server `serverUrl` (its host, and its path prefix
 * on a server under a path), `.git` and a trailing slash ignored; undefined for any other URL.
 * The one way the action works out OWNER/NAME from a URL.
 */
export function ownerNameOnServer(url: string, serverUrl: string): OwnerName | undefined {
  const parsed = parseHttpUrl(url)
  const server = parseHttpUrl(serverUrl)
  if (!parsed || server?.host.toLowerCase() !== parsed.host.toLowerCase()) return undefined
  const serverPath = server.pathname.replace(/\/+$/, '')
  if (!parsed.pathname.startsWith(`${serverPath}/`)) return undefined
  const path = parsed.pathname.slice(serverPath.length + 1)
  return parseOwnerName(path.replace(/\/$/, '').replace(/\.git$/, ''))
}

/** An `http://` or `https://` URL, parsed; undefined for anything else or a malformed one. */
export function parseHttpUrl(text: string): URL | undefined {
  if (!isHttpUrl(text)) return undefined
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}
