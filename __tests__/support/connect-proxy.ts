import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

/** A loopback forward proxy that sends every request to 127.0.0.1, whatever host it names. */
export interface ConnectProxy {
  readonly url: string
  /** `host:port` of every tunnel asked for, in order. */
  readonly tunnels: string[]
  /** `METHOD absolute-URI` of every request forwarded without a tunnel, in order. */
  readonly forwarded: string[]
  /** The `Proxy-Authorization` header of every CONNECT or forwarded request ('' when absent). */
  readonly proxyAuthorizations: string[]
  close(): Promise<void>
}

/**
 * Starts a proxy that maps every host to 127.0.0.1 at the port asked for, so a service can be
 * named by a host only the proxy can reach: a request that bypassed the proxy fails instead of
 * passing unseen (loopback addresses are never proxied). It tunnels `CONNECT host:port` and
 * forwards requests in absolute-URI form (`GET http://host:port/path`); a request in origin form
 * (`GET /path`) is not a proxy request and gets 400.
 */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const forwarded: string[] = []
  const proxyAuthorizations: string[] = []
  // Tunnelled sockets leave the server's bookkeeping, so close() ends them by hand.
  const sockets = new Set<net.Socket>()
  const server = http.createServer((req, res) => {
    const url = req.url ?? ''
    if (!url.startsWith('http://')) {
      res.writeHead(400).end('not a proxy request')
      return
    }
    forwarded.push(`${req.method ?? ''} ${url}`)
    proxyAuthorizations.push(req.headers['proxy-authorization'] ?? '')
    const target = new URL(url)
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: Number(target.port || 80),
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
        agent: false
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    tunnels.push(req.url ?? '')
    proxyAuthorizations.push(req.headers['proxy-authorization'] ?? '')
    sockets.add(socket)
    const upstream = net.connect(
      Number(new URL(`http://${req.url ?? ''}`).port),
      '127.0.0.1',
      () => {
        sockets.add(upstream)
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.pipe(socket)
        socket.pipe(upstream)
      }
    )
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    forwarded,
    proxyAuthorizations,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
