// What every stage sees of HTTP: the request and answer shapes, the client interface and its
// errors. Kept apart from the implementation (http.ts, which the composition root loads), so a
// stage's lazily loaded code does not carry its own copy of the proxying client.
import { ActionError } from './errors.js'

/** One HTTP request. */
export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: Buffer | string
  /** The whole exchange (proxy, connect, upload, wait, download) must end within this many ms. */
  readonly timeoutMs: number
  /**
   * Lets credentials (an `Authorization` or `Cookie` header, or `user:password` in the URL) go
   * over plain http to a host that is not loopback. Only for a choice the user made explicitly,
   * such as `argocd-insecure: true`; without it such a request is refused (PlainHttpCredentialError).
   */
  readonly allowPlainHttpCredentials?: boolean
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
 * redirect, so a credential is never carried to a host the caller did not choose; it never sends
 * credentials over plain http to a host that is not loopback unless the request allows it; it
 * goes through the proxy its environment names (see proxyRoute); it rejects with
 * HttpNetworkError when no answer came in time.
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>
}

/** No HTTP answer: connection refused or reset, DNS, TLS, proxy, timeout, or an oversized body. */
export class HttpNetworkError extends Error {
  /** Node's error code, e.g. ECONNREFUSED or DEPTH_ZERO_SELF_SIGNED_CERT; EPROXY for a proxy's refusal. */
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

/**
 * A request would have sent credentials unencrypted to a host that is not this machine. Nothing
 * was sent; retrying will not help.
 */
export class PlainHttpCredentialError extends ActionError {}
