import { describe, expect, it } from '@jest/globals'
import { readAppStatus } from '../../src/argocd/app-status.js'
import { evaluateGate, evaluateGateApp, type GateVerdict } from '../../src/promote/gate-verdict.js'
import { application, type AppFrame } from '../support/fake-argocd.js'

const R1 = '1'.repeat(40)
const R2 = '2'.repeat(40)
const holds = new Map([
  [R1, true],
  [R2, false]
])
const status = (frame: AppFrame) => readAppStatus(application({ name: 'web', frames: [] }, frame))
const good: AppFrame = { revision: R1, sync: 'Synced', health: 'Healthy', phase: 'Succeeded' }

describe('evaluateGateApp', () => {
  it.each<[string, AppFrame, GateVerdict['kind'], RegExp | string]>([
    ['Synced, Healthy, operation succeeded, at a revision that holds it', good, 'pass', R1],
    ['Synced and Healthy with no operation ever', { ...good, phase: undefined }, 'pass', R1],
    [
      'at a revision that does not hold it',
      { ...good, revision: R2 },
      'pending',
      /at 2222222, which does not hold the candidate/
    ],
    [
      'at a revision nobody asked about',
      { ...good, revision: '3'.repeat(40) },
      'pending',
      /does not hold/
    ],
    [
      'a sync that ended Failed',
      { ...good, phase: 'Failed', message: 'bad manifest' },
      'fail',
      /last sync ended Failed: bad manifest/
    ],
    ['a sync that ended Error', { ...good, phase: 'Error' }, 'fail', /ended Error/],
    [
      'Degraded once the operation finished',
      { ...good, health: 'Degraded', healthMessage: 'CrashLoopBackOff' },
      'fail',
      /Degraded at 1111111: Deployment\/web: CrashLoopBackOff/
    ],
    [
      'Degraded while an operation runs',
      { ...good, health: 'Degraded', phase: 'Running' },
      'pending',
      /operation is running/
    ],
    [
      'a requested operation',
      { ...good, operationRequested: true },
      'pending',
      /operation is running/
    ],
    [
      'finished but not yet reconciled',
      { ...good, finishedAt: 300, reconciledAt: 200 },
      'pending',
      /operation is running/
    ],
    ['OutOfSync', { ...good, sync: 'OutOfSync' }, 'pending', /OutOfSync, Healthy/],
    ['Progressing', { ...good, health: 'Progressing' }, 'pending', /Synced, Progressing/]
  ])('%s', (_name, frame, kind, detail) => {
    const verdict = evaluateGateApp(status(frame), holds)
    expect(verdict.kind).toBe(kind)
    expect(verdict.kind === 'pass' ? verdict.revision : verdict.reason).toMatch(detail)
  })

  it('passes a multi-source app at any revision that holds it', () => {
    const app = application({ name: 'web', frames: [] }, { ...good, revision: '' })
    const withSources = {
      ...app,
      status: {
        ...(app.status as object),
        sync: { status: 'Synced', revisions: ['1.2.0', R2, R1] }
      }
    }
    expect(evaluateGateApp(readAppStatus(withSources), holds)).toEqual({
      kind: 'pass',
      revision: R1
    })
  })
})

describe('evaluateGate', () => {
  const pass = (revision: string): GateVerdict => ({ kind: 'pass', revision })
  it.each<[string, { app: string; verdict: GateVerdict }[], GateVerdict]>([
    [
      'every app passes: the first one’s revision',
      [
        { app: 'a', verdict: pass(R1) },
        { app: 'b', verdict: pass(R2) }
      ],
      pass(R1)
    ],
    [
      'one pending',
      [
        { app: 'a', verdict: pass(R1) },
        { app: 'b', verdict: { kind: 'pending', reason: 'OutOfSync' } }
      ],
      { kind: 'pending', reason: 'b: OutOfSync' }
    ],
    [
      'one failed beats pending',
      [
        { app: 'a', verdict: { kind: 'pending', reason: 'x' } },
        { app: 'b', verdict: { kind: 'fail', reason: 'Degraded' } }
      ],
      { kind: 'fail', reason: 'b: Degraded' }
    ],
    ['no app', [], { kind: 'pending', reason: 'no app to look at' }]
  ])('%s', (_name, verdicts, expected) => {
    expect(evaluateGate(verdicts)).toEqual(expected)
  })
})
