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
  /** The runner's `GITHUB_*` environment. */
  readonly github: GitHubEnvironment

  // Images
  /** `images`, parsed: one spec per image, repository resolved. */
  readonly images: readonly ImageSpec[]
  /** Build and push images (false with `build: false` or when `images` is empty). */
  readonly build: boolean
  /** `registry`: host with optional port. */
  readonly registry: string
  /** `namespace`: lower-cased; may be empty. */
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
  /** `author-name`. */
  readonly authorName: string
  /** `author-email`. */
  readonly authorEmail: string
  /** `push-attempts`. */
  readonly pushAttempts: number
  /** `commit-mode`. */
  readonly commitMode: 'git' | 'api'
  /** `create-pr`. */
  readonly createPr: boolean
  /** `pr-title`; undefined: the commit message's first line. */
  readonly prTitle?: string
  /** `pr-labels`. */
  readonly prLabels: readonly string[]
  /** `dry-run`. */
  readonly dryRun: boolean

  /** `rollback-on-failure`: undo this run's values when the Argo CD wait fails. */
  readonly rollbackOnFailure: boolean

  /** The `argocd-*` inputs. */
  readonly argocd: ArgoCdOptions
}
