import { describe, expect, it } from '@jest/globals'
import { retry, type RetryPolicy } from '../../src/lib/retry.js'
import { createFakeClock } from '../support/fake-clock.js'

const EXACT: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  totalMs: 30_000,
  jitter: 'none'
}

describe('retry delays', () => {
  it.each<[string, Partial<RetryPolicy>, number[], number]>([
    ['double until the attempts run out', {}, [1000, 2000, 4000, 8000], 5],
    [
      'stay at the longest delay and stop before the total budget',
      { attempts: 10 },
      [1000, 2000, 4000, 8000, 8000],
      6
    ],
    ['stop at once with one attempt', { attempts: 1 }, [], 1]
  ])('%s', async (_name, change, sleeps, attempts) => {
    const clock = createFakeClock()
    const result = await retry({ ...EXACT, ...change }, clock, (n) =>
      Promise.resolve({ done: false, reason: `try ${n}` })
    )
    expect(clock.sleeps).toEqual(sleeps)
    expect(result).toEqual({ ok: false, attempts, reason: `try ${attempts}` })
  })

  it.each([
    [0.25, [250, 500, 1000, 2000]],
    [0, [0, 0, 0, 0]]
  ])('draws jitter from the window (random %d)', async (random, sleeps) => {
    const clock = createFakeClock(() => random)
    await retry({ ...EXACT, jitter: 'full' }, clock, (n) =>
      Promise.resolve({ done: false, reason: `try ${n}` })
    )
    expect(clock.sleeps).toEqual(sleeps)
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
