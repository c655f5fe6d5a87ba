import type {
  AppState,
  IsDescendant,
  WaitOptions,
  WebhookOptions,
  WebhookResult
} from '../argocd/types.js'
import type { EditEngine } from '../edit/engine.js'
import type { FileSource } from '../edit/types.js'
import type { BuildOptions, BuiltImage } from '../images/build-images.js'
import type { ImageLookup, RegistryCredentials } from '../images/registry-api.js'
import type { Logger } from '../lib/logger.js'
import type { GateOptions, GateResult } from '../promote/gate.js'
import type { SoakResult } from '../promote/soak.js'
import type { ComputeChanges, PublishResult } from '../publish/publish.js'
import type { ImagesSettings, PublishSettings } from '../settings/settings.js'

/** A commit's text: its message and, with `create-pr`, the pull request's title. */
export interface CommitText {
  readonly message: string
  readonly prTitle: string
  /** With `create-pr`: the pull request branch, when this commit names its own (a promotion's). */
  readonly prBranch?: string
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
  /** The files at `revision` (a commit SHA of this repository), read-only. */
  sourceAt(revision: string): Promise<FileSource>
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
  /** What the registry holds under `repository:tag` (manifest requests only). */
  readonly lookupImage: (
    repository: string,
    tag: string,
    credentials?: RegistryCredentials
  ) => Promise<ImageLookup>
  /**
   * Waits until every app of the source environment runs the candidate (see waitForGate);
   * `holdsCandidate` answers for a revision.
   */
  readonly waitForGate: (
    options: GateOptions,
    holdsCandidate: (revision: string) => Promise<boolean>
  ) => Promise<GateResult>
  /** Measures how long the source has run the candidate, from the apps' `status.history`. */
  readonly measureSoak: (
    options: {
      readonly applications: readonly { readonly application: unknown }[]
      readonly soakSeconds: number
      readonly environment: string
    },
    holdsCandidate: (revision: string) => Promise<boolean>
  ) => Promise<SoakResult>
  /** Shows a notice annotation (a run that succeeds but has something to say). */
  readonly notice: (message: string) => void
}
