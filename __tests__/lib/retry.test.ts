import { describe, expect, it } from '@jest/globals'
import { nextDelay, retry, type RetryPolicy } from '../../src/lib/retry.js'
import { createFakeClock } from '../support/fake-clock.js'

const EXACT: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  totalMs: 30_000,
  jitter: 'none'
}

describe('nextDelay', () => {
  it.each([
    [1, 0, 1000],
    [2, 1000, 2000],
    [4, 7000, 8000],
    [5, 15_000, undefined],
    [2, 29_500, undefined]
  ])('attempt %d after %d ms → %j', (attempt, elapsed, expected) => {
    expect(nextDelay(EXACT, attempt, elapsed, () => 0.5)).toBe(expected)
  })

  it('draws jitter from the window', () => {
    const jittered: RetryPolicy = { ...EXACT, jitter: 'full' }
    expect(nextDelay(jittered, 3, 0, () => 0.25)).toBe(1000)
    expect(nextDelay(jittered, 3, 0, () => 0)).toBe(0)
  })
})

describe('retry', () => {
  it('retries until done, sleeping the policy’s delays', async () => {
    const clock = createFakeClock()
    const result = await retry(EXACT, clock, (n) =>
      Promise.resolve(n < 3 ? { done: false, reason: `try ${n}` } : { done: true, value: n })
    )
    expect(result).toEqual({ ok: true, value: 3 })
    expect(clock.sleeps).toEqual([1000, 2000])
  })

  it('stops when attempts run out, with the last reason', async () => {
    const clock = createFakeClock()
    const result = await retry(EXACT, clock, (n) =>
      Promise.resolve({ done: false, reason: `try ${n}` })
    )
    expect(result).toEqual({ ok: false, attempts: 5, reason: 'try 5' })
  })

  it('honours a delay the attempt asks for, within the total budget', async () => {
    const clock = createFakeClock()
    const result = await retry(EXACT, clock, () =>
      Promise.resolve({ done: false, reason: 'rate limited', delayMs: 20_000 })
    )
    expect(clock.sleeps).toEqual([20_000])
    expect(result).toMatchObject({ ok: false, attempts: 2 })
  })

  it('lets a thrown error through at once', async () => {
    const clock = createFakeClock()
    await expect(retry(EXACT, clock, () => Promise.reject(new Error('final')))).rejects.toThrow(
      'final'
    )
    expect(clock.sleeps).toEqual([])
  })
})
