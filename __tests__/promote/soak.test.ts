import { describe, expect, it } from '@jest/globals'
import {
  evaluateSoak,
  formatDuration,
  historyRevisions,
  readHistory,
  type Deployment
} from '../../src/promote/soak.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const C = 'c'.repeat(40)
const holds = new Map([
  [A, true],
  [B, false],
  [C, true]
])
const T0 = Date.UTC(2026, 0, 1)
const at = (minutes: number) => T0 + minutes * 60_000
const deployment = (id: number, revision: string, minutes: number): Deployment => ({
  id,
  revisions: [revision],
  deployedAt: at(minutes)
})

describe('readHistory', () => {
  it('reads id, revision(s) and deployedAt, oldest first, skipping what is not an entry', () => {
    const application = {
      status: {
        history: [
          { id: 3, revision: A.toUpperCase(), deployedAt: '2026-01-01T00:10:00Z' },
          { id: 1, revisions: ['1.2.0', B], deployedAt: '2026-01-01T00:00:00Z', source: {} },
          'junk',
          { id: 2, revision: C }
        ]
      }
    }
    expect(readHistory(application)).toEqual([
      { id: 1, revisions: ['1.2.0', B], deployedAt: at(0) },
      { id: 2, revisions: [C], deployedAt: NaN },
      { id: 3, revisions: [A.toUpperCase()], deployedAt: at(10) }
    ])
  })

  it.each([[undefined], [{}], [{ status: { history: 'x' } }]])('is empty for %j', (app) => {
    expect(readHistory(app)).toEqual([])
  })
})

describe('historyRevisions', () => {
  it('lists each revision once, lower-cased', () => {
    expect(
      historyRevisions([
        [deployment(1, A, 0), deployment(2, B.toUpperCase(), 1)],
        [deployment(1, B, 0)]
      ])
    ).toEqual([A, B])
  })
})

describe('evaluateSoak: since', () => {
  it.each<[string, Deployment[], number | undefined]>([
    ['one deployment that holds it', [deployment(1, A, 5)], at(5)],
    [
      'the oldest of an unbroken run (a redeploy of another revision holding it too)',
      [deployment(1, B, 0), deployment(2, A, 5), deployment(3, C, 20)],
      at(5)
    ],
    [
      'a deployment without it in between restarts the count',
      [deployment(1, A, 0), deployment(2, B, 5), deployment(3, A, 30)],
      at(30)
    ],
    ['the newest does not hold it', [deployment(1, A, 0), deployment(2, B, 5)], undefined],
    ['an empty history', [], undefined],
    [
      'a deployment without a time ends the run',
      [deployment(1, A, 0), { id: 2, revisions: [A], deployedAt: NaN }, deployment(3, A, 9)],
      at(9)
    ],
    ['a revision in upper case', [deployment(1, A.toUpperCase(), 3)], at(3)]
  ])('%s', (_name, history, expected) => {
    const result = evaluateSoak({ histories: [history], holds, soakSeconds: 0, nowMs: 0 })
    expect(result.since).toBe(expected)
  })
})

describe('evaluateSoak', () => {
  it.each<[string, Deployment[][], number, number, { running: number; remaining: number }]>([
    ['not yet soaked', [[deployment(1, A, 0)]], 3600, at(40), { running: 2400, remaining: 1200 }],
    ['soaked exactly', [[deployment(1, A, 0)]], 3600, at(60), { running: 3600, remaining: 0 }],
    ['soaked long ago', [[deployment(1, A, 0)]], 60, at(600), { running: 36000, remaining: 0 }],
    [
      'the app that runs it the shortest counts',
      [[deployment(1, A, 0)], [deployment(1, B, 0), deployment(2, A, 50)]],
      3600,
      at(60),
      { running: 600, remaining: 3000 }
    ],
    [
      'an app not running it: nothing soaked',
      [[deployment(1, A, 0)], [deployment(1, B, 0)]],
      90,
      at(600),
      { running: 0, remaining: 90 }
    ],
    ['no app', [], 90, at(600), { running: 0, remaining: 90 }],
    [
      'a clock behind the history',
      [[deployment(1, A, 10)]],
      90,
      at(5),
      { running: 0, remaining: 90 }
    ]
  ])('%s', (_name, histories, soakSeconds, nowMs, expected) => {
    const result = evaluateSoak({ histories, holds, soakSeconds, nowMs })
    expect({ running: result.runningSeconds, remaining: result.remainingSeconds }).toEqual(expected)
  })
})

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [59, '59s'],
    [90, '1m 30s'],
    [3600, '1h'],
    [90061, '1d 1h 1m 1s']
  ])('%d s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})
