import type { PushedCommit } from './types.js'

/** The subset of a GitHub `push` event that Argo CD reads, plus harmless strings. */
export interface PushEventPayload {
  readonly ref: string
  readonly before?: string
  readonly after: string
  readonly repository: {
    readonly name: string
    readonly full_name: string
    readonly html_url: string
    readonly default_branch: string
  }
  readonly pusher: { readonly name: string; readonly email: string }
  readonly commits: readonly PushEventCommit[]
  readonly head_commit: PushEventCommit
}

/** One commit of a push event; Argo CD concatenates the three file lists. */
export interface PushEventCommit {
  readonly id: string
  readonly message: string
  readonly author: { readonly name: string; readonly email: string }
  readonly added: readonly string[]
  readonly modified: readonly string[]
  readonly removed: readonly string[]
}

const ZERO_SHA = /^0+$/

/**
 * The push event for `commit`, with `repository.html_url` = `htmlUrl` (already normalized).
 * Only string, array and object fields: Argo CD decodes into typed Go structs and rejects a whole
 * event for one wrongly typed field (e.g. a date string in `created_at`), so no timestamps or ids.
 */
export function buildPushPayload(commit: PushedCommit, htmlUrl: string): PushEventPayload {
  const path = new URL(htmlUrl).pathname.replace(/^\//, '')
  const name = path.slice(path.lastIndexOf('/') + 1)
  // The file statuses are not known here; Argo CD joins added+modified+removed into one list, so
  // listing every path as modified selects exactly the same apps.
  const entry: PushEventCommit = {
    id: commit.after,
    message: commit.message,
    author: { name: commit.authorName, email: commit.authorEmail },
    added: [],
    modified: [...commit.files],
    removed: []
  }
  // Without a real `before`, Argo CD must not move cached manifests from it: its webhook handler moves them from `before` to `after`.
  const before =
    commit.before === '' || ZERO_SHA.test(commit.before) ? {} : { before: commit.before }
  return {
    ref: `refs/heads/${commit.branch}`,
    ...before,
    after: commit.after,
    repository: {
      name,
      full_name: path,
      html_url: htmlUrl,
      default_branch: commit.defaultBranch
    },
    pusher: { name: commit.authorName, email: commit.authorEmail },
    commits: [entry],
    head_commit: entry
  }
}

/** The exact bytes to sign and send: serialized once, never re-encoded afterwards. */
export function serializePayload(payload: PushEventPayload): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8')
}
