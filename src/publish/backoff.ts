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
 * The largest race window exponent in the sawtooth (2^5 first windows: 64 exposure windows).
 * Measured with bench/race, one process per racer, alternating in one session (three runs of 3
 * repetitions each): 64 racers 87.7–90.6× one run against 92.3–100.4× with 2^4, 16 racers
 * 19.7–20.4× against 19.5–22.5×; an earlier session had 2^5 at 12.7–14.3 s for 64 racers against
 * 13.7–16.5 s. Without the sawtooth (windows only doubling), a cap of 8 windows took 16 racers
 * 21–27× with a median of 4 attempts, 32 windows 17–19× with 3.5: racers that spread wider
 * collide less.
 */
const MAX_RACE_DOUBLINGS = 5

/**
 * How often the first race window is doubled after `count` consecutive lost races: a sawtooth
 * over phases `1 0 | 2 1 0 | 3 2 1 0 | 4 3 2 1 0 | 5 4 3 2 1 0 | 5 4 … | …`. Racing runs are
 * mostly a batch (the jobs of one workflow finishing together): a window that only grows keeps the
 * last racers waiting long after the crowd has thinned, while each sawtooth phase sweeps from a
 * wide window to a narrow one, so a racer comes back soon once the others have landed. Measured
 * with bench/race in one session, alternating with doubling up to 32 windows (four runs of 3
 * repetitions each): 64 racers 14.4–16.5 s against 15.6–16.8 s, with a median of 2–3 attempts
 * instead of 5; 16 racers 3.5–3.8 s against 2.9–4.2 s.
 */
export function raceDoublings(count: number): number {
  let left = Math.max(1, Math.floor(count))
  let phase = 1
  while (left > phase + 1) {
    left -= phase + 1
    phase = Math.min(MAX_RACE_DOUBLINGS, phase + 1)
  }
  return phase - (left - 1)
}

/** Longest single wait, in ms. */
export const MAX_BACKOFF_MS = 30_000

/**
 * Back-off before the next attempt: full jitter over a window. After a lost race the window is
 * the time the tip we built on was exposed twice over (`windowMs`: read to refused update, the
 * shortest this run has seen: racing runs inflate each other's), doubled as raceDoublings says,
 * so racers spread out and mostly land one after the other; after a failure it starts at a
 * second and doubles with each consecutive failure up to MAX_BACKOFF_MS.
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
  const doublings = kind === 'race' ? raceDoublings(count) : Math.min(20, Math.max(0, count - 1))
  const window = Math.min(MAX_BACKOFF_MS, start * 2 ** doublings)
  return Math.round(random() * window)
}
