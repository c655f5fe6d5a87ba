import type { Clock } from '../../src/lib/clock.js'

/** A clock whose time moves only when something sleeps; sleeps resolve at once; no jitter. */
export function createFakeClock(start = 0): Clock & { readonly sleeps: number[] } {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += Math.max(0, ms)
      await Promise.resolve()
    },
    random: () => 0
  }
}
