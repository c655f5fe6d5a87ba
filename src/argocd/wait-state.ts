import { isCommitSha, shortSha, suffix } from '../lib/text.js'
import type { AppStatus } from './app-status.js'
import type { AppFailure, AppOutcome, AppState } from './types.js'

/** What the wait is for: a commit that counts, and the tip the push replaced. */
export interface WaitTarget {
  /** The commit judged: the pushed one, or a newer commit that contains it; full SHA. */
  readonly revision: string
  /** The branch tip before the push ('' when unknown); an app still there is not done. */
  readonly previous: string
}

/**
 * The judgement of one observation of an app, after the "wait until Synced and Healthy at
 * revision X" rules of Argo CD's `app wait` plus a revision check (the CLI never checks one).
 */
export type Verdict =
  | { readonly kind: 'success' }
  | {
      readonly kind: 'failed'
      readonly reason: string
      readonly failure: Exclude<AppFailure, { kind: 'timed-out' }>
    }
  | { readonly kind: 'pending'; readonly reason: string }

const FAILED_PHASES = new Set(['Failed', 'Error'])
const ERROR_CONDITIONS = new Set(['SyncError', 'ComparisonError'])

/** The CLI's "operation in progress": requested, unfinished, or finished but not yet reconciled. */
export function operationRunning(status: AppStatus): boolean {
  const op = status.operation
  if (status.operationRequested) return true
  if (op === undefined) return false
  if (op.finishedAt === undefined) return true
  if (op.dryRun) return false
  if (status.reconciledAt === undefined) return true
  return Date.parse(status.reconciledAt) < Date.parse(op.finishedAt)
}

/** The app's revision(s) include `revision`. */
export function atRevision(status: AppStatus, revision: string): boolean {
  return [status.revision, ...status.revisions].some((r) => sameSha(r, revision))
}

/**
 * The full commit SHAs the app reports (`status.sync.revision` and the multi-source
 * `revisions`), leaving out chart versions and other non-SHA revisions.
 */
export function reportedShas(status: AppStatus): string[] {
  return [status.revision, ...status.revisions].filter(isCommitSha)
}

/**
 * Judges one observation against `target.revision`. A state at any other revision is pending:
 * whether a newer commit counts is the caller's question (it needs the commit graph).
 */
export function evaluateWait(status: AppStatus, target: WaitTarget): Verdict {
  const ours = target.revision
  const atOurs = atRevision(status, ours)
  const running = operationRunning(status)
  const op = status.operation
  // The phase of the operation for our commit; undefined when the last operation was for another.
  const ourPhase = op?.revisions.some((r) => sameSha(r, ours)) ? op.phase : undefined

  if (op && ourPhase !== undefined && FAILED_PHASES.has(op.phase) && !status.operationRequested) {
    // Auto-sync never retries a revision whose sync failed, so waiting longer cannot help.
    return {
      kind: 'failed',
      reason: `the sync to ${shortSha(ours)} ended ${op.phase}${suffix(op.message)}`,
      failure: { kind: 'sync-failed', revision: ours, phase: op.phase, message: op.message }
    }
  }
  const condition = status.conditions.find(
    (c) => ERROR_CONDITIONS.has(c.type) && c.message.toLowerCase().includes(ours.toLowerCase())
  )
  if (condition) {
    return {
      kind: 'failed',
      reason: `${condition.type} for ${shortSha(ours)}${suffix(condition.message)}`,
      failure: {
        kind: 'error-condition',
        revision: ours,
        condition: condition.type,
        message: condition.message
      }
    }
  }
  if (atOurs && !running && status.healthStatus === 'Degraded') {
    const message = status.healthMessage || (op?.message ?? '')
    return {
      kind: 'failed',
      reason: `the app is Degraded at ${shortSha(ours)}${suffix(message)}`,
      failure: { kind: 'degraded', revision: ours, message }
    }
  }
  if (
    atOurs &&
    status.syncStatus === 'Synced' &&
    status.healthStatus === 'Healthy' &&
    !running &&
    (ourPhase === undefined || ourPhase === 'Succeeded')
  ) {
    return { kind: 'success' }
  }
  return { kind: 'pending', reason: pendingReason(status, target, atOurs, running) }
}

function pendingReason(
  status: AppStatus,
  target: WaitTarget,
  atOurs: boolean,
  running: boolean
): string {
  if (!atOurs) {
    const where = status.revision === '' ? 'no revision yet' : `at ${shortSha(status.revision)}`
    const previous = target.previous !== '' && sameSha(status.revision, target.previous)
    return previous ? `${where}, the previous commit` : `${where}, not ${shortSha(target.revision)}`
  }
  if (running) {
    const op = status.operation
    if (op?.finishedAt === undefined && op?.phase) return `operation ${op.phase}`
    if (status.operationRequested) return 'operation requested'
    return 'waiting for the reconcile after the operation'
  }
  if (status.syncStatus !== 'Synced') return status.syncStatus
  if (status.healthStatus !== 'Healthy') return status.healthStatus
  return `operation ${status.operation?.phase ?? 'unknown'}`
}

/** One log line for an observation, e.g. `at 2222222 (ours): Synced, Progressing, operation Succeeded`. */
export function describeStatus(status: AppStatus, target: WaitTarget): string {
  const revision =
    status.revision === '' && status.revisions.length === 0
      ? 'no revision'
      : `at ${shortSha(shownRevision(status, target.revision))}${atRevision(status, target.revision) ? ' (ours)' : ''}`
  const op = status.operation
  const operation = op ? `, operation ${op.phase || 'pending'}${suffix(op.message)}` : ''
  const requested = status.operationRequested && !op?.phase ? ', operation requested' : ''
  return `${revision}: ${status.syncStatus}, ${status.healthStatus}${operation}${requested}`
}

/** The AppState reported for `app`. */
export function toAppState(
  app: string,
  status: AppStatus,
  target: WaitTarget,
  outcome: AppOutcome
): AppState {
  const errorCondition = status.conditions.find((c) => c.type.endsWith('Error'))?.message ?? ''
  const health = status.healthStatus === 'Healthy' ? '' : status.healthMessage
  const message = [status.operation?.message ?? '', errorCondition, health].find((m) => m !== '')
  return {
    app,
    revision: shownRevision(status, target.revision),
    syncStatus: status.syncStatus,
    healthStatus: status.healthStatus,
    outcome,
    ...(status.operation?.phase ? { operationPhase: status.operation.phase } : {}),
    ...(message === undefined ? {} : { message })
  }
}

function shownRevision(status: AppStatus, ours: string): string {
  if (status.revision !== '') return status.revision
  return status.revisions.find((r) => sameSha(r, ours)) ?? status.revisions[0] ?? ''
}

/** The same commit, whatever the case of the hex. */
export function sameSha(a: string, b: string): boolean {
  return a !== '' && a.toLowerCase() === b.toLowerCase()
}
