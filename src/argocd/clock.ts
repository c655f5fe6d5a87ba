import { setTimeout as delay } from 'node:timers/promises'

/** Time as the Argo CD stage sees it; tests pass a fake so waits and timeouts take no real time. */
export interface Clock {
  /** Milliseconds since some fixed point. */
  now(): number
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => delay(Math.max(0, ms))
}
