import { execFileSync, spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { KeyAndCert } from '../../support/self-signed.js'

/** Handles a request before git does; returns false to let git serve it. */
export type ExtraRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer
) => boolean | Promise<boolean>

/**
 * A smart-HTTP git server on 127.0.0.1 (`git http-backend` as CGI) that demands a token, over
 * plain http or, given a key and certificate, over https.
 */
export interface GitHttpServer {
  readonly url: string
  /** `METHOD PATH STATUS` of every git request. */
  readonly requests: string[]
  /** The Authorization header of every request (API ones too), '' when absent. */
  readonly authorizations: string[]
  close(): Promise<void>
}

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()

function authorized(header: string | undefined, token: string): boolean {
  const [scheme = '', credentials = ''] = (header ?? '').split(' ')
  return (
    scheme.toLowerCase() === 'basic' &&
    credentials === Buffer.from(`x-access-token:${token}`).toString('base64')
  )
}

function serveGit(root: string, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    CONTENT_LENGTH: String(body.length),
    REMOTE_USER: 'x-access-token',
    REMOTE_ADDR: '127.0.0.1',
    GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
    HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? ''
  }
  const child = spawn(realGit, ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  let head = Buffer.alloc(0)
  let headersSent = false
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk)
      return
    }
    head = Buffer.concat([head, chunk])
    const end = head.indexOf('\r\n\r\n')
    if (end < 0) return
    let status = 200
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':')
      const name = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
      else res.setHeader(name, value)
    }
    res.writeHead(status)
    headersSent = true
    res.write(head.subarray(end + 4))
  })
  child.stderr.resume()
  child.on('close', () => {
    if (!headersSent) res.writeHead(500)
    res.end()
  })
  child.stdin.on('error', () => {
    // http-backend may answer without reading the body
  })
  child.stdin.end(body)
}

/**
 * Starts the server over the bare repositories under `root` (URL path = path under root); with
 * `tls` it serves https with that key and certificate.
 */
export async function startGitHttpServer(
  root: string,
  token: string,
  extra?: ExtraRoute,
  tls?: KeyAndCert
): Promise<GitHttpServer> {
  const requests: string[] = []
  const authorizations: string[] = []
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    authorizations.push(req.headersDistinct.authorization?.join(', ') ?? '')
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks)
        if (extra && (await extra(req, res, body))) return
        const auth = req.headersDistinct.authorization ?? []
        const record = (status: number): void => {
          requests.push(`${req.method ?? ''} ${req.url ?? ''} ${status}`)
        }
        if (auth.length > 1) {
          record(400)
          res.writeHead(400).end('Duplicate header: "Authorization"')
          return
        }
        if (token !== '' && !authorized(auth[0], token)) {
          record(401)
          res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end()
          return
        }
        record(200)
        serveGit(root, req, res, body)
      })()
    })
  }
  const server = tls
    ? createTlsServer({ key: tls.key, cert: tls.cert }, handle)
    : createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}
