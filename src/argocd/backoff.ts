/** How a request is retried: exponential back-off, bounded in attempts and in total time. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number
  /** Delay before the second attempt, in ms; doubles each time. */
  readonly baseDelayMs: number
  /** Longest single delay, in ms. */
  readonly maxDelayMs: number
  /** No attempt starts later than this after the first one, in ms. */
  readonly totalMs: number
}

/** Webhook delivery: up to 5 attempts within 30 s (1 s, 2 s, 4 s, 8 s apart). */
export const WEBHOOK_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  totalMs: 30_000
}

/**
 * The delay before attempt `attempt + 1` (attempt counts from 1), or undefined when the policy
 * says stop: attempts used up, or the next attempt would start after the total budget.
 */
export function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number
): number | undefined {
  if (attempt >= policy.attempts) return undefined
  const wait = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return elapsedMs + wait > policy.totalMs ? undefined : wait
}
