import { describe, expect, it } from '@jest/globals'
import { promotionOutputs, soakNotice, type PromotionState } from '../../src/promote/outputs.js'

const R = 'a'.repeat(40)

describe('promotionOutputs', () => {
  it.each<[string, PromotionState | undefined, Record<string, string>]>([
    [
      'no promotion (a release)',
      undefined,
      {
        promoted: 'false',
        'promoted-from': '',
        'promoted-to': '',
        'source-revision': '',
        'soak-remaining': ''
      }
    ],
    [
      'a promotion that landed, soaked',
      { from: 'staging', to: 'prod', promoted: true, sourceRevision: R, soakRemaining: 0 },
      {
        promoted: 'true',
        'promoted-from': 'staging',
        'promoted-to': 'prod',
        'source-revision': R,
        'soak-remaining': '0'
      }
    ],
    [
      'one waiting for its soak',
      { from: 'staging', to: 'prod', promoted: false, sourceRevision: R, soakRemaining: 5400 },
      {
        promoted: 'false',
        'promoted-from': 'staging',
        'promoted-to': 'prod',
        'source-revision': R,
        'soak-remaining': '5400'
      }
    ],
    [
      'one that failed before the gate',
      { from: 'dev', to: 'staging', promoted: false },
      {
        promoted: 'false',
        'promoted-from': 'dev',
        'promoted-to': 'staging',
        'source-revision': '',
        'soak-remaining': ''
      }
    ]
  ])('%s', (_name, outcome, expected) => {
    expect(promotionOutputs(outcome)).toEqual(expected)
  })
})

describe('soakNotice', () => {
  it('says how long remains, in words and seconds', () => {
    expect(soakNotice('staging', 'prod', 5400)).toBe(
      "Not promoted to 'prod' yet: 'staging' must run the candidate for 1h 30m more (soak-remaining=5400). Nothing was written; run again later."
    )
  })
})
