import type {
  AppState,
  IsDescendant,
  WaitOptions,
  WebhookOptions,
  WebhookResult
} from '../argocd/types.js'
import type { EditEngine } from '../edit/engine.js'
import type { BuildOptions, BuiltImage } from '../images/build-images.js'
import type { Logger } from '../logger.js'
import type { ComputeChanges, PublishResult } from '../publish/publish.js'
import type { ImagesSettings, PublishSettings } from '../settings/settings.js'

/** A commit's text: its message and, with `create-pr`, the pull request's title. */
export interface CommitText {
  readonly message: string
  readonly prTitle: string
}

/**
 * The GitOps repository, opened once per run: the preflight, the commit, the ancestry check of
 * the wait and the rollback all work on the same clone (remote mode) or checkout.
 */
export interface GitOpsRepository {
  /** Reads the branch tip and computes the edits on it; pushes nothing. */
  preview(text: CommitText, compute: ComputeChanges, logger: Logger): Promise<PublishResult>
  /** Lands the edits as one commit with compare-and-swap (or through a pull request). */
  land(text: CommitText, compute: ComputeChanges): Promise<PublishResult>
  /** Whether `commit` is `ancestor` or descends from it, on this repository. */
  readonly isDescendant: IsDescendant
  /** Removes what opening it set up (a temporary clone). */
  close(): Promise<void>
}

/**
 * Every stage of a run with its dependencies bound by the composition root (src/compose.ts):
 * the pipeline passes options and gets results, and never builds a service itself.
 */
export interface Stages {
  /** The log every stage writes to. */
  readonly logger: Logger
  /** The one YAML change engine. */
  readonly edits: EditEngine
  /** Checks that every build context and Dockerfile exists. */
  readonly checkBuildContexts: (options: ImagesSettings) => Promise<void>
  /** Builds and pushes the images (in parallel). */
  readonly buildImages: (options: BuildOptions) => Promise<readonly BuiltImage[]>
  /** Opens the GitOps repository for the run. */
  readonly openRepository: (options: PublishSettings) => Promise<GitOpsRepository>
  /** Sends Argo CD the push event; never throws for a delivery problem. */
  readonly notifyWebhook: (options: WebhookOptions) => Promise<WebhookResult>
  /** Refreshes, syncs and waits for the apps; throws ArgoCdWaitError when the wait fails. */
  readonly waitForApps: (
    options: WaitOptions,
    isDescendant: IsDescendant
  ) => Promise<readonly AppState[]>
}
