import { describe, expect, it } from '@jest/globals'
import { backoffDelay, MAX_BACKOFF_MS, raceDoublings } from '../../src/publish/backoff.js'

describe('backoffDelay', () => {
  it.each([
    // kind, count, window, random, expected
    ['failure', 1, 50, 1, 1000],
    ['failure', 1, 50, 0.5, 500],
    ['failure', 2, 50, 1, 2000],
    ['failure', 3, 50, 1, 4000],
    ['failure', 1, 500, 1, 4000],
    ['failure', 2, 500, 0.25, 2000],
    ['failure', 9, 500, 1, MAX_BACKOFF_MS],
    ['failure', 1, 50, 0, 0],
    // a lost race: two exposure windows (at least 20 ms), doubled along the sawtooth
    // 1 0 | 2 1 0 | 3 2 1 0 | 4 3 2 1 0 | 5 4 3 2 1 0 | 5 …
    ['race', 1, 5, 1, 40],
    ['race', 2, 8, 1, 20],
    ['race', 2, 15, 1, 30],
    ['race', 2, 50, 1, 100],
    ['race', 1, 50, 1, 200],
    ['race', 1, 50, 0.5, 100],
    ['race', 3, 50, 0.5, 200],
    ['race', 4, 50, 1, 200],
    ['race', 5, 50, 1, 100],
    ['race', 6, 50, 1, 800],
    ['race', 10, 50, 1, 1600],
    ['race', 14, 50, 1, 100],
    ['race', 15, 50, 1, 3200],
    ['race', 20, 50, 1, 100],
    ['race', 21, 50, 1, 3200],
    ['race', 1000, 5000, 1, MAX_BACKOFF_MS]
  ] as const)('%s %p, window %p ms, random %p → %p ms', (kind, count, window, random, expected) => {
    expect(backoffDelay(kind, count, window, () => random)).toBe(expected)
  })
})

describe('raceDoublings', () => {
  it('sweeps each phase from wide to narrow, the phases growing to 5 and then repeating', () => {
    const counts = Array.from({ length: 27 }, (_, i) => i + 1)
    expect(counts.map(raceDoublings)).toEqual([
      1, 0, 2, 1, 0, 3, 2, 1, 0, 4, 3, 2, 1, 0, 5, 4, 3, 2, 1, 0, 5, 4, 3, 2, 1, 0, 5
    ])
  })
})
