import type { ArgoCdSettings } from '../argocd/types.js'
import type { RegistryCredentials } from '../images/registry-api.js'
import type { Environment } from './environments.js'
import type { EditRequest, EditVars } from '../edit/types.js'
import type { ImageSpec } from '../image-spec.js'
import type { BuildOptions } from '../images/build-images.js'
import type { PublishOptions } from '../publish/publish.js'

/** The images stage's options as the settings resolve them; the run adds the files' current tags. */
export type ImagesSettings = Omit<BuildOptions, 'current'>

/** The edit engine's request without the images, whose digests are known only after the build. */
export type EditSettings = Omit<EditRequest, 'images'>

/** The publish stage's options without what each commit brings (its message and title). */
export type PublishSettings = Omit<PublishOptions, 'message' | 'prTitle'>

/** Everything about committing (`commit: true`), resolved. */
export interface CommitSettings {
  readonly publish: PublishSettings
  /** Message templates (`{names}`, `{tag}`, `{sha}`, `{short-sha}`). */
  readonly messages: {
    /** `message`. */
    readonly release: string
    /** The rollback commit's. */
    readonly rollback: string
  }
  /** `pr-title`; absent: the commit message's first line. */
  readonly prTitle?: string
  /** How messages name the target: `OWNER/NAME`, or the URL without credentials. */
  readonly label: string
  /**
   * The repository's web URL when it is OWNER/NAME on the GitHub server (what Argo CD's
   * Applications name); absent: the URL the push went to.
   */
  readonly repoUrl?: string
  /** The GitHub server's REST root, with `repoUrl` (the push event's repository API URLs). */
  readonly apiUrl?: string
}

/** One environment resolved into the options of each stage that works on it. */
export interface EnvironmentSettings {
  /** The `environments` entry, defaults applied and `{env}` filled in. */
  readonly environment: Environment
  /** Its files and paths, with the top-level `pin-digest`, `create-missing` and `{tag}` values. */
  readonly edit: EditSettings
  /** Committing to its branch (its `create-pr`); absent with `commit: false`. */
  readonly commit?: CommitSettings
  /** The webhook, and the API over its apps, server and token (absent when it has no apps). */
  readonly argocd: ArgoCdSettings
}

/** One side of a promotion: an environment, which a promotion always commits to or reads. */
export type PromotionSide = EnvironmentSettings & { readonly commit: CommitSettings }

/** A promotion (`promote-to`), resolved. */
export interface PromotionSettings {
  /** `promote-from`. */
  readonly from: PromotionSide
  /** `promote-to`. */
  readonly to: PromotionSide
  /** Said once the run starts (a source without a health gate). */
  readonly warnings: readonly string[]
  /** The registry login, for the manifest requests of the registry check. */
  readonly credentials?: RegistryCredentials
  /** `argocd-timeout`: how long the gate may wait for the source. */
  readonly gateTimeoutSeconds: number
}

/**
 * Every input and the runner's environment, parsed once by `readSettings` into the options of
 * each stage; passed down read-only, so no stage re-reads, re-checks or re-derives an input.
 */
export interface Settings {
  /** `tag`, validated; the short SHA by default. */
  readonly tag: string
  /** The values `{tag}`, `{sha}` and `{short-sha}` stand for. */
  readonly vars: EditVars
  /** `images`, parsed: one spec per image, repository resolved. */
  readonly images: readonly ImageSpec[]
  /** The images stage's options; absent when nothing is built. */
  readonly build?: ImagesSettings
  /** Why nothing is built, for the log (`build: false`, or no image listed). */
  readonly noBuildReason: string
  /** What to change. */
  readonly edit: EditSettings
  /** Repository root the file paths are relative to (`GITHUB_WORKSPACE`). */
  readonly workspace: string
  /** Where and how to commit; absent with `commit: false`. */
  readonly commit?: CommitSettings
  /** The Argo CD inputs, checked as a whole. */
  readonly argocd: ArgoCdSettings
  /** `rollback-on-failure` (only with `argocd-wait`, never with `create-pr`). */
  readonly rollbackOnFailure: boolean
  /** `dry-run`. */
  readonly dryRun: boolean
  /** `environments`, parsed (empty without it). */
  readonly environments: readonly EnvironmentSettings[]
  /** With `promote-to`: what to promote, from where to where. The run is then a promotion. */
  readonly promotion?: PromotionSettings
  /**
   * The environment processes and HTTP clients start from: the runner's environment as read
   * once, entries without a value dropped (frozen).
   */
  readonly env: Readonly<Record<string, string>>
}
