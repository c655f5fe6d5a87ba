import type { Clock } from '../../src/lib/clock.js'

/** A Clock that also records every sleep it was asked for, in order. */
export type FakeClock = Clock & { readonly sleeps: number[] }

/**
 * The one fake clock of the tests: time starts at 0 and moves only when something sleeps, and
 * sleeps resolve at once. `random` is the jitter draw; 0.5 by default, the middle of any window,
 * so a test that does not care about jitter still sees a delay of its own.
 */
export function createFakeClock(random: () => number = () => 0.5): FakeClock {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += Math.max(0, ms)
      await Promise.resolve()
    },
    random
  }
}
