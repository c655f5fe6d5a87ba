import { describe, expect, it } from '@jest/globals'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { measureSoak } from '../../src/promote/soak-stage.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const T0 = Date.UTC(2026, 0, 1)
const app = (history: { revision: string; minutes: number }[]) => ({
  application: {
    status: {
      history: history.map((h, id) => ({
        id,
        revision: h.revision,
        deployedAt: new Date(T0 + h.minutes * 60_000).toISOString()
      }))
    }
  }
})

describe('measureSoak', () => {
  it('asks git about each history revision once and says what remains', async () => {
    const asked: string[] = []
    const logger = createMemoryLogger()
    const result = await measureSoak(
      {
        applications: [
          app([
            { revision: B, minutes: 0 },
            { revision: A, minutes: 10 }
          ]),
          app([{ revision: A, minutes: 20 }])
        ],
        soakSeconds: 3600,
        environment: 'staging'
      },
      {
        holdsCandidate: (revision) => {
          asked.push(revision)
          return Promise.resolve(revision === A)
        },
        nowMs: () => T0 + 50 * 60_000,
        logger
      }
    )
    expect(asked).toEqual([B, A])
    expect(result).toEqual({
      runningSeconds: 1800,
      remainingSeconds: 1800,
      since: T0 + 20 * 60_000
    })
    expect(logger.lines).toEqual([
      "info: Soak: 'staging' has run the candidate for 30m of 1h; 30m remain."
    ])
  })
})
