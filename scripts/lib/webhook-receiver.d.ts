/** What Argo CD reads from one accepted GitHub `push` event. */
export interface ReceivedPush {
  /** `repository.html_url`: the only URL Argo CD matches Applications against. */
  readonly webURL: string
  /** `ref` split on `/` into at most 3 parts, last part: `refs/heads/main` → `main`. */
  readonly revision: string
  /** `repository.default_branch === revision`: refreshes apps that track `HEAD`. */
  readonly touchedHead: boolean
  readonly before: string
  readonly after: string
  /** `added`, `modified` and `removed` of every commit, in order. */
  readonly changedFiles: readonly string[]
  /** Whether the legacy `X-Hub-Signature` (sha1) header was sent too. */
  readonly signedSha1: boolean
  /** The decoded body. */
  readonly payload: Record<string, unknown>
}

/** A request the receiver refused, as Argo CD would. */
export interface Refusal {
  readonly status: number
  readonly reason: string
}

/** A running receiver. */
export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT/api/webhook` */
  readonly url: string
  readonly events: ReceivedPush[]
  readonly refusals: Refusal[]
  close(): Promise<void>
}

/** Starts an Argo CD-like GitHub webhook endpoint on 127.0.0.1 (port 0). */
export function startWebhookReceiver(options?: {
  /** `webhook.github.secret`; empty means no signature check, as in Argo CD. */
  secret?: string
  /** `webhook.maxPayloadSizeMB` in bytes; 50 MiB by default. */
  maxBytes?: number
}): Promise<WebhookReceiver>
