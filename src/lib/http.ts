import * as http from 'node:http'
import * as https from 'node:https'
import { HttpClient as ProxyAwareClient, getProxyUrl } from '@actions/http-client'

/** One HTTP request. */
export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: Buffer | string
  /** The whole exchange (connect, upload, wait, download) must end within this many ms. */
  readonly timeoutMs: number
}

/** The answer, whatever its status. Redirects are answers too: nothing is followed on its own. */
export interface HttpResponse {
  readonly status: number
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
}

/**
 * The one HTTP client of the action (webhook, Argo CD API, registry API). It never follows a
 * redirect, so a credential is never carried to a host the caller did not choose; it honours
 * `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`; it rejects with HttpNetworkError when no answer came.
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>
}

/** No HTTP answer: connection refused or reset, DNS, TLS, proxy, timeout, or an oversized body. */
export class HttpNetworkError extends Error {
  /** Node's error code, e.g. ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT. */
  readonly code: string | undefined
  /** The request ran out of time. */
  readonly timedOut: boolean
  /** The server's certificate was not trusted: retrying will not help. */
  readonly tls: boolean

  constructor(message: string, code: string | undefined, timedOut: boolean) {
    super(message)
    this.name = 'HttpNetworkError'
    this.code = code
    this.timedOut = timedOut
    this.tls = code !== undefined && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS/.test(code)
  }
}

/** Settings of the real client. */
export interface HttpClientOptions {
  /** Skip TLS certificate verification, for this client's requests only. */
  readonly insecure?: boolean
  /** Largest response body read, in bytes (Application objects of big apps run to megabytes). */
  readonly maxBodyBytes?: number
}

/** Default cap on a response body, so no server can make the action hold unbounded memory. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024

/**
 * An HttpClient on Node's http/https. Agents come from `@actions/http-client`, which picks a
 * proxy tunnel from the runner's proxy variables (and `NO_PROXY`) the way the toolkit does for
 * every action; each client has its own agents, so `insecure` affects nothing else.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const insecure = options.insecure === true
  const direct = {
    https: new https.Agent({ keepAlive: false, rejectUnauthorized: !insecure }),
    http: new http.Agent({ keepAlive: false })
  }
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  return {
    request: (request) => {
      const url = new URL(request.url)
      const secure = url.protocol === 'https:'
      // A fresh toolkit client per proxied request: it caches one tunnel agent whatever the
      // target's scheme, and the tunnel for https differs from the one for http.
      const agent =
        getProxyUrl(request.url) !== ''
          ? new ProxyAwareClient('gitops-release', [], {
              ignoreSslError: insecure,
              keepAlive: false,
              allowRedirects: false
            }).getAgent(request.url)
          : secure
            ? direct.https
            : direct.http
      return send(request, url, agent, maxBody)
    }
  }
}

function send(
  request: HttpRequest,
  url: URL,
  agent: http.Agent,
  maxBody: number
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const module = url.protocol === 'https:' ? https : http
    const headers: Record<string, string> = { ...request.headers }
    const body = request.body === undefined ? undefined : Buffer.from(request.body)
    if (body !== undefined) headers['Content-Length'] = String(body.length)
    let settled = false
    const fail = (error: Error & { code?: string }, timedOut = false): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      const text = timedOut
        ? `no answer within ${Math.round(request.timeoutMs / 1000)} s`
        : error.message
      reject(new HttpNetworkError(text, timedOut ? 'ETIMEDOUT' : error.code, timedOut))
    }
    const req = module.request(url, { method: request.method, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBody) {
          req.destroy()
          fail(new Error(`response larger than ${maxBody} bytes`))
          return
        }
        chunks.push(chunk)
      })
      res.on('error', fail)
      res.on('end', () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
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
    })
    // One deadline for the whole exchange, unlike socket idle timeouts: a server that drips
    // bytes cannot keep the step alive.
    const timer = setTimeout(() => {
      fail(new Error('timeout'), true)
      req.destroy()
    }, request.timeoutMs)
    req.on('error', (error) => {
      fail(error)
    })
    req.end(body)
  })
}
