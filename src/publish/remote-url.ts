import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { hasScheme, isScpLike, parseHttpUrl, type OwnerName } from '../lib/git-url.js'

/** The URL with any user name and password removed (http/https); other forms unchanged. */
export function withoutCredentials(url: string): string {
  const parsed = parseHttpUrl(url)
  if (!parsed || (parsed.username === '' && parsed.password === '')) return url
  parsed.username = ''
  parsed.password = ''
  return parsed.toString()
}

/** True when an http(s) URL carries a password or token in its user information. */
export function hasEmbeddedCredentials(url: string): boolean {
  const parsed = parseHttpUrl(url)
  return parsed !== undefined && (parsed.password !== '' || parsed.username !== '')
}

/** `scheme://host[:port]/` of an http(s) URL, the key git uses for `http.<url>.extraheader`. */
export function httpOrigin(url: string): string | undefined {
  const parsed = parseHttpUrl(url)
  return parsed ? `${parsed.protocol}//${parsed.host}/` : undefined
}

/** A git URL for a remote given as a URL or a path (relative paths resolve against `base`). */
export function normalizeRemote(url: string, base: string): string {
  if (hasScheme(url) || isScpLike(url)) return url
  return pathToFileURL(resolve(base, url)).toString()
}

/** Web URL of a commit on a GitHub server. */
export function commitWebUrl(serverUrl: string, repository: OwnerName, sha: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}/commit/${sha}`
}
