import { isIP } from 'node:net'

/**
 * The one loopback rule (interface.md, "Bounded work"): a URL is loopback when it names
 * `localhost`, an address in 127.0.0.0/8 or `[::1]` itself; a name that merely resolves there
 * does not count. Plain http may carry a credential only to such a URL.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return isIP(host) === 6 && host === '::1'
}

/** `isLoopbackHost` for a parsed URL. */
export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname)
}
