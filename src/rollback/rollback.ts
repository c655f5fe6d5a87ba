import type { AppState, WebhookResult } from '../argocd/types.js'
import type { EditedPlace } from '../edit/places.js'
import { restorePlaces } from '../edit/restore.js'
import type { RestoredPlace, SkippedPlace } from '../edit/restore.js'
import type { FileEdit, FileSource } from '../edit/types.js'
import { ArgoCdError, errorMessage, type ErrorLocation } from '../lib/errors.js'
import { shortSha } from '../lib/text.js'
import type { Logger } from '../lib/logger.js'

/**
 * The rollback stage (`rollback-on-failure`): after the Argo CD wait failed, put back every value
 * this run wrote, found again on the branch tip the way the edit found it (src/edit/restore.ts),
 * but only where the tip still holds it, and remove the keys this run created; land that as one
 * commit with the same compare-and-swap loop as the release, tell Argo CD again and wait for it.
 *
 * The stage never fails the step itself: it returns what happened, and `rollbackError` turns the
 * wait failure plus that result into the one error main.ts reports.
 */

/** The Argo CD wait failure that triggers the rollback (an ArgoCdWaitError has this shape). */
export interface WaitFailure {
  readonly message: string
  /** The last state seen of each app. */
  readonly apps: readonly AppState[]
}

/** What the rollback needs to know about the release. */
interface RollbackOptions {
  /** Every place this run changed: the `places` of the publish result's edits. */
  readonly places: readonly EditedPlace[]
  /** The release commit that Argo CD failed to roll out. */
  readonly releaseSha: string
  /** The rollback commit message, rendered (`revert(release): {names} {tag} [skip ci]`). */
  readonly message: string
}

/** The part of a publish result the rollback reads. */
export interface LandedCommit {
  /** The commit that landed; empty when none (nothing to change). */
  readonly commitSha: string
  readonly commitUrl: string
  readonly branch: string
}

/**
 * The side effects, supplied by main.ts over the publish and Argo CD stages. Each receives the
 * landed rollback commit as the publish stage returned it (`C`), so main.ts can turn it into
 * whatever the Argo CD stage needs.
 */
export interface RollbackDeps<C extends LandedCommit> {
  /** The publish stage with `message` and `compute` (compare-and-swap, both commit modes). */
  readonly publish: (
    message: string,
    compute: (source: FileSource) => Promise<FileEdit[]>
  ) => Promise<C>
  /** Sends Argo CD's webhook for the commit; absent when no webhook is configured. */
  readonly notify?: (commit: C) => Promise<WebhookResult>
  /** Waits until every app is Synced and Healthy at the commit; throws when it is not. */
  readonly wait: (commit: C) => Promise<readonly AppState[]>
  readonly logger: Logger
}

/** Where Argo CD stands after the rollback. */
type RollbackWait =
  | { readonly kind: 'not-run' }
  | { readonly kind: 'healthy'; readonly apps: readonly AppState[] }
  | { readonly kind: 'failing'; readonly message: string; readonly apps: readonly AppState[] }

/** What the rollback did. */
export interface RollbackResult {
  /** A rollback commit landed. */
  readonly rolledBack: boolean
  /** The rollback commit; empty when none. */
  readonly commitSha: string
  readonly commitUrl: string
  readonly branch: string
  readonly releaseSha: string
  readonly restored: readonly RestoredPlace[]
  readonly skipped: readonly SkippedPlace[]
  /** Why no commit landed (nothing left to restore, or the commit failed); empty otherwise. */
  readonly problem: string
  readonly webhook?: WebhookResult
  readonly wait: RollbackWait
}

/** Runs the rollback; see the module comment. Never throws for a rollback that went wrong. */
export async function rollback<C extends LandedCommit>(
  options: RollbackOptions,
  deps: RollbackDeps<C>
): Promise<RollbackResult> {
  const { logger } = deps
  // compute runs once per compare-and-swap attempt; the plan of the last attempt is what landed.
  let restored: RestoredPlace[] = []
  let skipped: SkippedPlace[] = []
  const compute = async (source: FileSource): Promise<FileEdit[]> => {
    const outcome = await restorePlaces(source, options.places)
    restored = outcome.restored
    skipped = outcome.skipped
    return outcome.edits
  }

  const base = {
    releaseSha: options.releaseSha,
    commitUrl: '',
    branch: ''
  }
  // no commit: nothing restored, Argo CD not asked (`skipped` as the last attempt left it)
  const notRolledBack = (problem: string): RollbackResult => ({
    ...base,
    rolledBack: false,
    commitSha: '',
    restored: [],
    skipped,
    problem,
    wait: { kind: 'not-run' }
  })
  let landed: C
  try {
    landed = await deps.publish(options.message, compute)
  } catch (error) {
    const problem = `the rollback commit could not be landed: ${errorMessage(error)}`
    logger.warning(`Rollback: ${problem}`)
    return notRolledBack(problem)
  }
  for (const entry of skipped) {
    logger.warning(`Rollback: in ${entry.file}, ${entry.reason}; left as it is.`)
  }
  if (landed.commitSha === '') {
    const problem = nothingLeft(options.places.length, skipped)
    logger.warning(`Rollback: ${problem}; no commit.`)
    return notRolledBack(problem)
  }
  logger.info(`Rolled back ${describePlaces(restored)} in ${shortSha(landed.commitSha)}.`)
  const result = {
    ...base,
    rolledBack: true,
    commitSha: landed.commitSha,
    commitUrl: landed.commitUrl,
    branch: landed.branch,
    restored,
    skipped,
    problem: ''
  }
  const webhook = deps.notify === undefined ? undefined : await deps.notify(landed)
  const withWebhook = webhook === undefined ? result : { ...result, webhook }
  try {
    const apps = await deps.wait(landed)
    return { ...withWebhook, wait: { kind: 'healthy', apps } }
  } catch (error) {
    const apps = hasApps(error) ? error.apps : []
    return { ...withWebhook, wait: { kind: 'failing', message: errorMessage(error), apps } }
  }
}

/** Why no rollback commit landed although the publish went through. */
function nothingLeft(places: number, skipped: readonly SkippedPlace[]): string {
  if (places === 0) return 'nothing was left to restore: this run recorded no place it changed'
  if (skipped.length > 0 && skipped.every((entry) => entry.changedSince)) {
    return 'nothing was left to restore: every value this run wrote was changed since'
  }
  return 'nothing was left to restore: no place this run changed could be put back'
}

/** `file (path), file (path [removed])`: the places put back, for messages. */
function describePlaces(restored: readonly RestoredPlace[]): string {
  return restored
    .map((p) => `${p.file} (${p.path}${p.removed ? ', added by this run, removed' : ''})`)
    .join(', ')
}

function hasApps(error: unknown): error is { apps: readonly AppState[] } {
  return (
    typeof error === 'object' && error !== null && Array.isArray((error as { apps?: unknown }).apps)
  )
}

/** The failed rollout with the rollback done after it: the one error the step fails with. */
export class RolledBackError extends ArgoCdError {
  /** The release's apps as the failed wait left them. */
  readonly apps: readonly AppState[]
  readonly rollback: RollbackResult

  constructor(
    message: string,
    apps: readonly AppState[],
    result: RollbackResult,
    location: ErrorLocation = {}
  ) {
    super(message, location)
    this.apps = apps
    this.rollback = result
  }
}

/** Joins the wait failure and the rollback into one error: what failed, what was rolled back, where Argo CD stands. */
export function rollbackError(failure: WaitFailure, result: RollbackResult): RolledBackError {
  return new RolledBackError(describeRollback(failure, result), failure.apps, result, {
    input: 'argocd-app'
  })
}

/** The text of `rollbackError`. Pure. */
function describeRollback(failure: WaitFailure, result: RollbackResult): string {
  const parts: string[] = [failure.message.replace(/\.?\s*$/, '.')]
  const failing = failure.apps.filter(
    (app) => app.outcome === 'failed' || app.outcome === 'timed-out'
  )
  for (const app of failing) parts.push(`${app.app}: ${appState(app)}.`)
  if (!result.rolledBack) {
    parts.push(`Not rolled back: ${result.problem}.`)
  } else {
    const where = describePlaces(result.restored)
    parts.push(
      `Rolled back ${where} to the values before ${shortSha(result.releaseSha)} in commit ${result.commitSha}.`
    )
  }
  if (result.skipped.length > 0) {
    parts.push(
      `Left as they are: ${result.skipped.map((s) => `in ${s.file}, ${s.reason}`).join('; ')}.`
    )
  }
  if (result.rolledBack) {
    const short = shortSha(result.commitSha)
    if (result.wait.kind === 'healthy') {
      const apps = result.wait.apps
      const names = apps.map((app) => app.app).join(', ')
      parts.push(
        apps.every((app) => app.outcome === 'deployed')
          ? `Argo CD now: ${names || 'every app'} Synced and Healthy at the rollback commit ${short}.`
          : `Argo CD now: ${apps.map((app) => `${app.app} ${appState(app)}`).join('; ')}.`
      )
    } else if (result.wait.kind === 'failing') {
      parts.push(`Argo CD is still failing after the rollback ${short}: ${result.wait.message}`)
    }
  }
  return parts.join(' ')
}

function appState(app: AppState): string {
  const revision = app.revision === '' ? '' : ` at ${shortSha(app.revision)}`
  const phase = app.operationPhase === undefined ? '' : `, operation ${app.operationPhase}`
  const message = app.message === undefined || app.message === '' ? '' : `: ${app.message}`
  return `${app.syncStatus}/${app.healthStatus}${revision}${phase}${message}`
}
