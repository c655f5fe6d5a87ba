import { randomUUID } from 'node:crypto'
import { errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { describeBody, short } from './text.js'
import { nextDelay, WEBHOOK_RETRY } from './backoff.js'
import type { RetryPolicy } from './backoff.js'
import { systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { createHttpClient, HttpNetworkError } from './http-client.js'
import type { HttpClient, HttpResponse } from './http-client.js'
import { coreMask, maskArgoCdSecrets } from './mask.js'
import type { Mask } from './mask.js'
import { normalizeRepoUrl, redactUrl } from './repo-url.js'
import { signBody } from './signature.js'
import { buildPushPayload, serializePayload } from './webhook-payload.js'
import type { ArgoCdOptions, PushedCommit, WebhookResult } from './types.js'

/** What notifyWebhook may be given instead of the real thing (tests, the benchmark). */
export interface WebhookDeps {
  readonly http?: HttpClient
  readonly clock?: Clock
  readonly retry?: RetryPolicy
  /** Per attempt, in ms (default 10 s). */
  readonly requestTimeoutMs?: number
  readonly mask?: Mask
  /** The `X-GitHub-Delivery` id (default: a random UUID). */
  readonly deliveryId?: () => string
}

const POLL_NOTE =
  'Argo CD will still notice the commit at its next poll (every 3 minutes by default).'

/** `argocd-webhook-url` as the endpoint: a bare server URL gets Argo CD's `/api/webhook`. */
export function webhookEndpoint(url: string): string {
  const parsed = new URL(url.trim())
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/api/webhook'
  return parsed.toString()
}

/**
 * Sends the GitHub `push` event for `commit` to `argocd-webhook-url`, signed with the secret.
 * Retries network errors and 5xx with bounded back-off; a 4xx is final. Never throws for a
 * delivery problem: it warns (Argo CD still polls) and says why in the result.
 */
export async function notifyWebhook(
  options: ArgoCdOptions,
  commit: PushedCommit,
  logger: Logger,
  deps: WebhookDeps = {}
): Promise<WebhookResult> {
  const rawUrl = options.webhookUrl?.trim() ?? ''
  if (rawUrl === '')
    return { delivered: false, attempts: 0, url: '', reason: 'argocd-webhook-url is not set' }
  maskArgoCdSecrets(options, deps.mask ?? coreMask)
  const endpoint = webhookEndpoint(rawUrl)
  const shown = redactUrl(endpoint)
  const notDelivered = (reason: string, attempts: number, status?: number): WebhookResult => {
    logger.warning(`Argo CD webhook not delivered to ${shown}: ${reason}. ${POLL_NOTE}`)
    return {
      delivered: false,
      attempts,
      url: shown,
      reason,
      ...(status === undefined ? {} : { status })
    }
  }

  let htmlUrl: string
  try {
    const override = options.repoUrl?.trim() ?? ''
    htmlUrl =
      override === '' ? normalizeRepoUrl(commit.repoUrl, 'repository') : normalizeRepoUrl(override)
  } catch (error) {
    return notDelivered(errorMessage(error), 0)
  }
  const body = serializePayload(buildPushPayload(commit, htmlUrl))
  const secret = options.webhookSecret?.trim() ?? ''
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-GitHub-Event': 'push',
    'X-GitHub-Delivery': (deps.deliveryId ?? randomUUID)(),
    'User-Agent': 'gitops-release',
    ...(secret === '' ? {} : signBody(body, secret))
  }
  logger.info(
    `Notifying Argo CD: push event for ${htmlUrl} branch ${commit.branch} at ${short(commit.after)} ` +
      `(${commit.files.length} changed file${commit.files.length === 1 ? '' : 's'}, ${body.length} bytes, ` +
      `${secret === '' ? 'unsigned' : 'signed'}) to ${shown}`
  )

  const http = deps.http ?? createHttpClient({ insecure: options.insecure })
  const clock = deps.clock ?? systemClock
  const policy = deps.retry ?? WEBHOOK_RETRY
  const started = clock.now()
  for (let attempt = 1; ; attempt++) {
    let response: HttpResponse | undefined
    let problem: string
    let retryable: boolean
    try {
      response = await http.request({
        method: 'POST',
        url: endpoint,
        headers,
        body,
        timeoutMs: deps.requestTimeoutMs ?? 10_000
      })
      const verdict = judge(response, secret !== '')
      if (verdict.delivered) {
        logger.info(`Argo CD accepted the push event (HTTP ${response.status}, attempt ${attempt})`)
        return {
          delivered: true,
          status: response.status,
          attempts: attempt,
          url: shown,
          reason: verdict.reason
        }
      }
      problem = verdict.reason
      retryable = verdict.retryable
    } catch (error) {
      problem = errorMessage(error)
      // An untrusted certificate stays untrusted; everything else on the network may pass.
      retryable = !(error instanceof HttpNetworkError && error.tls)
      if (!retryable) problem += ' (set argocd-insecure: true for a self-signed certificate)'
    }
    const wait = retryable ? nextDelay(policy, attempt, clock.now() - started) : undefined
    if (wait === undefined) return notDelivered(problem, attempt, response?.status)
    logger.info(
      `Argo CD webhook attempt ${attempt} failed (${problem}); retrying in ${Math.round(wait / 100) / 10} s`
    )
    await clock.sleep(wait)
  }
}

interface Judgement {
  readonly delivered: boolean
  readonly retryable: boolean
  readonly reason: string
}

function judge(response: HttpResponse, signed: boolean): Judgement {
  const { status } = response
  const detail = `HTTP ${status}${describeBody(response)}`
  if (status >= 200 && status < 300) {
    // Argo CD's handler answers an empty 200; an HTML page is the web UI behind a wrong path.
    const html =
      /text\/html/i.test(response.headers['content-type'] ?? '') || /^\s*</.test(response.body)
    if (html) {
      return {
        delivered: false,
        retryable: false,
        reason: `HTTP ${status} with an HTML page: that is Argo CD's web UI, not its webhook; the URL should end in /api/webhook`
      }
    }
    return { delivered: true, retryable: false, reason: `accepted (HTTP ${status})` }
  }
  if (status >= 500 || status === 429 || status === 408)
    return { delivered: false, retryable: true, reason: detail }
  let hint = ''
  if (status === 400) {
    hint = signed
      ? '; Argo CD answers 400 when the signature does not verify: argocd-webhook-secret must equal ' +
        'webhook.github.secret in argocd-secret byte for byte (a stored trailing newline is a common cause)'
      : '; if Argo CD has webhook.github.secret set, set argocd-webhook-secret to it'
  } else if (status === 404) {
    hint = '; the URL should be https://ARGOCD/api/webhook (with the --rootpath, if any)'
  }
  return { delivered: false, retryable: false, reason: `${detail}${hint}` }
}
