import type { PushedCommit } from './types.js'

/**
 * GitHub's `push` event as the action sends it to Argo CD: every field of GitHub's webhook
 * description (`webhooks.push` of @octokit/openapi-webhooks) that can be known without an API
 * call. Argo CD reads `ref`, `before`, `after`, `repository.html_url`,
 * `repository.default_branch` and the commits' file lists; it decodes the rest into typed Go
 * structs (go-playground/webhooks), so each field has the JSON type GitHub gives it.
 */
interface PushEventPayload {
  readonly ref: string
  /** The branch tip before the push; 40 zeros when there was none (as GitHub sends for a new branch). */
  readonly before: string
  readonly after: string
  readonly created: boolean
  readonly deleted: boolean
  readonly forced: boolean
  /** Only set by GitHub for a tag push that is also a branch tip. */
  readonly base_ref: null
  readonly compare: string
  readonly commits: readonly PushEventCommit[]
  readonly head_commit: PushEventCommit
  readonly repository: PushEventRepository
  readonly pusher: PushEventPerson
}

/** A name and email, as GitHub writes commit authors, committers and the pusher. */
interface PushEventPerson {
  readonly name: string
  readonly email: string
}

/** One commit of a push event; Argo CD concatenates the three file lists. */
interface PushEventCommit {
  readonly id: string
  /** Absent when the publish stage did not report the commit's tree. */
  readonly tree_id?: string
  readonly distinct: boolean
  readonly message: string
  /** RFC 3339. */
  readonly timestamp: string
  readonly url: string
  readonly author: PushEventPerson
  readonly committer: PushEventPerson
  readonly added: readonly string[]
  readonly modified: readonly string[]
  readonly removed: readonly string[]
}

/** The repository fields known from its URLs (web and, on a GitHub server, API) and the push. */
type PushEventRepository = Readonly<Record<string, string | number | PushEventOwner>> & {
  readonly name: string
  readonly full_name: string
  readonly html_url: string
  readonly default_branch: string
  readonly owner: PushEventOwner
}

/** The repository owner: its login and URLs (its numeric id needs an API call). */
type PushEventOwner = Readonly<Record<string, string>> & { readonly login: string }

/** What the event needs besides the commit. */
interface PushPayloadContext {
  /** `repository.html_url`, already normalized (`https://host/owner/repo`). */
  readonly htmlUrl: string
  /** When the event is built: stands in for the commit's timestamp when it is not known. */
  readonly now: Date
}

const ZERO_SHA = '0'.repeat(40)

/**
 * The push event for `commit`. Fields that only GitHub's API knows (numeric ids, visibility,
 * counters, creation dates, description, license, topics) are left out rather than invented:
 * Argo CD does not read them, and a wrong value could mislead another reader of the event.
 */
export function buildPushPayload(
  commit: PushedCommit,
  context: PushPayloadContext
): PushEventPayload {
  const { htmlUrl } = context
  const web = new URL(htmlUrl)
  const path = web.pathname.replace(/^\/|\/$/g, '')
  const name = path.slice(path.lastIndexOf('/') + 1)
  const login = path.slice(0, path.indexOf('/'))
  const created = commit.before === '' || /^0+$/.test(commit.before)
  const before = created ? ZERO_SHA : commit.before
  const author = { name: commit.authorName, email: commit.authorEmail }
  // The action commits as the author unless the publish stage reports another committer
  // (GitHub's API commits are committed by GitHub).
  const committer = {
    name: commit.committerName ?? commit.authorName,
    email: commit.committerEmail ?? commit.authorEmail
  }
  const timestamp = commit.timestamp ?? context.now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  // The file statuses are not known here; Argo CD joins added+modified+removed into one list, so
  // listing every path as modified selects exactly the same apps.
  const entry: PushEventCommit = {
    id: commit.after,
    ...(commit.treeId === undefined ? {} : { tree_id: commit.treeId }),
    distinct: true,
    message: commit.message,
    timestamp,
    url: `${htmlUrl}/commit/${commit.after}`,
    author,
    committer,
    added: [],
    modified: [...commit.files],
    removed: []
  }
  return {
    ref: `refs/heads/${commit.branch}`,
    before,
    after: commit.after,
    created,
    deleted: false,
    // The action pushes with compare-and-swap, never rewriting the branch.
    forced: false,
    base_ref: null,
    compare: created
      ? `${htmlUrl}/commit/${commit.after.slice(0, 12)}`
      : `${htmlUrl}/compare/${before.slice(0, 12)}...${commit.after.slice(0, 12)}`,
    commits: [entry],
    head_commit: entry,
    repository: {
      name,
      full_name: path,
      owner: owner(login, web, apiRoot(commit, web)),
      html_url: htmlUrl,
      ...repositoryUrls(path, web, apiRoot(commit, web)),
      // go-playground/webhooks decodes pushed_at as int64 Unix seconds, as GitHub sends it in push events.
      pushed_at: Math.floor(context.now.getTime() / 1000),
      default_branch: commit.defaultBranch,
      master_branch: commit.defaultBranch
    },
    pusher: author
  }
}

/** The exact bytes to sign and send: serialized once, never re-encoded afterwards. */
export function serializePayload(payload: PushEventPayload): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8')
}

// The REST root of the server hosting the repository: given by the caller for a GitHub server,
// known for github.com; undefined elsewhere (a GitLab or Gitea repository has no such URLs).
function apiRoot(commit: PushedCommit, web: URL): string | undefined {
  if (commit.apiUrl !== undefined && commit.apiUrl !== '') return commit.apiUrl.replace(/\/+$/, '')
  return web.host === 'github.com' ? 'https://api.github.com' : undefined
}

function owner(login: string, web: URL, api: string | undefined): PushEventOwner {
  const base = { login, name: login, html_url: `${web.origin}/${login}` }
  if (api === undefined) return base
  const url = `${api}/users/${login}`
  return {
    ...base,
    url,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`
  }
}

function repositoryUrls(
  path: string,
  web: URL,
  api: string | undefined
): Readonly<Record<string, string>> {
  const clone = {
    git_url: `git://${web.host}/${path}.git`,
    ssh_url: `git@${web.hostname}:${path}.git`,
    clone_url: `${web.origin}/${path}.git`,
    svn_url: `${web.origin}/${path}`
  }
  if (api === undefined) return clone
  const repo = `${api}/repos/${path}`
  return {
    url: repo,
    forks_url: `${repo}/forks`,
    keys_url: `${repo}/keys{/key_id}`,
    collaborators_url: `${repo}/collaborators{/collaborator}`,
    teams_url: `${repo}/teams`,
    hooks_url: `${repo}/hooks`,
    issue_events_url: `${repo}/issues/events{/number}`,
    events_url: `${repo}/events`,
    assignees_url: `${repo}/assignees{/user}`,
    branches_url: `${repo}/branches{/branch}`,
    tags_url: `${repo}/tags`,
    blobs_url: `${repo}/git/blobs{/sha}`,
    git_tags_url: `${repo}/git/tags{/sha}`,
    git_refs_url: `${repo}/git/refs{/sha}`,
    trees_url: `${repo}/git/trees{/sha}`,
    statuses_url: `${repo}/statuses/{sha}`,
    languages_url: `${repo}/languages`,
    stargazers_url: `${repo}/stargazers`,
    contributors_url: `${repo}/contributors`,
    subscribers_url: `${repo}/subscribers`,
    subscription_url: `${repo}/subscription`,
    commits_url: `${repo}/commits{/sha}`,
    git_commits_url: `${repo}/git/commits{/sha}`,
    comments_url: `${repo}/comments{/number}`,
    issue_comment_url: `${repo}/issues/comments{/number}`,
    contents_url: `${repo}/contents/{+path}`,
    compare_url: `${repo}/compare/{base}...{head}`,
    merges_url: `${repo}/merges`,
    archive_url: `${repo}/{archive_format}{/ref}`,
    downloads_url: `${repo}/downloads`,
    issues_url: `${repo}/issues{/number}`,
    pulls_url: `${repo}/pulls{/number}`,
    milestones_url: `${repo}/milestones{/number}`,
    notifications_url: `${repo}/notifications{?since,all,participating}`,
    labels_url: `${repo}/labels{/name}`,
    releases_url: `${repo}/releases{/id}`,
    deployments_url: `${repo}/deployments`,
    ...clone
  }
}
