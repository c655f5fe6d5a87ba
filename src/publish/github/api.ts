import type { getOctokit } from '@actions/github'
import { PublishError, errorMessage } from '../../lib/errors.js'
import { type HttpClient } from '../../lib/http-client.js'
import { createHttpFetch, type FetchFunction } from '../../lib/http-fetch.js'
import { classifyFailure, type FailureKind } from '../failure.js'
import { GitHubApiError, statusOf } from './api-error.js'
import { callWithRateLimits, type RateLimitOptions } from './rate-limit.js'
import type { OwnerName } from '../../lib/git-url.js'
import type { TreeEntry } from '../tree-source.js'

/** The tip of a branch as the API sees it. */
interface BranchHead {
  readonly oid: string
  readonly treeOid: string
  /** The first parent of the tip commit; empty for a root commit. */
  readonly parentOid: string
  /** The tip commit's message. */
  readonly message: string
}

/** A pull request by number and web URL. */
export interface PullRequestRef {
  readonly number: number
  readonly url: string
}

/** Result of createCommitOnBranch: the new commit, or why it was refused. */
type CommitOutcome =
  | { readonly ok: true; readonly oid: string; readonly url: string }
  | { readonly ok: false; readonly kind: FailureKind; readonly detail: string }

/** One file of a createCommitOnBranch call. */
interface FileAddition {
  readonly path: string
  /** base64 */
  readonly contents: string
}

/** The GitHub REST and GraphQL calls the publish stage makes. */
export interface GitHubApi {
  defaultBranch(repository: OwnerName): Promise<string>
  /** The branch tip read through GraphQL (REST ref reads may be cached for a minute). */
  branchHead(repository: OwnerName, branch: string): Promise<BranchHead | undefined>
  listTree(repository: OwnerName, treeSha: string): Promise<TreeEntry[]>
  readBlob(repository: OwnerName, sha: string): Promise<Buffer>
  createCommitOnBranch(
    repository: OwnerName,
    branch: string,
    expectedHeadOid: string,
    message: string,
    additions: readonly FileAddition[]
  ): Promise<CommitOutcome>
  /** Points a branch at `sha`, creating it or moving it (only used for our PR branch). */
  setBranch(repository: OwnerName, branch: string, sha: string): Promise<void>
  findOpenPull(
    repository: OwnerName,
    head: string,
    base: string
  ): Promise<PullRequestRef | undefined>
  /** Opens a pull request; `exists` when GitHub says one is already open for `head`. */
  createPull(
    repository: OwnerName,
    pull: { head: string; base: string; title: string; body: string }
  ): Promise<PullRequestRef | 'exists'>
  updatePull(
    repository: OwnerName,
    number: number,
    pull: { title: string; body: string }
  ): Promise<PullRequestRef>
  addLabels(repository: OwnerName, number: number, labels: readonly string[]): Promise<void>
  /**
   * How `head` relates to `base` (GitHub's compare API): identical, ahead, behind or diverged;
   * undefined when GitHub does not know one of the commits (404).
   */
  compare(
    repository: OwnerName,
    base: string,
    head: string
  ): Promise<'identical' | 'ahead' | 'behind' | 'diverged' | undefined>
}

interface GraphqlError {
  readonly type?: string
  readonly message?: string
}

const HEAD_QUERY = `query($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target { oid ... on Commit { message tree { oid } parents(first: 1) { nodes { oid } } } }
    }
  }
}`

const DEFAULT_BRANCH_QUERY = `query($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { defaultBranchRef { name } }
}`

const COMMIT_MUTATION = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`

/** Where the API lives. */
export interface GitHubUrls {
  readonly apiUrl: string
  readonly graphqlUrl: string
}

/** Deadline of one GitHub API request (connect to last byte), in ms. */
const API_REQUEST_TIMEOUT_MS = 60_000

/** Largest GitHub API answer read, in bytes (a recursive tree listing of a big repository). */
export const API_MAX_BODY_BYTES = 64 * 1024 * 1024

/** How the API client reaches GitHub: the action's one HttpClient and its bounds. */
export interface GitHubTransport {
  readonly http: HttpClient
  /** Deadline of each request; default API_REQUEST_TIMEOUT_MS. */
  readonly timeoutMs?: number
  /** Largest answer; default API_MAX_BODY_BYTES. */
  readonly maxBodyBytes?: number
}

// GraphQL errors as a GitHubApiError of the kind the publish loop acts on.
function graphqlFailure(what: string, errors: readonly GraphqlError[]): GitHubApiError {
  const message = errors.map((e) => `${e.type ?? 'ERROR'}: ${e.message ?? ''}`).join('; ')
  const types = new Set(errors.map((e) => e.type))
  const kind: FailureKind = types.has('STALE_DATA')
    ? 'stale'
    : types.has('NOT_FOUND')
      ? 'not-found'
      : types.has('FORBIDDEN')
        ? /rule|protected/i.test(message)
          ? 'protected'
          : 'auth'
        : classifyFailure(message)
  return new GitHubApiError(`${what}: ${message}`, undefined, kind)
}

/**
 * The GitHubApi backed by Octokit from `@actions/github`, every request sent through
 * `transport.http` (one deadline per request, no redirect followed, the runner's proxy);
 * rate limits are waited out within the run's budget.
 */
class OctokitGitHubApi implements GitHubApi {
  private octokit: Promise<ReturnType<typeof getOctokit>> | undefined
  private readonly fetch: FetchFunction
  private readonly token: string
  private readonly urls: GitHubUrls
  private readonly limits: RateLimitOptions

  constructor(
    token: string,
    urls: GitHubUrls,
    limits: RateLimitOptions,
    transport: GitHubTransport
  ) {
    this.token = token
    this.urls = urls
    this.limits = limits
    this.fetch = createHttpFetch(transport.http, {
      timeoutMs: transport.timeoutMs ?? API_REQUEST_TIMEOUT_MS,
      maxBodyBytes: transport.maxBodyBytes ?? API_MAX_BODY_BYTES
    })
  }

  async defaultBranch(repository: OwnerName): Promise<string> {
    const what = `Reading the default branch of ${repository.owner}/${repository.repo}`
    const { data, errors } = await this.graphql(what, DEFAULT_BRANCH_QUERY, {
      owner: repository.owner,
      name: repository.repo
    })
    if (errors.length > 0) throw graphqlFailure(what, errors)
    const name = (data as { repository?: { defaultBranchRef?: { name?: string } | null } })
      .repository?.defaultBranchRef?.name
    if (!name)
      throw new GitHubApiError(
        `${what}: the repository has no default branch`,
        404,
        'missing-branch'
      )
    return name
  }

  async branchHead(repository: OwnerName, branch: string): Promise<BranchHead | undefined> {
    const what = `Reading branch ${branch} of ${repository.owner}/${repository.repo}`
    const { data, errors } = await this.graphql(what, HEAD_QUERY, {
      owner: repository.owner,
      name: repository.repo,
      ref: `refs/heads/${branch}`
    })
    if (errors.length > 0) throw graphqlFailure(what, errors)
    const target = (
      data as {
        repository?: {
          ref?: {
            target?: {
              oid?: string
              message?: string
              tree?: { oid?: string }
              parents?: { nodes?: ({ oid?: string } | null)[] }
            }
          } | null
        }
      }
    ).repository?.ref?.target
    if (!target?.oid || !target.tree?.oid) return undefined
    const parentOid = target.parents?.nodes?.[0]?.oid ?? ''
    return {
      oid: target.oid,
      treeOid: target.tree.oid,
      parentOid,
      message: target.message ?? ''
    }
  }

  async listTree(repository: OwnerName, treeSha: string): Promise<TreeEntry[]> {
    const { data } = await this.limited(`Listing tree ${treeSha}`, async () =>
      (await this.client()).request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        ...repository,
        tree_sha: treeSha,
        recursive: '1'
      })
    )
    if (data.truncated) {
      throw new PublishError(
        `The tree of ${repository.owner}/${repository.repo} is too large for GitHub's trees API. Use commit-mode: git.`,
        { input: 'commit-mode' }
      )
    }
    return data.tree
      .filter((entry) => entry.type !== 'tree')
      .map((entry) => ({ mode: entry.mode, sha: entry.sha, path: entry.path }))
  }

  async readBlob(repository: OwnerName, sha: string): Promise<Buffer> {
    const { data } = await this.limited(`Reading blob ${sha}`, async () =>
      (await this.client()).request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        ...repository,
        file_sha: sha
      })
    )
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8')
  }

  async createCommitOnBranch(
    repository: OwnerName,
    branch: string,
    expectedHeadOid: string,
    message: string,
    additions: readonly FileAddition[]
  ): Promise<CommitOutcome> {
    const [headline = '', ...rest] = message.split('\n')
    const what = `Creating a commit on branch ${branch} of ${repository.owner}/${repository.repo}`
    let result: { data: unknown; errors: readonly GraphqlError[] }
    try {
      result = await this.graphql(what, COMMIT_MUTATION, {
        input: {
          branch: {
            repositoryNameWithOwner: `${repository.owner}/${repository.repo}`,
            branchName: branch
          },
          expectedHeadOid,
          message: { headline, body: rest.join('\n').trim() },
          fileChanges: { additions }
        }
      })
    } catch (error) {
      if (
        error instanceof GitHubApiError &&
        (error.kind === 'stale' || error.kind === 'unreachable' || error.kind === 'protected')
      ) {
        return { ok: false, kind: error.kind, detail: error.message }
      }
      throw error
    }
    if (result.errors.length > 0) {
      const failure = graphqlFailure(what, result.errors)
      if (
        failure.kind === 'stale' ||
        failure.kind === 'protected' ||
        failure.kind === 'unreachable'
      ) {
        return { ok: false, kind: failure.kind, detail: failure.message }
      }
      throw failure
    }
    const commit = (
      result.data as { createCommitOnBranch?: { commit?: { oid?: string; url?: string } } }
    ).createCommitOnBranch?.commit
    if (!commit?.oid)
      throw new GitHubApiError(`${what}: no commit in the answer`, undefined, 'other')
    return { ok: true, oid: commit.oid, url: commit.url ?? '' }
  }

  async setBranch(repository: OwnerName, branch: string, sha: string): Promise<void> {
    const existing = await this.branchHead(repository, branch)
    await this.limited(`Pointing branch ${branch} at ${sha}`, async () => {
      if (existing) {
        await (
          await this.client()
        ).request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ...repository,
          ref: `heads/${branch}`,
          sha,
          force: true
        })
      } else {
        await (
          await this.client()
        ).request('POST /repos/{owner}/{repo}/git/refs', {
          ...repository,
          ref: `refs/heads/${branch}`,
          sha
        })
      }
    })
  }

  async findOpenPull(
    repository: OwnerName,
    head: string,
    base: string
  ): Promise<PullRequestRef | undefined> {
    const { data } = await this.limited(
      `Listing pull requests of ${repository.owner}/${repository.repo}`,
      async () =>
        (await this.client()).request('GET /repos/{owner}/{repo}/pulls', {
          ...repository,
          state: 'open',
          head: `${repository.owner}:${head}`,
          base
        })
    )
    const pull = data[0]
    return pull ? { number: pull.number, url: pull.html_url } : undefined
  }

  async createPull(
    repository: OwnerName,
    pull: { head: string; base: string; title: string; body: string }
  ): Promise<PullRequestRef | 'exists'> {
    return this.limited(`Opening a pull request from ${pull.head} to ${pull.base}`, async () => {
      try {
        const { data } = await (
          await this.client()
        ).request('POST /repos/{owner}/{repo}/pulls', {
          ...repository,
          ...pull
        })
        return { number: data.number, url: data.html_url }
      } catch (error) {
        if (
          statusOf(error) === 422 &&
          /already exists/i.test(
            JSON.stringify((error as { response?: unknown }).response ?? errorMessage(error))
          )
        ) {
          return 'exists' as const
        }
        throw error
      }
    })
  }

  async updatePull(
    repository: OwnerName,
    number: number,
    pull: { title: string; body: string }
  ): Promise<PullRequestRef> {
    const { data } = await this.limited(`Updating pull request #${number}`, async () =>
      (await this.client()).request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...repository,
        pull_number: number,
        ...pull
      })
    )
    return { number: data.number, url: data.html_url }
  }

  async compare(
    repository: OwnerName,
    base: string,
    head: string
  ): Promise<'identical' | 'ahead' | 'behind' | 'diverged' | undefined> {
    try {
      const { data } = await this.limited(`Comparing ${base}...${head}`, async () =>
        (await this.client()).request('GET /repos/{owner}/{repo}/compare/{basehead}', {
          ...repository,
          basehead: `${base}...${head}`,
          per_page: 1
        })
      )
      return data.status
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return undefined
      throw error
    }
  }

  async addLabels(repository: OwnerName, number: number, labels: readonly string[]): Promise<void> {
    if (labels.length === 0) return
    await this.limited(`Labelling pull request #${number}`, async () =>
      (await this.client()).request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        ...repository,
        issue_number: number,
        labels: [...labels]
      })
    )
  }

  // Loaded on first use: Octokit is most of the bundle, and most runs never call the API.
  private client(): Promise<ReturnType<typeof getOctokit>> {
    const { fetch } = this
    this.octokit ??= import('@actions/github').then((github) =>
      github.getOctokit(this.token, {
        baseUrl: this.urls.apiUrl.replace(/\/+$/, ''),
        request: { fetch }
      })
    )
    return this.octokit
  }

  private limited<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return callWithRateLimits(what, fn, this.limits)
  }

  private async graphql(
    what: string,
    query: string,
    variables: Record<string, unknown>
  ): Promise<{ data: unknown; errors: readonly GraphqlError[] }> {
    const response = await callWithRateLimits(
      what,
      async () =>
        (await this.client()).request({
          method: 'POST',
          url: this.urls.graphqlUrl,
          query,
          variables
        }),
      this.limits,
      (answer) => {
        const errors = (answer.data as { errors?: GraphqlError[] } | undefined)?.errors ?? []
        return errors.some((e) => e.type === 'RATE_LIMITED') ? answer.headers : undefined
      }
    )
    const body = response.data as { data?: unknown; errors?: GraphqlError[] } | undefined
    return { data: body?.data, errors: body?.errors ?? [] }
  }
}

/** The real GitHubApi (see OctokitGitHubApi). */
export function createGitHubApi(
  token: string,
  urls: GitHubUrls,
  limits: RateLimitOptions,
  transport: GitHubTransport
): GitHubApi {
  return new OctokitGitHubApi(token, urls, limits, transport)
}
