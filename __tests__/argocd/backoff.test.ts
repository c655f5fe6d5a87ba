import { describe, expect, it } from '@jest/globals'
import { nextDelay, WEBHOOK_RETRY } from '../../src/argocd/backoff.js'

describe('nextDelay', () => {
  const policy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 5000, totalMs: 10_000 }
  it.each([
    [1, 0, 1000],
    [2, 1000, 2000],
    [3, 3000, 4000],
    [4, 4000, 5000], // capped at maxDelayMs
    [4, 6000, undefined], // would start after the total budget
    [5, 0, undefined] // attempts used up
  ])('after attempt %p at %p ms: %p', (attempt, elapsed, expected) => {
    expect(nextDelay(policy, attempt, elapsed)).toBe(expected)
  })

  it('bounds the webhook retries in total', () => {
    let elapsed = 0
    let attempt = 1
    for (
      let wait = nextDelay(WEBHOOK_RETRY, attempt, elapsed);
      wait !== undefined;
      wait = nextDelay(WEBHOOK_RETRY, attempt, elapsed)
    ) {
      elapsed += wait
      attempt++
    }
    expect(attempt).toBe(WEBHOOK_RETRY.attempts)
    expect(elapsed).toBeLessThanOrEqual(WEBHOOK_RETRY.totalMs)
  })
})
