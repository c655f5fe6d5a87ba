import type { Clock } from '../../../src/lib/clock.js'

/** A lib/clock Clock whose time moves only when something sleeps; sleeps resolve at once. */
export function fakeClock(random: () => number = () => 0.5): Clock & { readonly sleeps: number[] } {
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
