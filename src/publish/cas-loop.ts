import type { Logger } from '../logger.js'
import { backoffDelay } from './backoff.js'
import { GitCommandError } from './git.js'
import { GitHubApiError } from './github-api.js'
import {
  classifyFailure,
  exhaustedFailure,
  failureDetail,
  isRetryable,
  publishFailure,
  type FailureContext,
  type FailureKind
} from './failure.js'

/** What one attempt ended with: a result, or a reason to fetch the new tip and try again. */
export type AttemptResult<T> = { readonly done: T } | Retry

/** A lost attempt. */
export interface Retry {
  readonly retry: FailureKind
  readonly detail: string
  /** How long the tip we built on was exposed to racers (fetch to refused push). */
  readonly windowMs?: number
}

/** Timing and randomness, injectable so tests run fast and deterministic. */
export interface LoopTiming {
  readonly sleep: (ms: number) => Promise<void>
  readonly random: () => number
  /** Shortest back-off window in milliseconds. */
  readonly minBackoffMs: number
}

/** Loop settings. */
export interface LoopOptions extends LoopTiming {
  readonly attempts: number
  readonly logger: Logger
  /** Repository, branch and current phase, read when a message is needed. */
  readonly context: () => FailureContext
}

/** Turns a refused push or failed command into a retry, or the final error. */
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

/**
 * The compare-and-swap loop: runs `attempt` until it is done, backing off with jitter after
 * each lost race or network failure, at most `attempts` times.
 */
export async function casLoop<T>(
  attempt: (n: number) => Promise<AttemptResult<T>>,
  options: LoopOptions
): Promise<T> {
  const attempts = Number.isFinite(options.attempts) ? Math.max(1, Math.floor(options.attempts)) : 1
  let last: Retry = { retry: 'other', detail: '' }
  for (let n = 1; n <= attempts; n++) {
    const started = Date.now()
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
    if ('done' in result) return result.done
    last = result
    if (n < attempts) {
      const window = result.windowMs ?? Date.now() - started
      const delay = backoffDelay(n, window, options.random, options.minBackoffMs)
      const why =
        result.retry === 'stale'
          ? 'the branch moved'
          : result.retry === 'unreachable'
            ? 'the remote could not be reached'
            : 'the remote refused the push'
      options.logger.info(
        `Attempt ${n} of ${attempts} did not land (${why}: ${result.detail}); fetching the new tip and retrying in ${(delay / 1000).toFixed(1)} s.`
      )
      await options.sleep(delay)
    }
  }
  throw exhaustedFailure(last.retry, options.context(), attempts, last.detail)
}
