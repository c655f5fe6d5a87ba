import { ArgoCdError } from '../lib/errors.js'
import { HttpNetworkError } from '../lib/http-client.js'
import type { HttpClient, HttpRequest, HttpResponse } from '../lib/http-client.js'
import { describeBody, redirectHint } from './answer.js'
import type { AppRef } from './app-ref.js'
import { redactUrl } from '../lib/redact.js'

/** The Argo CD REST calls the stage makes (`/api/v1/applications`). */
export interface ArgoCdApi {
  /**
   * GET the Application. With `refresh`, Argo CD answers only once the controller has
   * re-read the branch and compared (and, for auto-sync apps, decided to sync).
   */
  getApp(
    app: AppRef,
    options: { readonly refresh: boolean; readonly timeoutMs: number }
  ): Promise<unknown>
  /**
   * POST a sync without a revision: `started` with the Application (its operation set), or
   * `in-progress` when another operation already runs.
   */
  sync(app: AppRef, timeoutMs: number): Promise<SyncResult>
}

/** The answer to a sync request. */
type SyncResult =
  { readonly result: 'started'; readonly application: unknown } | { readonly result: 'in-progress' }

/** The API did not answer usefully for now (network error, timeout, 5xx, 429): try again later. */
export class ArgoCdUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArgoCdUnavailableError'
  }
}

/** Where the API is and how to authenticate: `argocd-server`, `argocd-token`, `argocd-insecure`. */
interface ArgoCdApiOptions {
  /** Base URL with any root path. */
  readonly server: string
  readonly token: string
  /** Allows plain http to a non-loopback host (and skips TLS checks, in the HTTP client). */
  readonly insecure: boolean
}

const USER_AGENT = 'gitops-release'

/**
 * An ArgoCdApi for `options.server` authenticated with `options.token`. The token goes over
 * plain http to a host that is not loopback only with `argocd-insecure`: the settings refuse it
 * otherwise, and the HTTP client refuses every such request it is not told to allow.
 */
export function createArgoCdApi(options: ArgoCdApiOptions, http: HttpClient): ArgoCdApi {
  const base = options.server.trim().replace(/\/+$/, '')
  const shownServer = redactUrl(base).replace(/\/+$/, '')
  const authorization = `Bearer ${options.token.trim()}`
  const allowPlainHttpCredentials = options.insecure

  const appUrl = (app: AppRef, suffix: string, query: Record<string, string>): string => {
    const params = new URLSearchParams(query)
    const search = params.size === 0 ? '' : `?${params.toString()}`
    return `${base}/api/v1/applications/${encodeURIComponent(app.name)}${suffix}${search}`
  }

  const call = async (app: AppRef, what: string, request: HttpRequest): Promise<HttpResponse> => {
    try {
      return await http.request(request)
    } catch (error) {
      if (error instanceof HttpNetworkError && error.tls) {
        throw new ArgoCdError(
          `Argo CD at ${shownServer}: TLS verification failed while ${what} ${app.label} (${error.message}). ` +
            'If the server uses a self-signed certificate, set argocd-insecure: true.',
          { input: 'argocd-insecure' }
        )
      }
      if (error instanceof HttpNetworkError) {
        throw new ArgoCdUnavailableError(`${what} ${app.label}: ${error.message}`)
      }
      throw error
    }
  }

  const refuse = (app: AppRef, what: string, response: HttpResponse): never => {
    const detail = `HTTP ${response.status}${describeBody(response)}`
    if (response.status === 401) {
      throw new ArgoCdError(
        `Argo CD at ${shownServer} rejected argocd-token while ${what} ${app.label} (${detail}); ` +
          'the token is invalid or expired: create a new one with `argocd account generate-token`',
        { input: 'argocd-token' }
      )
    }
    if (response.status === 403) {
      throw new ArgoCdError(
        `Argo CD at ${shownServer} denied ${what} ${app.label} (${detail}). The token's account needs RBAC ` +
          '"applications, get" (and "applications, sync" for argocd-sync) on the app\'s project; ' +
          'Argo CD also answers 403 for an application that does not exist',
        { input: 'argocd-app' }
      )
    }
    if (response.status === 404) {
      const where = app.namespace === undefined ? '' : ` in namespace ${app.namespace}`
      throw new ArgoCdError(
        `Argo CD at ${shownServer} has no application ${app.name}${where} (${detail}); ` +
          'check argocd-app (NAME, or NAMESPACE/NAME for apps outside the Argo CD namespace) and argocd-server',
        { input: 'argocd-app' }
      )
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new ArgoCdUnavailableError(`${what} ${app.label}: ${detail}`)
    }
    const redirect = redirectHint(response, 'argocd-server')
    if (redirect !== '') {
      throw new ArgoCdError(
        `Argo CD at ${shownServer} answered ${what} ${app.label} with ${detail}${redirect}`,
        { input: 'argocd-server' }
      )
    }
    throw new ArgoCdError(`Argo CD at ${shownServer} refused ${what} ${app.label} (${detail})`, {
      input: 'argocd-app'
    })
  }

  const json = (app: AppRef, what: string, response: HttpResponse): unknown => {
    try {
      return JSON.parse(response.body) as unknown
    } catch {
      throw new ArgoCdError(
        `Argo CD at ${shownServer} answered ${what} ${app.label} with HTTP ${response.status} but not JSON ` +
          `(${response.headers['content-type'] ?? 'no content type'}); argocd-server must be the base URL ` +
          'of Argo CD (plus its --rootpath, if any), e.g. https://argocd.example.com',
        { input: 'argocd-server' }
      )
    }
  }

  return {
    getApp: async (app, options) => {
      const what = options.refresh ? 'refreshing' : 'reading'
      const query: Record<string, string> = {}
      if (options.refresh) query.refresh = 'normal'
      if (app.namespace !== undefined) query.appNamespace = app.namespace
      const response = await call(app, what, {
        method: 'GET',
        url: appUrl(app, '', query),
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'User-Agent': USER_AGENT
        },
        timeoutMs: options.timeoutMs,
        allowPlainHttpCredentials
      })
      if (response.status !== 200) refuse(app, what, response)
      return json(app, what, response)
    },
    sync: async (app, timeoutMs) => {
      // No revision: the server resolves targetRevision live, and a revision would be refused for
      // auto-sync apps ("Cannot sync to REV: auto-sync currently set to ...").
      const body = app.namespace === undefined ? {} : { appNamespace: app.namespace }
      const response = await call(app, 'syncing', {
        method: 'POST',
        url: appUrl(app, '/sync', {}),
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          // Exactly this value: Argo CD answers 415 to anything else, even with a charset.
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT
        },
        body: Buffer.from(JSON.stringify(body), 'utf8'),
        timeoutMs,
        allowPlainHttpCredentials
      })
      if (response.status === 200) {
        return { result: 'started', application: json(app, 'syncing', response) }
      }
      if (
        response.status === 400 &&
        /another operation is already in progress/i.test(response.body)
      ) {
        return { result: 'in-progress' }
      }
      return refuse(app, 'syncing', response)
    }
  }
}
