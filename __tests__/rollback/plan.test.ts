import { describe, expect, it } from '@jest/globals'
import { changedPlaces, planRollback } from '../../src/rollback/plan.js'

const BEFORE = `# values
backend:
  tag: old # the backend
  repository: docker.io/acme/backend
frontend:
  tag: 'v1'
`
const AFTER = BEFORE.replace('tag: old', 'tag: abc1234').replace("tag: 'v1'", "tag: 'abc1234'")

describe('changedPlaces', () => {
  it('finds exactly the scalars the release replaced', () => {
    expect(changedPlaces(BEFORE, AFTER)).toEqual([
      {
        document: 0,
        path: ['backend', 'tag'],
        before: 'old',
        after: 'abc1234',
        created: false
      },
      {
        document: 0,
        path: ['frontend', 'tag'],
        before: "'v1'",
        after: "'abc1234'",
        created: false
      }
    ])
  })

  it('marks a key the release created', () => {
    const after = `${BEFORE}extra:\n  tag: abc1234\n`
    expect(changedPlaces(BEFORE, after)).toEqual([
      { document: 0, path: ['extra', 'tag'], before: '', after: 'abc1234', created: true }
    ])
  })
})

describe('planRollback', () => {
  it('gives back the file as it was when nobody touched it since', () => {
    const plan = planRollback(BEFORE, AFTER, AFTER)
    expect(plan.text).toBe(BEFORE)
    expect(plan.restored).toHaveLength(2)
    expect(plan.skipped).toEqual([])
  })

  it('leaves a place someone changed since, and says where', () => {
    const tip = AFTER.replace("tag: 'abc1234'", "tag: 'def5678'")
    const plan = planRollback(BEFORE, AFTER, tip)
    expect(plan.text).toBe(tip.replace('tag: abc1234', 'tag: old'))
    expect(plan.skipped.map((entry) => entry.reason)).toEqual([
      "frontend.tag was changed since the release (now 'def5678')"
    ])
  })

  it('keeps what others added elsewhere', () => {
    const tip = `${AFTER}other: 1\n`
    expect(planRollback(BEFORE, AFTER, tip).text).toBe(`${BEFORE}other: 1\n`)
  })

  it('restores the original quoting, CRLF and BOM byte for byte', () => {
    const before = '\uFEFFa:\r\n  tag: old\r\n  n: 1\r\n'
    const after = '\uFEFFa:\r\n  tag: "1276e23"\r\n  n: 1\r\n'
    expect(planRollback(before, after, after).text).toBe(before)
  })

  it('restores in the right document of a multi-document file', () => {
    const before = 'image: a:1\n---\nspec:\n  containers:\n    - image: b:1\n'
    const after = 'image: a:1\n---\nspec:\n  containers:\n    - image: b:2\n'
    const plan = planRollback(before, after, after)
    expect(plan.text).toBe(before)
    expect(plan.restored.map((place) => place.path)).toEqual([['spec', 'containers', 0, 'image']])
  })

  it('does not remove a key the release created, and says so', () => {
    const after = `${BEFORE}extra:\n  tag: abc1234\n`
    const plan = planRollback(BEFORE, after, after)
    expect(plan.text).toBe(after)
    expect(plan.skipped.map((entry) => entry.reason)).toEqual([
      'extra.tag was created by the release'
    ])
  })

  it('skips a place that is gone from the tip', () => {
    const tip = AFTER.replace("frontend:\n  tag: 'abc1234'\n", '')
    const plan = planRollback(BEFORE, AFTER, tip)
    expect(plan.skipped.map((entry) => entry.reason)).toEqual(['frontend.tag is no longer there'])
    expect(plan.text).toBe(tip.replace('tag: abc1234', 'tag: old'))
  })

  it('puts back an empty value', () => {
    const before = 'a:\n  tag:\n  n: 1\n'
    const after = 'a:\n  tag: abc1234\n  n: 1\n'
    expect(planRollback(before, after, after).text).toBe(before)
    const commented = 'a:\n  tag: # none yet\n'
    const written = 'a:\n  tag: abc1234 # none yet\n'
    expect(planRollback(commented, written, written).text).toBe(commented)
  })

  it('names keys with punctuation in brackets', () => {
    const before = 'a:\n  "b.c": x\n'
    const after = 'a:\n  "b.c": y\n'
    const tip = 'a:\n  "b.c": z\n'
    expect(planRollback(before, after, tip).skipped[0]?.reason).toBe(
      'a["b.c"] was changed since the release (now z)'
    )
  })
})
