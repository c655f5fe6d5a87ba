import { describe, expect, it } from '@jest/globals'
import { runLimited } from '../../src/images/run-limited.js'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('runLimited', () => {
  it.each([
    [1, 5, 1],
    [2, 5, 2],
    [3, 5, 3],
    [10, 4, 4],
    [0, 3, 1]
  ])('limit %i over %i items runs at most %i at once', async (limit, count, expectedMax) => {
    let running = 0
    let max = 0
    const items = Array.from({ length: count }, (_, i) => i)
    const results = await runLimited(items, limit, async (item) => {
      running++
      max = Math.max(max, running)
      await tick(5 + (item % 2) * 5)
      running--
      return item * 10
    })
    expect(max).toBe(expectedMax)
    expect(results).toEqual(items.map((item) => ({ ok: true, value: item * 10 })))
  })

  it('keeps running the others when one fails, and keeps input order', async () => {
    const started: number[] = []
    const results = await runLimited([0, 1, 2], 1, async (item) => {
      started.push(item)
      await tick(1)
      if (item === 0) throw new Error('boom')
      return item
    })
    expect(started).toEqual([0, 1, 2])
    expect(results[0]).toEqual({ ok: false, error: new Error('boom') })
    expect(results.slice(1)).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 }
    ])
  })

  it('returns nothing for no items', async () => {
    await expect(runLimited([], 3, () => Promise.resolve(1))).resolves.toEqual([])
  })
})
