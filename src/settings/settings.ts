import type { ArgoCdOptions } from '../argocd/types.js'
import type { ImageSpec } from '../image-spec.js'

/** Where the commit goes: the workflow's own checkout, or another repository cloned for the run. */
export type CommitTarget =
  | { readonly kind: 'workspace' }
  | {
      readonly kind: 'remote'
      /** Clone URL without credentials (`https://…`, `file://…`, a path). */
      readonly url: string
    }

/** The GitHub environment the run sees (from the runner's `GITHUB_*` variables). */
export interface GitHubEnvironment {
  /** `https://github.com` or a GHES URL. */
  readonly serverUrl: string
  readonly apiUrl: string
  readonly graphqlUrl: string
  /** `OWNER/NAME` of the workflow's repository, empty when unknown. */
  readonly repository: string
  /** Full SHA the workflow runs on, empty when unknown. */
  readonly sha: string
  /** Branch the workflow runs on (from `refs/heads/…`), undefined for tags and pull requests. */
  readonly branch?: string
  /** True under nektos/act. */
  readonly act: boolean
  /** Temporary folder for clones and build metadata. */
  readonly runnerTemp: string
}

/** Every input, validated and resolved once by `getInputs`; passed down read-only. */
export interface Settings {
  /** Repository root the file paths are relative to (`GITHUB_WORKSPACE`). */
  readonly workspace: string
  readonly github: GitHubEnvironment

  // Images
  readonly images: readonly ImageSpec[]
  /** Build and push images (false with `build: false` or when `images` is empty). */
  readonly build: boolean
  readonly registry: string
  readonly namespace: string
  readonly tag: string
  /** Full commit SHA for `{sha}`. */
  readonly sha: string
  /** `{short-sha}` */
  readonly shortSha: string
  readonly username?: string
  readonly password?: string
  readonly platforms?: string
  readonly buildArgs: readonly string[]
  readonly cacheFrom?: string
  readonly cacheTo?: string
  readonly builder?: string
  readonly maxParallel: number

  // What to change
  readonly valuesFiles: readonly string[]
  readonly valuesFileIsDefault: boolean
  readonly tagPath: string
  readonly repositoryPath?: string
  readonly digestPath?: string
  readonly kustomizations: readonly string[]
  readonly manifests: readonly string[]
  readonly pinDigest: boolean
  /** Raw `changes` text; empty when not given. */
  readonly changes: string
  readonly createMissing: boolean

  // Where to commit
  readonly commit: boolean
  readonly target: CommitTarget
  /** Display name of the target for messages (`OWNER/NAME` or the URL). */
  readonly targetName: string
  /** `branch` input; undefined: the workflow's branch (same repo) or the default branch. */
  readonly branch?: string
  readonly token?: string
  /** Message template (`{names}`, `{tag}`, `{sha}`, `{short-sha}`). */
  readonly message: string
  readonly authorName: string
  readonly authorEmail: string
  readonly pushAttempts: number
  readonly commitMode: 'git' | 'api'
  readonly createPr: boolean
  /** `pr-title`; undefined: the commit message's first line. */
  readonly prTitle?: string
  readonly prLabels: readonly string[]
  readonly dryRun: boolean

  readonly argocd: ArgoCdOptions
}
