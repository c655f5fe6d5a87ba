import type { AppStatus } from './app-status.js'
import { short, suffix } from './text.js'
import type { AppOutcome, AppState } from './types.js'

/** What the wait is for: the pushed commit, and the tip it replaced. */
export interface WaitTarget {
  /** The pushed commit, full SHA. */
  readonly revision: string
  /** The branch tip before the push ('' when unknown); an app still there is not done. */
  readonly previous: string
}

/** The judgement of one observation of an app (contract §5.6). */
export type Verdict =
  | { readonly kind: 'success' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'superseded'; readonly revision: string }
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
 * Judges one observation. `refreshed` says a refresh completed after the push, so a different
 * Synced revision is really newer than ours (before it, the app may simply not have looked yet).
 */
export function evaluateWait(status: AppStatus, target: WaitTarget, refreshed: boolean): Verdict {
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
      reason: `the sync to ${short(ours)} ended ${op.phase}${suffix(op.message)}`
    }
  }
  const condition = status.conditions.find(
    (c) => ERROR_CONDITIONS.has(c.type) && c.message.toLowerCase().includes(ours.toLowerCase())
  )
  if (condition) {
    return {
      kind: 'failed',
      reason: `${condition.type} for ${short(ours)}${suffix(condition.message)}`
    }
  }
  if (atOurs && !running && status.healthStatus === 'Degraded') {
    return {
      kind: 'failed',
      reason: `the app is Degraded at ${short(ours)}${suffix(op?.message ?? '')}`
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
  if (
    refreshed &&
    !atOurs &&
    status.revision !== '' &&
    !sameSha(status.revision, target.previous) &&
    status.syncStatus === 'Synced' &&
    !running
  ) {
    return { kind: 'superseded', revision: status.revision }
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
    const where = status.revision === '' ? 'no revision yet' : `at ${short(status.revision)}`
    const previous = target.previous !== '' && sameSha(status.revision, target.previous)
    return previous ? `${where}, the previous commit` : `${where}, not ${short(target.revision)}`
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
      : `at ${short(shownRevision(status, target.revision))}${atRevision(status, target.revision) ? ' (ours)' : ''}`
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
  const message = [status.operation?.message ?? '', errorCondition].find((m) => m !== '')
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

function sameSha(a: string, b: string): boolean {
  return a !== '' && a.toLowerCase() === b.toLowerCase()
}
