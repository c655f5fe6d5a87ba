import { randomUUID } from 'node:crypto'
import { errorMessage } from '../lib/errors.js'
import type { Logger } from '../lib/logger.js'
import type { Clock } from '../lib/clock.js'
import { HttpNetworkError, PlainHttpCredentialError } from '../lib/http-client.js'
import type { HttpClient, HttpResponse } from '../lib/http-client.js'
import { retry } from '../lib/retry.js'
import type { AttemptOutcome, RetryPolicy } from '../lib/retry.js'
import { shortSha } from '../lib/text.js'
import { describeBody, redirectHint } from './answer.js'
import { normalizeRepoUrl } from './repo-url.js'
import { redactUrl } from '../lib/redact.js'
import { signBody } from './signature.js'
import { buildPushPayload, serializePayload } from './webhook-payload.js'
import type { WebhookOptions, WebhookResult } from './types.js'

/** What notifyWebhook works with; tests and the benchmark pass their own. */
export interface WebhookDeps {
  readonly logger: Logger
  readonly clock: Clock
  /** The action's HTTP client (with `insecure` when the settings say so). */
  readonly http: HttpClient
  /** Default: WEBHOOK_RETRY. */
  readonly retry?: RetryPolicy
  /** Per attempt, in ms (default 10 s). */
  readonly requestTimeoutMs?: number
  /** The `X-GitHub-Delivery` id (default: a random UUID). */
  readonly deliveryId?: () => string
  /** Wall-clock time, for the event's timestamps (default: now). */
  readonly date?: () => Date
}

/** Webhook delivery: up to 5 attempts within 30 s (1 s, 2 s, 4 s, 8 s apart). */
const WEBHOOK_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  totalMs: 30_000,
  jitter: 'none'
}

const POLL_NOTE =
  'Argo CD will still notice the commit at its next poll (every 3 minutes by default).'

/**
 * Sends the GitHub `push` event for `options.commit` to `argocd-webhook-url`, signed with the
 * secret. Retries network errors and 5xx with bounded back-off; a 4xx is final. Never throws for
 * a delivery problem: it warns (Argo CD still polls) and says why in the result. May be called
 * again in the same run for another commit (a rollback commit).
 */
export async function notifyWebhook(
  options: WebhookOptions,
  deps: WebhookDeps
): Promise<WebhookResult> {
  const { commit } = options
  const { logger } = deps
  const endpoint = options.url
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
    htmlUrl = options.repoUrl ?? normalizeRepoUrl(commit.repoUrl, 'repository')
  } catch (error) {
    return notDelivered(errorMessage(error), 0)
  }
  const now = deps.date?.() ?? new Date()
  const body = serializePayload(buildPushPayload(commit, { htmlUrl, now }))
  const secret = options.secret ?? ''
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-GitHub-Event': 'push',
    'X-GitHub-Delivery': (deps.deliveryId ?? randomUUID)(),
    'User-Agent': 'gitops-release',
    ...(secret === '' ? {} : signBody(body, secret))
  }
  logger.info(
    `Notifying Argo CD: push event for ${htmlUrl} branch ${commit.branch} at ${shortSha(commit.after)} ` +
      `(${commit.files.length} changed file${commit.files.length === 1 ? '' : 's'}, ${body.length} bytes, ` +
      `${secret === '' ? 'unsigned' : 'signed'}) to ${shown}`
  )

  const { http } = deps
  const timeoutMs = deps.requestTimeoutMs ?? 10_000
  // The status of the last answer, for the result when the retries run out.
  let lastStatus: number | undefined
  const attempt = async (n: number): Promise<AttemptOutcome<WebhookResult>> => {
    let response: HttpResponse
    try {
      response = await http.request({
        method: 'POST',
        url: endpoint,
        headers,
        body,
        timeoutMs,
        // `user:password` in the URL over plain http to another host: only with argocd-insecure.
        allowPlainHttpCredentials: options.insecure
      })
    } catch (error) {
      // Refused before sending: the same URL is refused again.
      if (error instanceof PlainHttpCredentialError) {
        return { done: true, value: notDelivered(error.message, n) }
      }
      // An untrusted certificate stays untrusted; everything else on the network may pass.
      if (error instanceof HttpNetworkError && error.tls) {
        const reason = `${error.message} (set argocd-insecure: true for a self-signed certificate)`
        return { done: true, value: notDelivered(reason, n) }
      }
      lastStatus = undefined
      return { done: false, reason: errorMessage(error) }
    }
    lastStatus = response.status
    const verdict = judge(response, secret !== '')
    if (verdict.delivered) {
      logger.info(`Argo CD accepted the push event (HTTP ${response.status}, attempt ${n})`)
      const value = {
        delivered: true,
        status: response.status,
        attempts: n,
        url: shown,
        reason: verdict.reason
      }
      return { done: true, value }
    }
    if (!verdict.retryable) {
      return { done: true, value: notDelivered(verdict.reason, n, response.status) }
    }
    return { done: false, reason: verdict.reason }
  }
  const outcome = await retry(
    deps.retry ?? WEBHOOK_RETRY,
    deps.clock,
    attempt,
    (n, reason, delayMs) => {
      logger.info(
        `Argo CD webhook attempt ${n} failed (${reason}); retrying in ${Math.round(delayMs / 100) / 10} s`
      )
    }
  )
  return outcome.ok ? outcome.value : notDelivered(outcome.reason, outcome.attempts, lastStatus)
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
  } else if (status >= 300 && status < 400) {
    hint = redirectHint(response, 'argocd-webhook-url')
  } else if (status === 404) {
    hint = '; the URL should be https://ARGOCD/api/webhook (with the --rootpath, if any)'
  }
  return { delivered: false, retryable: false, reason: `${detail}${hint}` }
}
