import type { FileEdit, ImageTarget } from './edit/types.js'
import type { RollbackResult } from './rollback/rollback.js'

/** What a run has produced so far; filled in stage by stage, so a failure still reports it. */
export interface ReleaseState {
  tag: string
  images: readonly ImageTarget[]
  /** Build time per image name, in seconds (absent when not built). */
  buildSeconds: Map<string, number>
  edits: readonly FileEdit[]
  diff: string
  changed: boolean
  commitSha: string
  commitUrl: string
  branch: string
  prNumber?: number
  prUrl?: string
  /** Markdown sections contributed by stages (Argo CD state, …). */
  summarySections: string[]
  argocd?: { revision: string; syncStatus: string; healthStatus: string }
  /** What `rollback-on-failure` did, when it ran. */
  rollback?: RollbackResult
  /** The error that stopped the run, for the summary. */
  failure?: string
}

/** A state before any stage ran. */
export function newReleaseState(tag: string): ReleaseState {
  return {
    tag,
    images: [],
    buildSeconds: new Map(),
    edits: [],
    diff: '',
    changed: false,
    commitSha: '',
    commitUrl: '',
    branch: '',
    summarySections: []
  }
}

/** The `images` output: one object per image. */
export function imagesOutput(images: readonly ImageTarget[]): string {
  return JSON.stringify(
    images.map((image) => ({
      name: image.name,
      repository: image.repository,
      tag: image.tag,
      digest: image.digest,
      ref: `${image.repository}:${image.tag}`
    }))
  )
}

/** Every output of action.yml as name → value. */
export function outputValues(state: ReleaseState): Record<string, string> {
  return {
    tag: state.tag,
    images: imagesOutput(state.images),
    changed: String(state.changed),
    diff: state.diff,
    'commit-sha': state.commitSha,
    'commit-url': state.commitUrl,
    'pr-number': state.prNumber === undefined ? '' : String(state.prNumber),
    'pr-url': state.prUrl ?? '',
    'argocd-revision': state.argocd?.revision ?? '',
    'argocd-sync-status': state.argocd?.syncStatus ?? '',
    'argocd-health-status': state.argocd?.healthStatus ?? '',
    'rolled-back': String(state.rollback?.rolledBack ?? false),
    'rollback-commit-sha': state.rollback?.commitSha ?? ''
  }
}
