/** Shortest back-off window after a lost race, in ms (a local remote answers in milliseconds). */
const MIN_RACE_BACKOFF_MS = 20

/** Shortest back-off window after a network failure or declined hook, in ms. */
const MIN_FAILURE_BACKOFF_MS = 1000

/**
 * The first race window, in exposure windows. Measured with bench/race (one process per racer,
 * baseline and variant alternating in one session, medians of 3 repetitions per run): starting
 * at 2 exposures (still capped at 32) took 16 racers 2.95 s and 64 racers 15.1 s (median of 4
 * runs, median attempts at 64 down from 6 to 5), starting at one 3.07 s and 15.9 s (6 runs);
 * starting at 4 helped 64 racers but slowed 16 (the branch sat idle).
 */
const FIRST_RACE_WINDOWS = 2

/**
 * How often a race window doubles at most (to 32 exposure windows). Measured with bench/race
 * (16 racers, one process each, same run): a cap of 8 windows took 21–27× one run with a median
 * of 4 attempts, 32 windows 17–19× with 3.5; racers that spread wider collide less. A cap of 64
 * windows was no faster for 64 racers.
 */
const MAX_RACE_DOUBLINGS = 4

/** Longest single wait, in ms. */
export const MAX_BACKOFF_MS = 30_000

/**
 * Back-off before the next attempt: full jitter over a window that doubles with each
 * consecutive loss of the same sort. After a lost race the window starts at the time the tip we
 * built on was exposed twice over (`windowMs`: read to refused update, the shortest this run has
 * seen: racing runs inflate each other's) and grows to 32 such windows,
 * so racers spread out and mostly land one after the other; after a failure it starts at a
 * second and grows to MAX_BACKOFF_MS.
 */
export function backoffDelay(
  kind: 'race' | 'failure',
  count: number,
  windowMs: number,
  random: () => number
): number {
  const start =
    kind === 'race'
      ? Math.max(MIN_RACE_BACKOFF_MS, FIRST_RACE_WINDOWS * windowMs)
      : Math.max(MIN_FAILURE_BACKOFF_MS, 8 * windowMs)
  // a race window stops growing at 32 exposures: each lost race means another run landed, so
  // the racers thin out by themselves, and a longer wait only leaves the branch idle
  const doublings = Math.max(0, count - 1)
  const window = Math.min(
    MAX_BACKOFF_MS,
    start * 2 ** Math.min(kind === 'race' ? MAX_RACE_DOUBLINGS : 20, doublings)
  )
  return Math.round(random() * window)
}
