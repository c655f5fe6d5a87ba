import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { hasScheme, isHttpUrl, isScpLike, parseOwnerName, type OwnerName } from '../lib/git-url.js'

/** A GitHub repository by owner and name. */
export type RepositoryName = OwnerName

function parseHttpUrl(url: string): URL | undefined {
  if (!isHttpUrl(url)) return undefined
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

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

/** True for a loopback host name as a URL spells it: 127.0.0.0/8, [::1], localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  )
}

/** A git URL for a remote given as a URL or a path (relative paths resolve against `base`). */
export function normalizeRemote(url: string, base: string): string {
  if (hasScheme(url) || isScpLike(url)) return url
  return pathToFileURL(resolve(base, url)).toString()
}

/** OWNER/NAME of a remote URL on the given GitHub server, undefined for any other host. */
export function repositoryFromUrl(url: string, serverUrl: string): RepositoryName | undefined {
  const parsed = parseHttpUrl(url)
  const server = parseHttpUrl(serverUrl)
  if (!parsed || server?.host.toLowerCase() !== parsed.host.toLowerCase()) return undefined
  const serverPath = server.pathname.replace(/\/+$/, '')
  if (!parsed.pathname.startsWith(`${serverPath}/`)) return undefined
  const path = parsed.pathname.slice(serverPath.length + 1)
  return parseOwnerName(path.replace(/\/$/, '').replace(/\.git$/, ''))
}

/** Web URL of a commit on a GitHub server. */
export function commitWebUrl(serverUrl: string, repository: RepositoryName, sha: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}/commit/${sha}`
}
