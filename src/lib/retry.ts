import type { Clock } from './clock.js'

/** How an operation is retried: back-off bounded in attempts and in total time. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number
  /** Delay (or, with jitter, the jitter window) before the second attempt, in ms; doubles each time. */
  readonly baseDelayMs: number
  /** Longest single delay, in ms. */
  readonly maxDelayMs: number
  /** No attempt starts later than this after the first one, in ms. */
  readonly totalMs: number
  /** `full`: each delay is drawn uniformly from [0, window) so racers spread out; `none`: exact. */
  readonly jitter: 'none' | 'full'
}

/**
 * The delay before attempt `attempt + 1` (attempt counts from 1), or undefined when the policy
 * says stop: attempts used up, or the next attempt would start after the total budget.
 */
function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  random: () => number
): number | undefined {
  if (attempt >= policy.attempts) return undefined
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  const wait = policy.jitter === 'full' ? Math.round(random() * window) : window
  return elapsedMs + wait > policy.totalMs ? undefined : wait
}

/** What one attempt ended with: done with a value, or worth another try (with why). */
export type AttemptOutcome<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly reason: string; readonly delayMs?: number }

/** The last outcome when the policy ran out, with how many attempts were made. */
interface RetryExhausted {
  readonly attempts: number
  readonly reason: string
}

/**
 * Runs `attempt` until it is done or the policy says stop. An outcome may ask for a delay of its
 * own (a server's `Retry-After`), which is honoured if it fits in the total budget. Errors thrown
 * by `attempt` are final and propagate.
 */
export async function retry<T>(
  policy: RetryPolicy,
  clock: Clock,
  attempt: (n: number) => Promise<AttemptOutcome<T>>,
  onRetry?: (n: number, reason: string, delayMs: number) => void
): Promise<{ readonly ok: true; readonly value: T } | ({ readonly ok: false } & RetryExhausted)> {
  const started = clock.now()
  for (let n = 1; ; n++) {
    const outcome = await attempt(n)
    if (outcome.done) return { ok: true, value: outcome.value }
    const elapsed = clock.now() - started
    let delay = nextDelay(policy, n, elapsed, () => clock.random())
    if (delay !== undefined && outcome.delayMs !== undefined) {
      delay = elapsed + outcome.delayMs > policy.totalMs ? undefined : outcome.delayMs
    }
    if (delay === undefined) return { ok: false, attempts: n, reason: outcome.reason }
    onRetry?.(n, outcome.reason, delay)
    await clock.sleep(delay)
  }
}
