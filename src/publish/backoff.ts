/** Shortest back-off window before the first retry, in milliseconds. */
export const MIN_BACKOFF_MS = 1000

/** Longest single wait, in milliseconds. */
export const MAX_BACKOFF_MS = 60_000

/**
 * Delay before retry number `failures` (1 after the first failed attempt): full jitter over a
 * window that doubles per failure. The window starts at eight times `windowMs`, the time the
 * losing attempt's tip was exposed to racers (fetch to refused push), and at least `minMs`:
 * racers spread over many such windows rarely collide again. (A simulation of 8 racers with 5
 * attempts lost about 1 in 2000 runs; 16 racers lose a few percent: raise push-attempts.)
 */
export function backoffDelay(
  failures: number,
  windowMs: number,
  random: () => number,
  minMs: number = MIN_BACKOFF_MS
): number {
  const base = Math.max(minMs, 8 * windowMs)
  const window = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, failures - 1))
  return Math.round(random() * window)
}
