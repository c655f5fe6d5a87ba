import type { AppStatus } from '../argocd/app-status.js'
import { operationRunning, reportedShas } from '../argocd/wait-state.js'
import { shortSha, suffix } from '../lib/text.js'

/** The judgement of one observation of one source app. */
export type GateVerdict =
  | {
      /** Synced, Healthy, its last operation finished, at `revision`, which holds the candidate. */
      readonly kind: 'pass'
      readonly revision: string
    }
  | { readonly kind: 'fail'; readonly reason: string }
  | { readonly kind: 'pending'; readonly reason: string }

const FAILED_PHASES = new Set(['Failed', 'Error'])

/**
 * Judges one observation of a source app. `holds` answers, for the commit SHAs the app reports
 * (lower case), whether the source files at that commit hold the candidate (false, or absent,
 * for a commit that is not the branch tip or an ancestor of it). A last sync that ended Failed
 * or Error, or Degraded health once no operation runs, fails; Synced and Healthy with the
 * operation finished and succeeded at a revision that holds the candidate passes; anything
 * else is pending (and says why).
 */
export function evaluateGateApp(
  status: AppStatus,
  holds: ReadonlyMap<string, boolean>
): GateVerdict {
  const op = status.operation
  const running = operationRunning(status)
  const at =
    status.revision !== ''
      ? shortSha(status.revision)
      : status.revisions.map(shortSha).join(', ') || 'no revision'
  if (
    op &&
    FAILED_PHASES.has(op.phase) &&
    op.finishedAt !== undefined &&
    !status.operationRequested
  ) {
    return { kind: 'fail', reason: `its last sync ended ${op.phase}${suffix(op.message)}` }
  }
  if (running) {
    return { kind: 'pending', reason: `at ${at}, an operation is running` }
  }
  if (status.healthStatus === 'Degraded') {
    return { kind: 'fail', reason: `it is Degraded at ${at}${suffix(status.healthMessage)}` }
  }
  if (status.syncStatus !== 'Synced' || status.healthStatus !== 'Healthy') {
    return { kind: 'pending', reason: `at ${at}: ${status.syncStatus}, ${status.healthStatus}` }
  }
  if (op !== undefined && op.phase !== 'Succeeded') {
    return { kind: 'pending', reason: `at ${at}, its last operation is ${op.phase || 'pending'}` }
  }
  const revision = reportedShas(status).find((sha) => holds.get(sha.toLowerCase()) === true)
  if (revision === undefined) {
    return {
      kind: 'pending',
      reason: `Synced and Healthy at ${at}, which does not hold the candidate (or is not on the source branch)`
    }
  }
  return { kind: 'pass', revision }
}

/** One app's verdict, as the whole gate sees it. */
export interface GateAppVerdict {
  readonly app: string
  readonly verdict: GateVerdict
}

/**
 * The gate over every source app: `fail` when one fails, `pending` while one is pending, else
 * `pass` at the first app's revision (the `source-revision` output).
 */
export function evaluateGate(verdicts: readonly GateAppVerdict[]): GateVerdict {
  const failed = verdicts.find((v) => v.verdict.kind === 'fail')
  if (failed?.verdict.kind === 'fail') {
    return { kind: 'fail', reason: `${failed.app}: ${failed.verdict.reason}` }
  }
  const pending = verdicts.filter((v) => v.verdict.kind === 'pending')
  if (pending.length > 0) {
    return {
      kind: 'pending',
      reason: pending
        .map((v) => `${v.app}: ${v.verdict.kind === 'pending' ? v.verdict.reason : ''}`)
        .join('; ')
    }
  }
  const [first] = verdicts
  if (first?.verdict.kind !== 'pass') return { kind: 'pending', reason: 'no app to look at' }
  return { kind: 'pass', revision: first.verdict.revision }
}

/**
 * True when the app finished its last operation at least `settleMs` before `nowMs` and Argo CD
 * reconciled it after that (so its Synced and Healthy are not a leftover of before the sync).
 */
export function settledApp(status: AppStatus, nowMs: number, settleMs: number): boolean {
  const finished = Date.parse(status.operation?.finishedAt ?? '')
  const reconciled = Date.parse(status.reconciledAt ?? '')
  if (Number.isNaN(finished) || Number.isNaN(reconciled)) return false
  return reconciled >= finished && nowMs - finished >= settleMs
}
