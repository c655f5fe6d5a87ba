/** Shortest back-off window before the first retry, in milliseconds. */
export const MIN_BACKOFF_MS = 1000

/** Longest single wait, in milliseconds. */
export const MAX_BACKOFF_MS = 60_000

/**
 * Delay before retry number `failures` (1 after the first failed attempt): full jitter over a
 * window that doubles per failure. The window starts at eight times the duration of the attempt
 * that lost (at least `minMs`), because racers that spread over several attempt durations rarely
 * collide again; simulated with 16 racers and 5 attempts this keeps lost runs rare.
 */
export function backoffDelay(
  failures: number,
  attemptMs: number,
  random: () => number,
  minMs: number = MIN_BACKOFF_MS
): number {
  const base = Math.max(minMs, 8 * attemptMs)
  const window = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, failures - 1))
  return Math.round(random() * window)
}
