import type { HttpClient, HttpRequest } from './http-client.js'

/** The `fetch` signature libraries such as Octokit accept as their transport. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** Bounds of every request sent through the adapter. */
interface HttpFetchOptions {
  /** The whole exchange (connect, upload, wait, download) of one request, in ms. */
  readonly timeoutMs: number
  /** Largest response body accepted, in bytes. */
  readonly maxBodyBytes: number
}

/**
 * The server answered with a redirect. Nothing follows it: the request carried a credential
 * that must not reach the host the redirect names.
 */
export class HttpRedirectError extends Error {
  /** The redirect's status. */
  readonly status: number
  /** Where the server pointed; '' when it did not say. */
  readonly location: string

  constructor(method: string, url: string, status: number, location: string) {
    super(
      `${method} ${url} answered ${status} with a redirect${location === '' ? '' : ` to ${location}`}; redirects are not followed, so the credential never goes to another server`
    )
    this.name = 'HttpRedirectError'
    this.status = status
    this.location = location
  }
}

/** The response body was larger than the adapter accepts. */
class HttpBodyTooLargeError extends Error {
  constructor(method: string, url: string, maxBodyBytes: number) {
    super(`${method} ${url}: the answer is larger than ${maxBodyBytes} bytes`)
    this.name = 'HttpBodyTooLargeError'
  }
}

const METHODS: readonly HttpRequest['method'][] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']

function methodOf(method: string | undefined): HttpRequest['method'] {
  const upper = (method ?? 'GET').toUpperCase()
  const known = METHODS.find((m) => m === upper)
  if (known === undefined) throw new TypeError(`HTTP method ${upper} is not supported`)
  return known
}

function headersOf(init: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const headers: Record<string, string> = {}
  new Headers(init).forEach((value, name) => {
    headers[name] = value
  })
  return headers
}

async function bodyOf(body: RequestInit['body']): Promise<Buffer | string | undefined> {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return body
  if (body instanceof ArrayBuffer) return Buffer.from(body)
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  // streams, forms, blobs: read them the way fetch would
  return Buffer.from(await new Response(body).arrayBuffer())
}

// Statuses a Response may not carry a body with.
const NO_BODY = new Set([101, 103, 204, 205, 304])

/**
 * A `fetch` over the action's HttpClient: every request has the client's whole-exchange
 * deadline (`timeoutMs`) and body cap, goes through the runner's proxy settings the client
 * applies, and a redirect is an HttpRedirectError instead of a request to another host. A request
 * that gets no answer rejects with the client's HttpNetworkError ("no answer within N s").
 */
export function createHttpFetch(http: HttpClient, options: HttpFetchOptions): FetchFunction {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input
    const method = methodOf(init?.method ?? request?.method)
    const headers = headersOf(init?.headers ?? request?.headers)
    const body = await bodyOf(init?.body ?? (request ? await request.arrayBuffer() : undefined))
    const answer = await http.request({
      method,
      url,
      headers,
      ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }),
      timeoutMs: options.timeoutMs
    })
    if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
      throw new HttpRedirectError(method, url, answer.status, answer.headers.location ?? '')
    }
    if (Buffer.byteLength(answer.body, 'utf8') > options.maxBodyBytes) {
      throw new HttpBodyTooLargeError(method, url, options.maxBodyBytes)
    }
    const responseHeaders = new Headers()
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) responseHeaders.set(name, value)
    }
    return new Response(NO_BODY.has(answer.status) || method === 'HEAD' ? null : answer.body, {
      status: answer.status,
      headers: responseHeaders
    })
  }
}
