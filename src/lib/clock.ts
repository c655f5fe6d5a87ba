import { setTimeout as delay } from 'node:timers/promises'

/**
 * Time and chance as every stage sees them. Stages never call `Date.now()`, `setTimeout` or
 * `Math.random` themselves, so tests pass a fake and waits, back-off and timeouts take no real time.
 */
export interface Clock {
  /** Milliseconds since some fixed point (monotonic). */
  now(): number
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>
  /** A number in [0, 1), for jitter. */
  random(): number
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => delay(Math.max(0, ms)),
  random: () => Math.random()
}

/** Wall-clock time as RFC 3339 (UTC), for labels and summaries; kept apart from the monotonic clock. */
export function rfc3339(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
