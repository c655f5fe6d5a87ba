import { BlockList, isIP } from 'node:net'
import { isLoopbackHost } from './loopback.js'

/** The environment the proxy variables are read from (the settings layer's copy, never process.env here). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>

/** How a request reaches its target: directly, through a proxy, or not at all (a bad proxy setting). */
type ProxyRoute =
  | { readonly kind: 'direct' }
  | {
      readonly kind: 'proxy'
      /** The proxy, `http:` or `https:`, with any `user:password`. */
      readonly proxy: URL
      /** The variable it came from, e.g. `HTTPS_PROXY`, for messages. */
      readonly variable: string
    }
  | { readonly kind: 'invalid'; readonly variable: string; readonly reason: string }

/**
 * The route to `target` by the proxy variables, read as curl and git read them: `https_proxy`
 * or `HTTPS_PROXY` for https URLs, `http_proxy` or `HTTP_PROXY` for http URLs (the lower-case
 * name first; an empty value is unset), unless `no_proxy`/`NO_PROXY` exempts the host (see
 * noProxyMatches). A loopback target (see isLoopbackHost) is always reached directly: a proxy
 * elsewhere would reach its own machine. A proxy without a scheme is `http://`.
 */
export function proxyRoute(target: URL, env: ProxyEnv): ProxyRoute {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { kind: 'direct' }
  if (isLoopbackHost(target.hostname)) return { kind: 'direct' }
  const names =
    target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY']
  const variable = names.find((name) => (env[name] ?? '').trim() !== '')
  if (variable === undefined) return { kind: 'direct' }
  const noProxy = [env.no_proxy, env.NO_PROXY].find((value) => (value ?? '').trim() !== '') ?? ''
  if (noProxyMatches(target, noProxy)) return { kind: 'direct' }
  const value = (env[variable] ?? '').trim()
  let proxy: URL
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`)
  } catch {
    return { kind: 'invalid', variable, reason: `${variable} is not a URL` }
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    return {
      kind: 'invalid',
      variable,
      reason: `${variable} names a ${proxy.protocol.replace(/:$/, '')} proxy; only http:// and https:// proxies are supported`
    }
  }
  if (proxy.hostname === '') return { kind: 'invalid', variable, reason: `${variable} has no host` }
  return { kind: 'proxy', proxy, variable }
}

/**
 * True when a `NO_PROXY` list exempts `target`. Entries are separated by commas or white space
 * and compared without case: `*` matches every host; `example.com`, `.example.com` and
 * `*.example.com` each match example.com and every name under it; an IP address matches itself
 * and `10.0.0.0/8` (CIDR) the addresses in it; `[::1]` or `::1` an IPv6 address; any entry may end
 * in `:PORT` to match that port only (the URL's port, or 80/443 by its scheme).
 */
function noProxyMatches(target: URL, noProxy: string): boolean {
  const host = target.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80))
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    const parsed = splitPort(entry)
    if (parsed === undefined) continue
    if (parsed.port !== undefined && parsed.port !== port) continue
    if (hostMatches(host, parsed.name)) return true
  }
  return false
}

// `name` and the port of an entry; an IPv6 address has colons of its own, so it takes a port
// only inside brackets.
function splitPort(entry: string): { name: string; port?: number } | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed !== null) {
    const [, name = '', port] = bracketed
    return port === undefined ? { name } : { name, port: Number(port) }
  }
  const colons = entry.split(':').length - 1
  if (colons !== 1) return { name: entry }
  const withPort = /^(.+):(\d+)$/.exec(entry)
  if (withPort === null) return undefined
  return { name: withPort[1] ?? '', port: Number(withPort[2]) }
}

function hostMatches(host: string, entry: string): boolean {
  const hostIp = isIP(host)
  const slash = entry.indexOf('/')
  if (slash !== -1) {
    const network = entry.slice(0, slash)
    const prefix = Number(entry.slice(slash + 1))
    const family = isIP(network)
    if (family === 0 || hostIp !== family || !Number.isInteger(prefix)) return false
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix < 0 || prefix > (family === 4 ? 32 : 128)) return false
    const list = new BlockList()
    list.addSubnet(network, prefix, type)
    return list.check(host, type)
  }
  const entryIp = isIP(entry)
  if (entryIp !== 0) {
    if (hostIp !== entryIp) return false
    // Compared as addresses: IPv6 has many spellings of one address.
    const type = entryIp === 4 ? 'ipv4' : 'ipv6'
    const list = new BlockList()
    list.addAddress(entry, type)
    return list.check(host, type)
  }
  // A name suffix says nothing about an address.
  const name = entry.replace(/^\*?\./, '').replace(/\.$/, '')
  if (name === '' || hostIp !== 0) return false
  return host === name || host.endsWith(`.${name}`)
}
