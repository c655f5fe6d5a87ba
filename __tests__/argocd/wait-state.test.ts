import { describe, expect, it } from '@jest/globals'
import { readAppStatus } from '../../src/argocd/app-status.js'
import {
  describeStatus,
  evaluateWait,
  operationRunning,
  reportedShas,
  toAppState
} from '../../src/argocd/wait-state.js'
import type { Verdict } from '../../src/argocd/wait-state.js'
import { application } from '../support/fake-argocd.js'
import type { AppFrame } from '../support/fake-argocd.js'

const OURS = '2'.repeat(40)
const PREVIOUS = '1'.repeat(40)
const NEWER = '3'.repeat(40)
const target = { revision: OURS, previous: PREVIOUS }
const status = (frame: AppFrame, autoSync = false) =>
  readAppStatus(application({ name: 'web', frames: [], autoSync }, frame))

describe('readAppStatus', () => {
  it('reads the status fields the wait needs', () => {
    const read = status(
      {
        revision: OURS,
        sync: 'Synced',
        health: 'Healthy',
        phase: 'Succeeded',
        message: 'ok',
        finishedAt: 10,
        reconciledAt: 12
      },
      true
    )
    expect(read).toEqual({
      revision: OURS,
      revisions: [],
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      healthMessage: '',
      operationRequested: false,
      conditions: [],
      autoSync: true,
      reconciledAt: '2026-01-01T00:00:12Z',
      operation: {
        phase: 'Succeeded',
        message: 'ok',
        finishedAt: '2026-01-01T00:00:10Z',
        revisions: [OURS, OURS],
        dryRun: false
      }
    })
  })

  it.each([[null], [undefined], ['text'], [[]], [{ status: { sync: 5 } }]])(
    'defaults what is missing (%p)',
    (value) => {
      const read = readAppStatus(value)
      expect(read.syncStatus).toBe('Unknown')
      expect(read.healthStatus).toBe('Unknown')
      expect(read.revision).toBe('')
      expect(read.operation).toBeUndefined()
    }
  )

  it('reads multi-source revisions', () => {
    const read = readAppStatus({ status: { sync: { status: 'Synced', revisions: [NEWER, OURS] } } })
    expect(read.revisions).toEqual([NEWER, OURS])
  })
})

describe('operationRunning', () => {
  it.each<[string, AppFrame, boolean]>([
    ['no operation ever', { revision: OURS }, false],
    ['operation requested', { revision: OURS, operationRequested: true }, true],
    ['running', { revision: OURS, phase: 'Running' }, true],
    ['finished, reconciled after', { phase: 'Succeeded', finishedAt: 10, reconciledAt: 11 }, false],
    [
      'finished, reconciled at the same second',
      { phase: 'Succeeded', finishedAt: 10, reconciledAt: 10 },
      false
    ],
    [
      'finished, not reconciled since',
      { phase: 'Succeeded', finishedAt: 10, reconciledAt: 9 },
      true
    ],
    ['failed, reconciled after', { phase: 'Failed', finishedAt: 10, reconciledAt: 20 }, false]
  ])('%s → %p', (_name, frame, expected) => {
    expect(operationRunning(status(frame))).toBe(expected)
  })

  it('ignores the reconcile for a dry run', () => {
    const app = application(
      { name: 'web', frames: [] },
      { phase: 'Succeeded', finishedAt: 10, reconciledAt: 5 }
    )
    const op = (app.status as { operationState: { operation: { sync: Record<string, unknown> } } })
      .operationState
    op.operation.sync.dryRun = true
    expect(operationRunning(readAppStatus(app))).toBe(false)
  })
})

describe('evaluateWait', () => {
  it.each<[string, AppFrame, Verdict['kind'], RegExp?]>([
    [
      'Synced+Healthy at the previous commit',
      { revision: PREVIOUS, sync: 'Synced', health: 'Healthy' },
      'pending',
      /previous commit/
    ],
    [
      'Synced+Healthy at the previous commit, no op',
      { revision: PREVIOUS, sync: 'Synced', health: 'Healthy', phase: 'Succeeded' },
      'pending',
      /previous/
    ],
    [
      'ours but OutOfSync',
      { revision: OURS, sync: 'OutOfSync', health: 'Healthy' },
      'pending',
      /OutOfSync/
    ],
    [
      'ours, sync Running',
      { revision: OURS, sync: 'OutOfSync', health: 'Progressing', phase: 'Running' },
      'pending',
      /operation Running/
    ],
    [
      'ours, requested',
      { revision: OURS, sync: 'OutOfSync', health: 'Healthy', operationRequested: true },
      'pending',
      /requested/
    ],
    [
      'ours, Synced, Progressing',
      { revision: OURS, sync: 'Synced', health: 'Progressing', phase: 'Succeeded' },
      'pending',
      /Progressing/
    ],
    [
      'ours, Synced+Healthy before the post-sync reconcile',
      {
        revision: OURS,
        sync: 'Synced',
        health: 'Healthy',
        phase: 'Succeeded',
        finishedAt: 10,
        reconciledAt: 9
      },
      'pending',
      /reconcile/
    ],
    [
      'ours, Synced+Healthy, reconciled',
      {
        revision: OURS,
        sync: 'Synced',
        health: 'Healthy',
        phase: 'Succeeded',
        finishedAt: 10,
        reconciledAt: 11
      },
      'success'
    ],
    [
      'ours by auto-sync without our operation',
      { revision: OURS, sync: 'Synced', health: 'Healthy' },
      'success'
    ],
    [
      'ours, older op for another revision failed',
      { revision: OURS, sync: 'Synced', health: 'Healthy', phase: 'Failed', opRevision: PREVIOUS },
      'success'
    ],
    [
      'ours, Synced+Healthy but our op Terminating',
      { revision: OURS, sync: 'Synced', health: 'Healthy', phase: 'Terminating' },
      'pending'
    ],
    [
      'sync Failed for ours',
      {
        revision: OURS,
        sync: 'OutOfSync',
        health: 'Healthy',
        phase: 'Failed',
        message: 'one or more objects failed to apply'
      },
      'failed',
      /ended Failed: one or more objects/
    ],
    [
      'sync Error for ours, app still at the previous',
      {
        revision: PREVIOUS,
        sync: 'OutOfSync',
        health: 'Healthy',
        phase: 'Error',
        opRevision: OURS
      },
      'failed',
      /ended Error/
    ],
    [
      'failed sync for ours, a new one requested',
      { revision: OURS, sync: 'OutOfSync', phase: 'Failed', operationRequested: true },
      'pending'
    ],
    [
      'ComparisonError naming ours',
      {
        revision: OURS,
        sync: 'Unknown',
        conditions: [{ type: 'ComparisonError', message: `failed to generate manifest at ${OURS}` }]
      },
      'failed',
      /ComparisonError/
    ],
    [
      'ComparisonError not naming ours',
      {
        revision: PREVIOUS,
        sync: 'Unknown',
        conditions: [{ type: 'ComparisonError', message: 'rpc timeout' }]
      },
      'pending'
    ],
    [
      'Degraded at ours after the operation',
      { revision: OURS, sync: 'Synced', health: 'Degraded', phase: 'Succeeded' },
      'failed',
      /Degraded/
    ],
    [
      'Degraded at ours while syncing',
      { revision: OURS, sync: 'Synced', health: 'Degraded', phase: 'Running' },
      'pending'
    ],
    [
      'Degraded at the previous commit',
      { revision: PREVIOUS, sync: 'Synced', health: 'Degraded' },
      'pending'
    ],
    [
      // Whether a newer commit counts takes the commit graph: the wait asks, not this judgement.
      'another commit, Synced+Healthy',
      { revision: NEWER, sync: 'Synced', health: 'Healthy' },
      'pending',
      /at 3333333, not 2222222/
    ],
    [
      'a newer commit, OutOfSync',
      { revision: NEWER, sync: 'OutOfSync', health: 'Healthy' },
      'pending'
    ],
    ['no revision yet', { sync: 'Unknown' }, 'pending', /no revision/]
    // A rest parameter: jest would take a fifth declared parameter for a `done` callback.
  ])('%s → %s', (_name, frame, kind, ...reason) => {
    const verdict = evaluateWait(status(frame), target)
    expect(verdict.kind).toBe(kind)
    expect('reason' in verdict ? verdict.reason : '').toMatch(reason[0] ?? /^/)
  })

  it('matches our commit among multi-source revisions, in any case', () => {
    const read = readAppStatus({
      status: {
        sync: { status: 'Synced', revisions: [NEWER, OURS.toUpperCase()] },
        health: { status: 'Healthy' }
      }
    })
    expect(evaluateWait(read, target)).toEqual({ kind: 'success' })
  })

  it('treats an unknown previous commit as no previous commit', () => {
    const read = status({ revision: PREVIOUS, sync: 'Synced', health: 'Healthy' })
    expect(evaluateWait(read, { revision: OURS, previous: '' })).toEqual({
      kind: 'pending',
      reason: 'at 1111111, not 2222222'
    })
  })

  it.each<[string, AppFrame, Verdict]>([
    [
      "a failed sync, with Argo CD's message",
      { revision: OURS, sync: 'OutOfSync', phase: 'Failed', message: 'apply failed' },
      {
        kind: 'failed',
        reason: 'the sync to 2222222 ended Failed: apply failed',
        failure: { kind: 'sync-failed', revision: OURS, phase: 'Failed', message: 'apply failed' }
      }
    ],
    [
      'Degraded, with the health message',
      {
        revision: OURS,
        sync: 'Synced',
        health: 'Degraded',
        phase: 'Succeeded',
        message: 'successfully synced',
        healthMessage: 'Back-off pulling image "web:v2"'
      },
      {
        kind: 'failed',
        reason: 'the app is Degraded at 2222222: Deployment/web: Back-off pulling image "web:v2"',
        failure: {
          kind: 'degraded',
          revision: OURS,
          message: 'Deployment/web: Back-off pulling image "web:v2"'
        }
      }
    ],
    [
      'Degraded without a health message, with the operation message',
      { revision: OURS, sync: 'Synced', health: 'Degraded', phase: 'Succeeded', message: 'done' },
      {
        kind: 'failed',
        reason: 'the app is Degraded at 2222222: done',
        failure: { kind: 'degraded', revision: OURS, message: 'done' }
      }
    ],
    [
      'an error condition naming ours',
      {
        revision: OURS,
        sync: 'Unknown',
        conditions: [{ type: 'SyncError', message: `bad manifest at ${OURS}` }]
      },
      {
        kind: 'failed',
        reason: `SyncError for 2222222: bad manifest at ${OURS}`,
        failure: {
          kind: 'error-condition',
          revision: OURS,
          condition: 'SyncError',
          message: `bad manifest at ${OURS}`
        }
      }
    ]
  ])('says why it failed: %s', (_name, frame, expected) => {
    expect(evaluateWait(status(frame), target)).toEqual(expected)
  })
})

describe('reportedShas', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['one source', { revision: OURS }, [OURS]],
    ['multi-source, chart versions left out', { revisions: ['1.2.3', NEWER, 'main'] }, [NEWER]],
    ['a SHA-256 repository', { revision: 'a'.repeat(64) }, ['a'.repeat(64)]],
    ['an abbreviated SHA', { revision: '2222222' }, []],
    ['nothing yet', {}, []]
  ])('%s', (_name, sync, expected) => {
    expect(reportedShas(readAppStatus({ status: { sync } }))).toEqual(expected)
  })
})

describe('describeStatus and toAppState', () => {
  it('says where the app is and whether it is ours', () => {
    expect(
      describeStatus(
        status({
          revision: OURS,
          sync: 'Synced',
          health: 'Progressing',
          phase: 'Succeeded',
          message: 'done'
        }),
        target
      )
    ).toBe('at 2222222 (ours): Synced, Progressing, operation Succeeded: done')
    expect(
      describeStatus(
        status({
          revision: PREVIOUS,
          sync: 'OutOfSync',
          health: 'Healthy',
          operationRequested: true
        }),
        target
      )
    ).toBe('at 1111111: OutOfSync, Healthy, operation requested')
  })

  it('reports the last state and the first error', () => {
    const read = status({
      revision: OURS,
      sync: 'Unknown',
      health: 'Healthy',
      conditions: [{ type: 'SyncError', message: 'boom' }]
    })
    expect(toAppState('ns/web', read, target, 'failed')).toEqual({
      app: 'ns/web',
      revision: OURS,
      syncStatus: 'Unknown',
      healthStatus: 'Healthy',
      outcome: 'failed',
      message: 'boom'
    })
  })
})
