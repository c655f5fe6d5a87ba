import { errorMessage } from '../../lib/errors.js'
import { systemClock, type Clock } from '../../lib/clock.js'
import { retry, type AttemptOutcome, type RetryPolicy } from '../../lib/retry.js'
import type { Logger } from '../../lib/logger.js'
import {
  GitHubApiError,
  header,
  headersOf,
  kindOfStatus,
  statusOf,
  transportFailure,
  type Headers
} from './api-error.js'

/**
 * True for GitHub's rate-limit answers: 429, or 403 with `x-ratelimit-remaining: 0`, a
 * `retry-after` header, or a message about a (secondary) rate limit. A plain 403 stays an auth error.
 */
function isRateLimited(status: number | undefined, headers: Headers, message: string): boolean {
  if (status === 429) return true
  if (status !== 403) return false
  return (
    header(headers, 'x-ratelimit-remaining') === '0' ||
    header(headers, 'retry-after') !== undefined ||
    /rate limit/i.test(message)
  )
}

/**
 * How long GitHub asks us to wait, in ms: `retry-after` (seconds or an HTTP date), else with
 * `x-ratelimit-remaining: 0` until `x-ratelimit-reset` (epoch seconds, measured against the
 * answer's own `date` header so the runner's clock does not matter). Undefined when the answer
 * does not say: the retry policy's own back-off (a minute, then doubling) applies.
 */
function rateLimitDelay(headers: Headers): number | undefined {
  const date = Date.parse(header(headers, 'date') ?? '')
  const after = header(headers, 'retry-after')
  if (after !== undefined) {
    if (/^\d+$/.test(after.trim())) return Number(after) * 1000
    const until = Date.parse(after)
    if (!Number.isNaN(until) && !Number.isNaN(date)) return Math.max(0, until - date)
  }
  const reset = Number(header(headers, 'x-ratelimit-reset'))
  if (header(headers, 'x-ratelimit-remaining') === '0' && reset > 0 && !Number.isNaN(date)) {
    // one second more: the reset is rounded down to the second
    return Math.max(0, reset * 1000 - date) + 1000
  }
  return undefined
}

/**
 * Retries after a rate limit: at most 4 attempts within 10 minutes. The first wait without a
 * server-given time is one minute, then two and four, as GitHub asks of integrators.
 */
export const RATE_LIMIT_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 60_000,
  maxDelayMs: 240_000,
  totalMs: 600_000,
  jitter: 'none'
}

/** The total time one run may spend waiting out rate limits, whatever the number of requests. */
const RATE_LIMIT_BUDGET_MS = 600_000

/** What is left of a run's rate-limit waiting time; shared by every API client of the run. */
export interface RateLimitBudget {
  remainingMs: number
}

/** A fresh budget of RATE_LIMIT_BUDGET_MS (one per run). */
export function newRateLimitBudget(totalMs = RATE_LIMIT_BUDGET_MS): RateLimitBudget {
  return { remainingMs: totalMs }
}

/** How API calls wait out GitHub's rate limits. */
export interface RateLimitOptions {
  readonly clock: Clock
  readonly policy: RetryPolicy
  /** Told about each wait (the run looks stuck otherwise). */
  readonly logger?: Logger
  /** The run's waiting time; each wait takes from it, and a wait beyond it fails at once. */
  readonly budget?: RateLimitBudget
}

/** Waits on the system clock with RATE_LIMIT_POLICY and a budget of its own. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  clock: systemClock,
  policy: RATE_LIMIT_POLICY
}

/** The rate limit asked for a longer wait than the run has left: failing now beats waiting. */
class BudgetSpent extends Error {
  readonly askedMs: number | undefined
  readonly leftMs: number
  readonly reason: string

  constructor(askedMs: number | undefined, leftMs: number, reason: string) {
    super(reason)
    this.askedMs = askedMs
    this.leftMs = leftMs
    this.reason = reason
  }
}

/**
 * One API call, retried while GitHub answers with a rate limit (also a GraphQL RATE_LIMITED
 * error inside a 200, recognised by `limitedAnswer`). Other failures become a GitHubApiError.
 */
export async function callWithRateLimits<T>(
  what: string,
  fn: () => Promise<T>,
  limits: RateLimitOptions = DEFAULT_RATE_LIMITS,
  limitedAnswer?: (value: T) => Headers | undefined
): Promise<T> {
  const budget = limits.budget ?? newRateLimitBudget(limits.policy.totalMs)
  // a wait the run cannot afford fails now, naming what GitHub asked for
  const limited = (reason: string, delayMs: number | undefined): AttemptOutcome<T> => {
    if (delayMs !== undefined && delayMs > budget.remainingMs) {
      throw new BudgetSpent(delayMs, budget.remainingMs, reason)
    }
    return { done: false, reason, ...(delayMs === undefined ? {} : { delayMs }) }
  }
  let outcome: Awaited<ReturnType<typeof retry<T>>>
  try {
    outcome = await retry(
      limits.policy,
      limits.clock,
      async () => {
        let value: T
        try {
          value = await fn()
        } catch (error) {
          const transport = transportFailure(what, error)
          if (transport !== undefined) throw transport
          const status = statusOf(error)
          const message = errorMessage(error)
          const headers = headersOf(error)
          if (isRateLimited(status, headers, message)) {
            return limited(`HTTP ${status ?? ''} ${message}`.trim(), rateLimitDelay(headers))
          }
          throw new GitHubApiError(
            `${what}: ${status === undefined ? '' : `HTTP ${status} `}${message}`,
            status,
            kindOfStatus(status, message)
          )
        }
        const headers = limitedAnswer?.(value)
        if (headers === undefined) return { done: true, value }
        return limited('GraphQL RATE_LIMITED', rateLimitDelay(headers))
      },
      (n, reason, delayMs) => {
        if (delayMs > budget.remainingMs)
          throw new BudgetSpent(undefined, budget.remainingMs, reason)
        budget.remainingMs -= delayMs
        limits.logger?.info(
          `${what}: GitHub's rate limit was hit (${reason}); waiting ${Math.ceil(delayMs / 1000)} s as it asks, then trying again (attempt ${n + 1}).`
        )
      }
    )
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error
    const asked =
      error.askedMs === undefined
        ? 'to back off'
        : `to wait ${Math.ceil(error.askedMs / 1000)} s (retry-after or x-ratelimit-reset)`
    throw new GitHubApiError(
      `${what}: GitHub's rate limit was hit (${error.reason}) and GitHub asked ${asked}, but this run has only ${Math.floor(error.leftMs / 1000)} s of its ${Math.round(RATE_LIMIT_BUDGET_MS / 60_000)} minutes for rate-limit waits left. Run again later, or use a token with its own rate limit (a GitHub App installation token).`,
      429,
      'rate-limited'
    )
  }
  if (outcome.ok) return outcome.value
  throw new GitHubApiError(
    `${what}: GitHub's rate limit was still in force after ${outcome.attempts} attempt(s) within ${Math.round(limits.policy.totalMs / 60_000)} minutes (${outcome.reason}). Run again later, or use a token with its own rate limit (a GitHub App installation token).`,
    429,
    'rate-limited'
  )
}
