import * as http from 'node:http'
import * as https from 'node:https'
import type * as net from 'node:net'
import * as tls from 'node:tls'
import { isIP } from 'node:net'

/** A proxy refused or broke the tunnel; `code` is `EPROXY`. */
class ProxyTunnelError extends Error {
  readonly code = 'EPROXY'
  constructor(message: string) {
    super(message)
    this.name = 'ProxyTunnelError'
  }
}

/** A proxy URL for messages: `host:port`, never its credentials. */
export function shownProxy(proxy: URL): string {
  return `${proxy.hostname}:${proxyPort(proxy)}`
}

/** The proxy's port: the URL's, else 80 (443 for an `https://` proxy). */
export function proxyPort(proxy: URL): number {
  return Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80))
}

/** `Proxy-Authorization: Basic …` for a proxy URL with `user:password`, else nothing. */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '' && proxy.password === '') return {}
  const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
  return { 'Proxy-Authorization': `Basic ${Buffer.from(pair).toString('base64')}` }
}

/** A host as the socket APIs want it: an IPv6 address without its URL brackets. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '')
}

/**
 * Asks `proxy` for a `CONNECT` tunnel to the https `target` and starts TLS to the target through
 * it. `rejectUnauthorized` is the target's (argocd-insecure); an `https://` proxy's own
 * certificate is always verified. Every socket opened is handed to `track` the moment it exists,
 * so the caller's deadline can destroy it whatever state the exchange is in (a proxy that
 * accepts and never answers the CONNECT included).
 */
export function openTunnel(
  proxy: URL,
  target: URL,
  rejectUnauthorized: boolean,
  track: (socket: net.Socket) => void
): Promise<tls.TLSSocket> {
  const authority = `${target.hostname}:${target.port || '443'}`
  const module = proxy.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const connect = module.request({
      host: bareHost(proxy.hostname),
      port: proxyPort(proxy),
      method: 'CONNECT',
      path: authority,
      headers: { Host: authority, ...proxyAuthorization(proxy) },
      agent: false
    })
    connect.on('socket', track)
    // `on`, not `once`: a request destroyed at the deadline may report more than one error.
    connect.on('error', reject)
    // Node hands every answer to a CONNECT, whatever its status, to this listener.
    connect.once('connect', (answer: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      if (answer.statusCode !== 200) {
        socket.destroy()
        reject(
          new ProxyTunnelError(
            `proxy ${shownProxy(proxy)} refused CONNECT ${authority}: HTTP ${answer.statusCode ?? 0} ${answer.statusMessage ?? ''}`.trimEnd()
          )
        )
        return
      }
      if (head.length > 0) socket.unshift(head)
      const host = bareHost(target.hostname)
      const secure = tls.connect({
        socket,
        host,
        // SNI carries names only, never an address.
        ...(isIP(host) === 0 ? { servername: host } : {}),
        rejectUnauthorized,
        ALPNProtocols: ['http/1.1']
      })
      track(secure)
      socket.on('error', (error) => secure.destroy(error))
      resolve(secure)
    })
    connect.end()
  })
}
