import type { Clock } from '../lib/clock.js'
import { retry, type RetryPolicy } from '../lib/retry.js'
import type { Logger } from '../lib/logger.js'
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
}

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

/** Shortest back-off window after a lost race, in ms (a local remote answers in milliseconds). */
const MIN_RACE_BACKOFF_MS = 20

/** Shortest back-off window after a network failure or declined hook, in ms. */
const MIN_FAILURE_BACKOFF_MS = 1000

/**
 * How often a race window doubles at most (to 32 exposure windows). Measured with bench/race
 * (16 racers, one process each, same run): a cap of 8 windows took 21–27× one run with a median
 * of 4 attempts, 32 windows 17–19× with 3.5; racers that spread wider collide less.
 */
const MAX_RACE_DOUBLINGS = 5

/** Longest single wait, in ms. */
export const MAX_BACKOFF_MS = 30_000

/**
 * Back-off before the next attempt: full jitter over a window that doubles with each
 * consecutive loss of the same sort. After a lost race the window starts at the time the tip we
 * built on was exposed (`windowMs`: read to refused update, the shortest this run has seen:
 * racing runs inflate each other's) and grows to 32 such windows,
 * so racers spread out and mostly land one after the other; after a failure it starts at a
 * second and grows to MAX_BACKOFF_MS.
 */
export function backoffDelay(
  kind: 'race' | 'failure',
  count: number,
  windowMs: number,
  random: () => number
): number {
  const start =
    kind === 'race'
      ? Math.max(MIN_RACE_BACKOFF_MS, windowMs)
      : Math.max(MIN_FAILURE_BACKOFF_MS, 8 * windowMs)
  // a race window stops growing at 32 exposures: each lost race means another run landed, so
  // the racers thin out by themselves, and a longer wait only leaves the branch idle
  const doublings = Math.max(0, count - 1)
  const window = Math.min(
    MAX_BACKOFF_MS,
    start * 2 ** Math.min(kind === 'race' ? MAX_RACE_DOUBLINGS : 20, doublings)
  )
  return Math.round(random() * window)
}

/** Turns a refused update or failed command into a retry, or the final error. */
export function failureOutcome<T>(
  kind: FailureKind,
  output: string,
  context: FailureContext,
  windowMs?: number
): AttemptResult<T> {
  const detail = failureDetail(output)
  if (isRetryable(kind))
    return windowMs === undefined ? { retry: kind, detail } : { retry: kind, detail, windowMs }
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
    if (result.retry === 'stale') {
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
