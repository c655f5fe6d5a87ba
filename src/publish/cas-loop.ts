import type { Clock } from '../lib/clock.js'
import { retry, type RetryPolicy } from '../lib/retry.js'
import type { Logger } from '../lib/logger.js'
import { backoffDelay, MAX_BACKOFF_MS } from './backoff.js'
import { GitCommandError } from './git/git.js'
import { GitHubApiError } from './github/api-error.js'
import {
  classifyFailure,
  exhaustedFailure,
  failureDetail,
  isRetryable,
  isStall,
  publishFailure,
  type FailureContext,
  type FailureKind
} from './failure.js'

/** What one attempt ended with: a result, or a reason to read the new tip and try again. */
export type AttemptResult<T> = { readonly done: T } | Retry

/** A lost attempt. */
export interface Retry {
  readonly retry: FailureKind
  readonly detail: string
  /** How long the tip we built on was exposed to racers (read to refused update). */
  readonly windowMs?: number
  /** The tip was read before the attempt began: the next attempt reads it anew at once. */
  readonly staleRead?: boolean
}

/** What an attempt that lost a race measured. */
type RaceMeasure = { readonly windowMs: number } | { readonly staleRead: true }

/**
 * Time each attempt may take: `push-attempts` minutes in all. Lost races (the branch moved) do
 * not use up attempts, since every lost race means another run landed; they end when this budget
 * is spent. Failures that are no progress (unreachable remote, declined hook) count against
 * push-attempts.
 */
const RACE_BUDGET_PER_ATTEMPT_MS = 60_000

/**
 * Attempts that may end in a stalled remote (no byte for the stall time): a silent server costs
 * the whole stall time per attempt, so one retry covers a blip and a dead server fails the run
 * in about two stall times instead of push-attempts of them.
 */
const STALLED_ATTEMPTS = 2

/** Turns a refused update or failed command into a retry, or the final error. */
export function failureOutcome<T>(
  kind: FailureKind,
  output: string,
  context: FailureContext,
  measure?: RaceMeasure
): AttemptResult<T> {
  const detail = failureDetail(output)
  if (isRetryable(kind)) return { retry: kind, detail, ...measure }
  throw publishFailure(kind, context, detail)
}

/** Loop settings. */
interface LoopOptions {
  /** push-attempts: attempts that may fail for another reason than a moved branch. */
  readonly attempts: number
  /** Total time for the loop; default push-attempts × RACE_BUDGET_PER_ATTEMPT_MS. */
  readonly budgetMs?: number
  readonly clock: Clock
  readonly logger: Logger
  /** Repository, branch and current phase, read when a message is needed. */
  readonly context: () => FailureContext
}

function why(kind: FailureKind): string {
  if (kind === 'stale') return 'the branch moved'
  if (kind === 'unreachable') return 'the remote could not be reached'
  return 'the remote refused the update'
}

/**
 * The compare-and-swap driver: runs `attempt` (read the tip, compute, create the commit,
 * update the branch only if it is still at the tip read) until it lands, backing off with
 * jitter after each lost race or failure. Works for any number of commits in one run: each call
 * is independent.
 */
export async function casLoop<T>(
  attempt: (n: number) => Promise<AttemptResult<T>>,
  options: LoopOptions
): Promise<T> {
  const attempts = Number.isFinite(options.attempts) ? Math.max(1, Math.floor(options.attempts)) : 1
  const budgetMs = options.budgetMs ?? attempts * RACE_BUDGET_PER_ATTEMPT_MS
  const { clock } = options
  // the delays are the attempt's own (measured windows); the policy only bounds the total
  const policy: RetryPolicy = {
    attempts: Number.MAX_SAFE_INTEGER,
    baseDelayMs: 0,
    maxDelayMs: MAX_BACKOFF_MS,
    totalMs: budgetMs,
    jitter: 'none'
  }
  let failures = 0
  let stalls = 0
  let races = 0
  // the shortest exposure seen: the first ones are inflated by the racers' own contention
  let shortest = Number.POSITIVE_INFINITY
  let last: Retry = { retry: 'other', detail: '' }
  const outcome = await retry(policy, clock, async (n) => {
    const started = clock.now()
    let result: AttemptResult<T>
    try {
      result = await attempt(n)
    } catch (error) {
      if (error instanceof GitCommandError) {
        result = failureOutcome(classifyFailure(error.output), error.output, options.context())
      } else if (error instanceof GitHubApiError) {
        result = failureOutcome(error.kind, error.message, options.context())
      } else {
        throw error
      }
    }
    if ('done' in result) return { done: true as const, value: result.done }
    last = result
    const window = result.windowMs ?? clock.now() - started
    let delayMs: number
    if (result.retry === 'stale' && result.staleRead === true) {
      delayMs = 0
    } else if (result.retry === 'stale') {
      races++
      shortest = Math.min(shortest, window)
      delayMs = backoffDelay('race', races, shortest, () => clock.random())
    } else {
      races = 0
      failures++
      if (result.retry === 'unreachable' && isStall(result.detail)) stalls++
      if (failures >= attempts || stalls >= STALLED_ATTEMPTS)
        throw exhaustedFailure(result.retry, options.context(), n, result.detail)
      delayMs = backoffDelay('failure', failures, window, () => clock.random())
    }
    options.logger.info(
      `Attempt ${n} did not land (${why(result.retry)}: ${result.detail}); reading the new tip and retrying in ${(delayMs / 1000).toFixed(1)} s.`
    )
    return { done: false as const, reason: result.detail, delayMs }
  })
  if (outcome.ok) return outcome.value
  throw exhaustedFailure(last.retry, options.context(), outcome.attempts, last.detail, budgetMs)
}
