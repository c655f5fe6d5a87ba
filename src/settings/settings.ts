import type { ArgoCdOptions } from '../argocd/types.js'
import type { ImageSpec } from '../image-spec.js'

import type { GitHubEnvironment } from './github-env.js'
import type { CommitTarget } from './repository.js'

export type { GitHubEnvironment } from './github-env.js'
export type { CommitTarget } from './repository.js'

/**
 * Every input and the GitHub environment, validated and resolved once by `readSettings`; passed
 * down read-only, so no stage re-reads or re-checks an input.
 */
export interface Settings {
  /** Repository root the file paths are relative to (`GITHUB_WORKSPACE`). */
  readonly workspace: string
  /** The runner's `GITHUB_*` environment. */
  readonly github: GitHubEnvironment
  /**
   * The environment git and docker start from: the runner's environment as read once, entries
   * without a value dropped (frozen).
   */
  readonly processEnv: Readonly<Record<string, string>>

  // Images
  /** `images`, parsed: one spec per image, repository resolved. */
  readonly images: readonly ImageSpec[]
  /** Build and push images (false with `build: false` or when `images` is empty). */
  readonly build: boolean
  /** `registry`: host with optional port (Docker's domain grammar). */
  readonly registry: string
  /** `namespace`: lower-cased, Docker path components; may be empty. */
  readonly namespace: string
  /** `tag`, validated; the short SHA by default. */
  readonly tag: string
  /** Full commit SHA for `{sha}`. */
  readonly sha: string
  /** `{short-sha}` */
  readonly shortSha: string
  /** `username` for `docker login`. */
  readonly username?: string
  /** `password` for `docker login` (masked). */
  readonly password?: string
  /** `platforms` for buildx. */
  readonly platforms?: string
  /** `build-args`: `KEY=VALUE` for every image. */
  readonly buildArgs: readonly string[]
  /** `cache-from`, passed to buildx as is. */
  readonly cacheFrom?: string
  /** `cache-to`, passed to buildx as is. */
  readonly cacheTo?: string
  /** `builder`: a buildx builder name. */
  readonly builder?: string
  /** `max-parallel`: builds at once. */
  readonly maxParallel: number
  /** `skip-unchanged`: build only images whose build inputs changed. */
  readonly skipUnchanged: boolean

  // What to change
  /** `values-file`: Helm values files, repository-relative. */
  readonly valuesFiles: readonly string[]
  /** `values-file` was left at `helm/values.yaml`. */
  readonly valuesFileIsDefault: boolean
  /** `tag-path` template (`{name}`). */
  readonly tagPath: string
  /** `repository-path` template. */
  readonly repositoryPath?: string
  /** `digest-path` template. */
  readonly digestPath?: string
  /** `kustomization` files. */
  readonly kustomizations: readonly string[]
  /** `manifests` files or globs. */
  readonly manifests: readonly string[]
  /** `pin-digest`. */
  readonly pinDigest: boolean
  /** Raw `changes` text; empty when not given. */
  readonly changes: string
  /** `create-missing`. */
  readonly createMissing: boolean

  // Where to commit
  /** `commit`: commit and push, or leave the edits in the workspace. */
  readonly commit: boolean
  /** Where the commit goes (`repository`). */
  readonly target: CommitTarget
  /** Display name of the target for messages (`OWNER/NAME` or the URL). */
  readonly targetName: string
  /** `branch` input; undefined: the workflow's branch (same repo) or the default branch. */
  readonly branch?: string
  /** `token` (masked). */
  readonly token?: string
  /** Message template (`{names}`, `{tag}`, `{sha}`, `{short-sha}`). */
  readonly message: string
  /** `author-name`: no control character, `<` or `>`. */
  readonly authorName: string
  /** `author-email`: no control character, `<` or `>`. */
  readonly authorEmail: string
  /** `push-attempts`. */
  readonly pushAttempts: number
  /** `commit-mode`. */
  readonly commitMode: 'git' | 'api'
  /** `create-pr`. */
  readonly createPr: boolean
  /** `pr-title`; undefined: the commit message's first line. */
  readonly prTitle?: string
  /** `pr-labels`: one per line or comma-separated. */
  readonly prLabels: readonly string[]
  /** `dry-run`. */
  readonly dryRun: boolean

  /** The `argocd-*` inputs, checked as a whole. */
  readonly argocd: ArgoCdOptions
  /** `rollback-on-failure` (only with `argocd-wait`, never with `create-pr`). */
  readonly rollbackOnFailure: boolean
}
