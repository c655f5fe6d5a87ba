// The objects the fake GitHub answers with, in the shapes of GitHub's REST description
// (@octokit/openapi: simple-user, repository, pull-request, commit, label, git-ref): every field
// the description requires is present, so the contract test can check each answer against it.

/** Where the fake serves: web root (`http://127.0.0.1:PORT`) and REST root (`…/api/v3`). */
export interface FakeUrls {
  readonly server: string
  readonly api: string
}

/** A commit as `git log` describes it. */
export interface GitCommitInfo {
  readonly sha: string
  readonly tree: string
  readonly parents: readonly string[]
  readonly message: string
  readonly author: { readonly name: string; readonly email: string; readonly date: string }
  readonly committer: { readonly name: string; readonly email: string; readonly date: string }
}

/** A pull request as the fake stores it (see FakePull). */
export interface PullInfo {
  readonly number: number
  readonly head: string
  readonly base: string
  readonly title: string
  readonly body: string
  readonly state: 'open' | 'closed'
  readonly labels: readonly string[]
}

// The fake's objects did not exist before the test; one fixed time keeps answers reproducible.
const CREATED = '2026-12-01T06:00:00Z'

/** GitHub's simple-user for `login` (an organization owns the fake repository). */
export function userJson(urls: FakeUrls, login: string, id: number): Record<string, unknown> {
  const url = `${urls.api}/users/${login}`
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `${urls.server}/avatars/u/${id}`,
    gravatar_id: '',
    url,
    html_url: `${urls.server}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'Organization',
    site_admin: false
  }
}

/** GitHub's repository object for OWNER/REPO. */
export function repositoryJson(
  urls: FakeUrls,
  owner: string,
  repo: string,
  defaultBranch: string
): Record<string, unknown> {
  const api = `${urls.api}/repos/${owner}/${repo}`
  const host = new URL(urls.server).host
  return {
    id: 1,
    node_id: 'R_1',
    name: repo,
    full_name: `${owner}/${repo}`,
    private: true,
    owner: userJson(urls, owner, 2),
    html_url: `${urls.server}/${owner}/${repo}`,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: CREATED,
    updated_at: CREATED,
    pushed_at: CREATED,
    git_url: `git://${host}/${owner}/${repo}.git`,
    ssh_url: `git@${host}:${owner}/${repo}.git`,
    clone_url: `${urls.server}/${owner}/${repo}.git`,
    svn_url: `${urls.server}/${owner}/${repo}`,
    homepage: null,
    size: 1,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: defaultBranch
  }
}

/** GitHub's label object. */
export function labelJson(
  urls: FakeUrls,
  owner: string,
  repo: string,
  name: string,
  id: number
): Record<string, unknown> {
  return {
    id,
    node_id: `LA_${id}`,
    url: `${urls.api}/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false
  }
}

/** GitHub's git-ref object (`refs/heads/…` pointing at a commit). */
export function refJson(
  urls: FakeUrls,
  owner: string,
  repo: string,
  ref: string,
  sha: string
): Record<string, unknown> {
  const api = `${urls.api}/repos/${owner}/${repo}`
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
    url: `${api}/git/${ref}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` }
  }
}

/** GitHub's commit object (as in a comparison), for a commit `git log` described. */
export function commitJson(
  urls: FakeUrls,
  owner: string,
  repo: string,
  commit: GitCommitInfo
): Record<string, unknown> {
  const api = `${urls.api}/repos/${owner}/${repo}`
  const web = `${urls.server}/${owner}/${repo}`
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 12)}`,
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: {
        verified: false,
        reason: 'unsigned',
        payload: null,
        signature: null,
        verified_at: null
      }
    },
    // The fake knows no GitHub accounts behind commit emails; GitHub answers null then.
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${web}/commit/${sha}`
    }))
  }
}

/** GitHub's pull-request object (also what the list answers, a superset of pull-request-simple). */
export function pullJson(
  urls: FakeUrls,
  owner: string,
  repo: string,
  pull: PullInfo,
  shas: { readonly head: string; readonly base: string },
  defaultBranch: string
): Record<string, unknown> {
  const api = `${urls.api}/repos/${owner}/${repo}`
  const web = `${urls.server}/${owner}/${repo}`
  const url = `${api}/pulls/${pull.number}`
  const htmlUrl = `${web}/pull/${pull.number}`
  const issueUrl = `${api}/issues/${pull.number}`
  const user = userJson(urls, owner, 2)
  const repository = repositoryJson(urls, owner, repo, defaultBranch)
  const side = (ref: string, sha: string): Record<string, unknown> => ({
    label: `${owner}:${ref}`,
    ref,
    sha,
    user,
    repo: repository
  })
  return {
    url,
    id: 1000 + pull.number,
    node_id: `PR_${pull.number}`,
    html_url: htmlUrl,
    diff_url: `${htmlUrl}.diff`,
    patch_url: `${htmlUrl}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${api}/statuses/${shas.head}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(urls, 'github-actions[bot]', 41898282),
    body: pull.body,
    labels: pull.labels.map((name, index) => labelJson(urls, owner, repo, name, index + 1)),
    milestone: null,
    active_lock_reason: null,
    created_at: CREATED,
    updated_at: CREATED,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, shas.head),
    base: side(pull.base, shas.base),
    _links: {
      self: { href: url },
      html: { href: htmlUrl },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${shas.head}` }
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0
  }
}
