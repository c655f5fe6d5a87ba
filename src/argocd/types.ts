/** The commit that was just pushed, as the Argo CD stage needs it. */
export interface PushedCommit {
  /** The GitOps repository's URL in any form (https, `.git`, scp `git@host:o/r.git`, `ssh://`). */
  readonly repoUrl: string
  /** Branch that received the commit (without `refs/heads/`). */
  readonly branch: string
  /** The repository's default branch; Argo CD apps tracking `HEAD` refresh only when it equals `branch`. */
  readonly defaultBranch: string
  /** Tip of `branch` before the push (full SHA), or empty when unknown. */
  readonly before: string
  /** The pushed commit (full SHA). */
  readonly after: string
  /** Every path changed between `before` and `after`, relative to the repository root. */
  readonly files: readonly string[]
  /** Commit message. */
  readonly message: string
  /** Commit author name. */
  readonly authorName: string
  /** Commit author email. */
  readonly authorEmail: string
}

/** The Argo CD inputs, parsed (names follow the `argocd-*` inputs). */
export interface ArgoCdOptions {
  /** `argocd-webhook-url`: where the GitHub-format push event is sent. */
  readonly webhookUrl?: string
  /** `argocd-webhook-secret`: Argo CD's `webhook.github.secret` (trimmed before use). */
  readonly webhookSecret?: string
  /** `argocd-repo-url`: overrides the repository URL sent as `repository.html_url`. */
  readonly repoUrl?: string
  /** `argocd-server`: API base URL (with the root path, if Argo CD runs under one). */
  readonly server?: string
  /** `argocd-token`: API bearer token. */
  readonly token?: string
  /** `argocd-app`: application names, `NAME` or `NAMESPACE/NAME`. */
  readonly apps: readonly string[]
  /** `argocd-sync`: ask Argo CD to sync each app. */
  readonly sync: boolean
  /** `argocd-wait`: wait until each app is Synced and Healthy at the pushed commit. */
  readonly wait: boolean
  /** `argocd-timeout`: seconds the whole Argo CD API stage may take. */
  readonly timeoutSeconds: number
  /** `argocd-insecure`: skip TLS verification for requests to Argo CD (only those). */
  readonly insecure: boolean
}

/** What happened to the webhook. */
export interface WebhookResult {
  /** Argo CD accepted (queued) the event. */
  readonly delivered: boolean
  /** HTTP status of the last answer, when there was one. */
  readonly status?: number
  /** Attempts made. */
  readonly attempts: number
  /** The endpoint, without credentials or query. */
  readonly url: string
  /** One line for the log and the summary: why it was or was not delivered. */
  readonly reason: string
}

/** How the wait (or the refresh alone) ended for one app. */
export type AppOutcome =
  'deployed' | 'superseded' | 'refreshed' | 'unreachable' | 'failed' | 'timed-out'

/** The last state seen of one Argo CD application. */
export interface AppState {
  /** The app as given in `argocd-app` (`NAME` or `NAMESPACE/NAME`). */
  readonly app: string
  /** `status.sync.revision` (multi-source: the revision that matched, else the first). */
  readonly revision: string
  /** `status.sync.status`: `Synced`, `OutOfSync` or `Unknown`. */
  readonly syncStatus: string
  /** `status.health.status`: `Healthy`, `Progressing`, `Degraded`, … */
  readonly healthStatus: string
  /** `status.operationState.phase`, when there is one. */
  readonly operationPhase?: string
  /** The operation's message, or the first error condition. */
  readonly message?: string
  /** How it ended. */
  readonly outcome: AppOutcome
}
