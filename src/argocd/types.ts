import type { AppRef } from './app-ref.js'

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
  /** Committer name, when it is not the author (GitHub commits API-made commits itself). */
  readonly committerName?: string
  /** Committer email, with committerName. */
  readonly committerEmail?: string
  /** The commit's committer date (RFC 3339); the time of the notice stands in when absent. */
  readonly timestamp?: string
  /** The commit's tree (full SHA), when the publish stage knows it. */
  readonly treeId?: string
  /**
   * The REST API root of the GitHub server hosting the repository (`https://HOST/api/v3`), for the
   * repository's API URLs in the push event; github.com's is known without it.
   */
  readonly apiUrl?: string
}

/** `argocd-webhook-*`, resolved by the settings: the endpoint and how the body is signed. */
export interface WebhookSettings {
  /** The endpoint: `argocd-webhook-url`, with Argo CD's `/api/webhook` added to a bare server URL. */
  readonly url: string
  /** `argocd-webhook-secret`, trimmed: Argo CD's `webhook.github.secret`; absent: unsigned. */
  readonly secret?: string
  /** `argocd-repo-url`, normalised: the `repository.html_url` sent; absent: the commit's. */
  readonly repoUrl?: string
  /** `argocd-insecure`: skip TLS verification for the webhook request. */
  readonly insecure: boolean
}

/** The Argo CD API inputs, resolved by the settings (server, token and apps checked as a whole). */
export interface ArgoCdApiSettings {
  /** `argocd-server`: base URL with the root path, if any, without a trailing slash. */
  readonly server: string
  /** `argocd-token`, trimmed: the API bearer token. */
  readonly token: string
  /** `argocd-app`, parsed. */
  readonly apps: readonly AppRef[]
  /** `argocd-sync`: ask Argo CD to sync each app. */
  readonly sync: boolean
  /** `argocd-wait`: wait until each app is Synced and Healthy at the pushed commit. */
  readonly wait: boolean
  /** `argocd-timeout`: seconds the whole Argo CD API stage may take. */
  readonly timeoutSeconds: number
  /**
   * `argocd-insecure`: skip TLS verification, and let the token go over plain http to a host
   * that is not loopback (the settings have warned of it).
   */
  readonly insecure: boolean
}

/** What the Argo CD stages are told, each part present only when its inputs are set. */
export interface ArgoCdSettings {
  readonly webhook?: WebhookSettings
  readonly api?: ArgoCdApiSettings
}

/**
 * Tells whether `commit` descends from `ancestor` (or is it): the answer git gives for
 * `merge-base --is-ancestor ancestor commit`. The publish stage provides it (over git or GitHub's
 * compare API); the wait uses it to count a newer commit that contains ours as deployed.
 */
export type IsDescendant = (ancestor: string, commit: string) => Promise<boolean>

/** What the webhook notice needs: its settings and the commit to announce. */
export interface WebhookOptions extends WebhookSettings {
  /** The commit to announce (the release commit, or later a rollback commit). */
  readonly commit: PushedCommit
}

/** What the refresh, sync and wait need: the API settings and the commit to wait for. */
export interface WaitOptions extends ArgoCdApiSettings {
  /** The commit each app must reach (the release commit, or later a rollback commit). */
  readonly commit: PushedCommit
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

/**
 * How the wait (or the refresh alone) ended for one app. `superseded`: Synced and Healthy at a
 * newer commit that contains the awaited one.
 */
export type AppOutcome =
  'deployed' | 'superseded' | 'refreshed' | 'unreachable' | 'failed' | 'timed-out'

/** Why the wait for one app failed, with what Argo CD said, so a caller can report it. */
export type AppFailure =
  | {
      /** The sync operation for the awaited commit ended Failed or Error. */
      readonly kind: 'sync-failed'
      /** The revision the operation was for. */
      readonly revision: string
      /** `Failed` or `Error`. */
      readonly phase: string
      /** The operation's message. */
      readonly message: string
    }
  | {
      /** A `SyncError` or `ComparisonError` condition names the awaited commit. */
      readonly kind: 'error-condition'
      readonly revision: string
      /** The condition type. */
      readonly condition: string
      readonly message: string
    }
  | {
      /** The app is Degraded at the awaited commit after its operation finished. */
      readonly kind: 'degraded'
      readonly revision: string
      /** The health message (app-level, or the first Degraded resource's), else the operation's. */
      readonly message: string
    }
  | {
      /** Time ran out; the AppState fields are the last state seen. */
      readonly kind: 'timed-out'
      /** The timeout that ran out. */
      readonly seconds: number
      /** The last state seen, as logged (e.g. `at 1111111: Synced, Healthy`), or why none was. */
      readonly lastSeen: string
    }

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
  /** With outcome `failed` or `timed-out`: why, structured. */
  readonly failure?: AppFailure
}
