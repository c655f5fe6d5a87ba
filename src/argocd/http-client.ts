import * as http from 'node:http'
import * as https from 'node:https'

/** One HTTP request. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: Buffer
  /** The whole exchange must end within this many ms. */
  readonly timeoutMs: number
}

/** The answer, whatever its status. */
export interface HttpResponse {
  readonly status: number
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string
}

/** The HTTP surface the Argo CD stage needs; rejects with HttpNetworkError when no answer came. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>
}

/** No HTTP answer: connection refused or reset, DNS, TLS, timeout. */
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
  readonly insecure: boolean
  /** Largest response body read, in bytes (Application objects of big apps run to megabytes). */
  readonly maxBodyBytes?: number
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024

/** An HttpClient on Node's http/https with its own agents, so `insecure` affects nothing else. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const httpsAgent = new https.Agent({ keepAlive: false, rejectUnauthorized: !options.insecure })
  const httpAgent = new http.Agent({ keepAlive: false })
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  return {
    request: (request) =>
      send(request, request.url.startsWith('https:') ? httpsAgent : httpAgent, maxBody)
  }
}

function send(request: HttpRequest, agent: http.Agent, maxBody: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url)
    const module = url.protocol === 'https:' ? https : http
    const headers: Record<string, string> = { ...request.headers }
    if (request.body !== undefined) headers['Content-Length'] = String(request.body.length)
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
    // One deadline for the whole exchange (connect, upload, wait, download), unlike socket idle timeouts.
    const timer = setTimeout(() => {
      fail(new Error('timeout'), true)
      req.destroy()
    }, request.timeoutMs)
    req.on('error', (error) => {
      fail(error)
    })
    req.end(request.body)
  })
}
