import * as http from 'node:http'
import * as https from 'node:https'
import type * as net from 'node:net'
import {
  HttpNetworkError,
  PlainHttpCredentialError,
  type HttpClient,
  type HttpRequest,
  type HttpResponse
} from './http-client.js'
import { isLoopbackHost } from './loopback.js'
import { proxyRoute, type ProxyEnv } from './proxy-env.js'
import { bareHost, openTunnel, proxyAuthorization, proxyPort, shownProxy } from './proxy-tunnel.js'

/** Settings of the real client. */
export interface HttpClientOptions {
  /**
   * The environment the proxy variables are read from (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`
   * and their lower-case forms): the settings layer's copy of the runner's environment. Without
   * it every request goes directly.
   */
  readonly env?: ProxyEnv
  /** Skip TLS certificate verification of the target, for this client's requests only. */
  readonly insecure?: boolean
  /** Largest response body read, in bytes (Application objects of big apps run to megabytes). */
  readonly maxBodyBytes?: number
}

/** Default cap on a response body, so no server can make the action hold unbounded memory. */
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024

/**
 * An HttpClient on Node's http/https. Through a proxy, plain http goes in absolute-URI form
 * (`POST http://host/path` to the proxy) and https through a `CONNECT` tunnel, as curl does.
 * No connection is kept alive or pooled: at its deadline every socket of a request is destroyed,
 * the proxy's included, so nothing is left to hold the process open.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const settings: Settings = {
    env: options.env ?? {},
    rejectUnauthorized: options.insecure !== true,
    maxBody: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  }
  return {
    request: async (request) => {
      const target = parseTarget(request.url)
      refuseExposedCredentials(request, target)
      return send(request, target, settings)
    }
  }
}

interface Settings {
  readonly env: ProxyEnv
  readonly rejectUnauthorized: boolean
  readonly maxBody: number
}

function parseTarget(url: string): URL {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    throw new HttpNetworkError('not a valid URL', 'ERR_INVALID_URL', false)
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new HttpNetworkError(
      `${target.protocol} URLs are not supported (only http and https)`,
      'ERR_INVALID_PROTOCOL',
      false
    )
  }
  return target
}

// The one place the transport of credentials is checked, for every caller alike.
function refuseExposedCredentials(request: HttpRequest, target: URL): void {
  if (target.protocol !== 'http:' || request.allowPlainHttpCredentials === true) return
  if (isLoopbackHost(target.hostname)) return
  const names = Object.keys(request.headers).map((name) => name.toLowerCase())
  const carried = [
    ...(names.includes('authorization') ? ['an Authorization header'] : []),
    ...(names.includes('cookie') ? ['a cookie'] : []),
    ...(target.username !== '' || target.password !== '' ? ['credentials in the URL'] : [])
  ]
  if (carried.length === 0) return
  throw new PlainHttpCredentialError(
    `refused to send ${carried.join(' and ')} over plain http to ${target.host}, which is not ` +
      'this machine: use https (plain http is allowed to localhost, 127.0.0.0/8 and [::1] only)'
  )
}

// The headers of the request itself: a body's length, and Basic credentials written in the URL
// (as Node would send them for a URL, here explicit because the request line may be a proxy's).
function targetHeaders(request: HttpRequest, target: URL, body: Buffer | undefined) {
  const headers: Record<string, string> = { ...request.headers }
  if (body !== undefined) headers['Content-Length'] = String(body.length)
  const hasAuthorization = Object.keys(headers).some((n) => n.toLowerCase() === 'authorization')
  if (!hasAuthorization && (target.username !== '' || target.password !== '')) {
    const pair = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`
  }
  return headers
}

function send(request: HttpRequest, target: URL, settings: Settings): Promise<HttpResponse> {
  const route = proxyRoute(target, settings.env)
  if (route.kind === 'invalid') {
    return Promise.reject(new HttpNetworkError(`proxy setting: ${route.reason}`, 'EPROXY', false))
  }
  const proxy = route.kind === 'proxy' ? route.proxy : undefined
  const via = proxy === undefined ? '' : ` (through proxy ${shownProxy(proxy)})`
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body)
    const headers = targetHeaders(request, target, body)
    const path = `${target.pathname}${target.search}`
    // Every socket this exchange opens, so the end of the exchange, in success or failure,
    // leaves none behind: one left open would keep the process alive after its work is done.
    const sockets = new Set<net.Socket>()
    const track = (socket: net.Socket): void => {
      sockets.add(socket)
      if (settled) socket.destroy()
    }
    let current: http.ClientRequest | undefined
    let settled = false
    const finish = (): void => {
      settled = true
      clearTimeout(timer)
      current?.destroy()
      for (const socket of sockets) socket.destroy()
    }
    const fail = (error: Error & { code?: string }, timedOut = false): void => {
      if (settled) return
      finish()
      const text = timedOut
        ? `no answer within ${Math.round(request.timeoutMs / 1000)} s${via}`
        : `${error.message}${via}`
      reject(new HttpNetworkError(text, timedOut ? 'ETIMEDOUT' : error.code, timedOut))
    }
    // One deadline for the whole exchange, unlike socket idle timeouts: a server or proxy that
    // accepts and never answers, or drips bytes, cannot keep the step alive.
    const timer = setTimeout(() => {
      fail(new Error('timeout'), true)
    }, request.timeoutMs)

    const onResponse = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > settings.maxBody) {
          fail(new Error(`response larger than ${settings.maxBody} bytes`))
          return
        }
        chunks.push(chunk)
      })
      res.on('error', fail)
      res.on('end', () => {
        if (settled) return
        finish()
        const responseHeaders: Record<string, string | undefined> = {}
        for (const [name, value] of Object.entries(res.headers)) {
          responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: responseHeaders,
          body: Buffer.concat(chunks).toString('utf8')
        })
      })
    }
    const start = (req: http.ClientRequest): void => {
      current = req
      req.on('socket', track)
      req.on('response', onResponse)
      req.on('error', fail)
      req.end(body)
    }

    const host = bareHost(target.hostname)
    const port = target.port === '' ? undefined : Number(target.port)
    const base = { method: request.method, agent: false as const }
    if (proxy === undefined) {
      const module = target.protocol === 'https:' ? https : http
      start(
        module.request({
          ...base,
          host,
          port,
          path,
          headers,
          rejectUnauthorized: settings.rejectUnauthorized
        })
      )
    } else if (target.protocol === 'http:') {
      // Absolute-URI form: the proxy forwards it, where a CONNECT to a port other than 443 is
      // refused by Squid's default configuration.
      const module = proxy.protocol === 'https:' ? https : http
      start(
        module.request({
          ...base,
          host: bareHost(proxy.hostname),
          port: proxyPort(proxy),
          path: `${target.protocol}//${target.host}${path}`,
          headers: { Host: target.host, ...headers, ...proxyAuthorization(proxy) }
        })
      )
    } else {
      openTunnel(proxy, target, settings.rejectUnauthorized, track).then((secure) => {
        // Before anything else: a socket error with no listener would crash the process.
        secure.on('error', fail)
        if (settled) return
        start(
          https.request({
            method: request.method,
            host,
            port,
            path,
            headers,
            createConnection: () => secure
          })
        )
      }, fail)
    }
  })
}
