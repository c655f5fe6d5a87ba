import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

/** A loopback CONNECT proxy that tunnels to 127.0.0.1, whatever host a tunnel names. */
export interface ConnectProxy {
  readonly url: string
  /** `host:port` of every tunnel asked for, in order. */
  readonly tunnels: string[]
  close(): Promise<void>
}

/**
 * Starts a proxy that maps every host to 127.0.0.1 at the port the tunnel names, so a service can be named by a host only the proxy can reach: a request that bypassed
 * the proxy fails instead of passing unseen (the toolkit never proxies loopback addresses).
 * Anything but CONNECT gets 405.
 */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = []
  // Tunnelled sockets leave the server's bookkeeping, so close() ends them by hand.
  const sockets = new Set<net.Socket>()
  const server = http.createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    tunnels.push(req.url ?? '')
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
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
