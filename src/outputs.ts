import type { FileEdit, ImageTarget } from './edit/types.js'

/** What a run produced, for outputs and the job summary. */
export interface ReleaseResult {
  readonly tag: string
  readonly images: readonly ImageTarget[]
  /** Build time per image name, in seconds (absent when not built). */
  readonly buildSeconds: ReadonlyMap<string, number>
  readonly edits: readonly FileEdit[]
  readonly diff: string
  readonly changed: boolean
  readonly commitSha: string
  readonly commitUrl: string
  readonly branch: string
  readonly prNumber?: number
  readonly prUrl?: string
  /** Markdown sections contributed by stages (Argo CD state, …). */
  readonly summarySections: readonly string[]
  readonly argocd?: {
    readonly revision: string
    readonly syncStatus: string
    readonly healthStatus: string
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
export function outputValues(result: ReleaseResult): Record<string, string> {
  return {
    tag: result.tag,
    images: imagesOutput(result.images),
    changed: String(result.changed),
    diff: result.diff,
    'commit-sha': result.commitSha,
    'commit-url': result.commitUrl,
    'pr-number': result.prNumber === undefined ? '' : String(result.prNumber),
    'pr-url': result.prUrl ?? '',
    'argocd-revision': result.argocd?.revision ?? '',
    'argocd-sync-status': result.argocd?.syncStatus ?? '',
    'argocd-health-status': result.argocd?.healthStatus ?? ''
  }
}
