import type { AppState, WebhookResult } from './argocd/types.js'
import type { RollbackResult, WaitFailure } from './rollback/rollback.js'
import type { BuiltImage } from './images/build-images.js'
import type { FileEdit } from './edit/types.js'
import { unifiedDiff } from './edit/unified-diff.js'
import type { PublishResult } from './publish/publish.js'
import { promotionOutputs, type PromotionState } from './promote/outputs.js'

/** What the Argo CD stage reported: the webhook, and each app's last state. */
interface ReleaseArgoCd {
  readonly webhook?: WebhookResult
  readonly apps: readonly AppState[]
  /** True when the run waited (`argocd-wait`): only then are the `argocd-*` outputs set. */
  readonly waited: boolean
}

/** What `rollback-on-failure` did: the wait failure that triggered it and the stage's result. */
export interface ReleaseRollback {
  readonly failure: WaitFailure
  readonly result: RollbackResult
}

/**
 * What a run has produced so far: each stage's result as it came, filled in stage by stage, so
 * a failure still reports it. Every output and the job summary are derived from it, here and in
 * summary.ts, and nowhere else.
 */
export interface ReleaseState {
  /** The tag of the run ('' when even that could not be read). */
  tag: string
  /** The images: as planned before the build, then as the images stage returned them. */
  images: readonly BuiltImage[]
  /** With `commit: false`: the edits made in the workspace. */
  edits?: readonly FileEdit[]
  /** With `commit: true`: what the publish stage returned. */
  publish?: PublishResult
  argocd?: ReleaseArgoCd
  rollback?: ReleaseRollback
  /** With `promote-to`: the promotion's own record. */
  promotion?: PromotionState
  /** The error that stopped the run, for the summary. */
  failure?: string
}

/** A state before any stage ran. */
export function newReleaseState(tag: string): ReleaseState {
  return { tag, images: [] }
}

/** The edits of the run, from whichever stage made them. */
export function releaseEdits(state: ReleaseState): readonly FileEdit[] {
  return state.publish?.edits ?? state.edits ?? []
}

/** The unified diff of every edited file. */
export function releaseDiff(state: ReleaseState): string {
  if (state.publish !== undefined) return state.publish.diff
  return state.edits === undefined ? '' : unifiedDiff(state.edits)
}

/** True when the run changed file content (with a commit: when it landed one). */
function releaseChanged(state: ReleaseState): boolean {
  if (state.publish !== undefined) return state.publish.changed
  return (state.edits ?? []).some((edit) => edit.before !== edit.after)
}

/** Every output of action.yml as name → value. */
export function outputValues(state: ReleaseState): Record<string, string> {
  const publish = state.publish
  // With argocd-wait the outputs show the last state seen of the last app: after a rollback,
  // the state its own wait saw.
  const rollbackWait = state.rollback?.result.wait
  const rollbackApps = rollbackWait?.kind === 'not-run' ? [] : (rollbackWait?.apps ?? [])
  const apps = rollbackApps.length > 0 ? rollbackApps : (state.argocd?.apps ?? [])
  const last = state.argocd?.waited === true ? apps.at(-1) : undefined
  const only = state.images.length === 1 ? state.images[0] : undefined
  return {
    tag: state.tag,
    images: JSON.stringify(
      state.images.map((image) => ({
        name: image.name,
        repository: image.repository,
        tag: image.tag,
        digest: image.digest,
        ref: image.ref,
        built: image.built
      }))
    ),
    changed: String(releaseChanged(state)),
    diff: releaseDiff(state),
    'commit-sha': publish?.commitSha ?? '',
    'commit-url': publish?.commitUrl ?? '',
    'pr-number': publish?.prNumber === undefined ? '' : String(publish.prNumber),
    'pr-url': publish?.prUrl ?? '',
    'pr-operation': publish?.prOperation ?? '',
    'pr-head-sha': publish?.prHeadSha ?? '',
    'argocd-revision': last?.revision ?? '',
    'argocd-sync-status': last?.syncStatus ?? '',
    'argocd-health-status': last?.healthStatus ?? '',
    'rolled-back': String(state.rollback?.result.rolledBack ?? false),
    'rollback-commit-sha': state.rollback?.result.commitSha ?? '',
    digest: only?.digest ?? '',
    metadata: JSON.stringify(
      Object.fromEntries(state.images.map((image) => [image.name, image.metadata]))
    ),
    ...promotionOutputs(
      state.promotion === undefined
        ? undefined
        : {
            from: state.promotion.from,
            to: state.promotion.to,
            promoted: state.promotion.promoted,
            ...(state.promotion.sourceRevision === undefined
              ? {}
              : { sourceRevision: state.promotion.sourceRevision }),
            ...(state.promotion.soakRemaining === undefined
              ? {}
              : { soakRemaining: state.promotion.soakRemaining })
          }
    )
  }
}
