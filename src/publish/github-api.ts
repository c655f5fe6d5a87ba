import type { getOctokit } from '@actions/github'
import { PublishError, errorMessage } from '../errors.js'
import { classifyFailure, type FailureKind } from './failure.js'
import type { RepositoryName } from './remote-url.js'
import type { TreeEntry } from './tree-source.js'

/** The tip of a branch as the API sees it. */
export interface BranchHead {
  readonly oid: string
  readonly treeOid: string
  /** The first parent of the tip commit; empty for a root commit. */
  readonly parentOid: string
}

/** A pull request by number and web URL. */
export interface PullRequestRef {
  readonly number: number
  readonly url: string
}

/** Result of createCommitOnBranch: the new commit, or why it was refused. */
export type CommitOutcome =
  | { readonly ok: true; readonly oid: string; readonly url: string }
  | { readonly ok: false; readonly kind: FailureKind; readonly detail: string }

/** One file of a createCommitOnBranch call. */
export interface FileAddition {
  readonly path: string
  /** base64 */
  readonly contents: string
}

/** The GitHub REST and GraphQL calls the publish stage makes. */
export interface GitHubApi {
  defaultBranch(repository: RepositoryName): Promise<string>
  /** The branch tip read through GraphQL (REST ref reads may be cached for a minute). */
  branchHead(repository: RepositoryName, branch: string): Promise<BranchHead | undefined>
  listTree(repository: RepositoryName, treeSha: string): Promise<TreeEntry[]>
  readBlob(repository: RepositoryName, sha: string): Promise<Buffer>
  createCommitOnBranch(
    repository: RepositoryName,
    branch: string,
    expectedHeadOid: string,
    message: string,
    additions: readonly FileAddition[]
  ): Promise<CommitOutcome>
  /** Points a branch at `sha`, creating it or moving it (only used for our PR branch). */
  setBranch(repository: RepositoryName, branch: string, sha: string): Promise<void>
  findOpenPull(
    repository: RepositoryName,
    head: string,
    base: string
  ): Promise<PullRequestRef | undefined>
  /** Opens a pull request; `exists` when GitHub says one is already open for `head`. */
  createPull(
    repository: RepositoryName,
    pull: { head: string; base: string; title: string; body: string }
  ): Promise<PullRequestRef | 'exists'>
  updatePull(
    repository: RepositoryName,
    number: number,
    pull: { title: string; body: string }
  ): Promise<PullRequestRef>
  addLabels(repository: RepositoryName, number: number, labels: readonly string[]): Promise<void>
}

/** A GitHub API call that failed; `status` is the HTTP status when there was an answer. */
export class GitHubApiError extends PublishError {
  readonly status: number | undefined
  readonly kind: FailureKind

  constructor(message: string, status: number | undefined, kind: FailureKind) {
    super(message)
    this.status = status
    this.kind = kind
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  return typeof error.status === 'number' ? error.status : undefined
}

function kindOfStatus(status: number | undefined, message: string): FailureKind {
  if (status === 401) return 'auth'
  if (status === 403) return /rule|protected/i.test(message) ? 'protected' : 'auth'
  if (status === 404) return 'not-found'
  if (status !== undefined && status >= 500) return 'unreachable'
  return classifyFailure(message)
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    const status = statusOf(error)
    const message = errorMessage(error)
    throw new GitHubApiError(
      `${what}: ${status === undefined ? '' : `HTTP ${status} `}${message}`,
      status,
      kindOfStatus(status, message)
    )
  }
}

interface GraphqlError {
  readonly type?: string
  readonly message?: string
}

const HEAD_QUERY = `query($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      target { oid ... on Commit { tree { oid } parents(first: 1) { nodes { oid } } } }
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

/** The GitHubApi backed by Octokit from `@actions/github`. */
export function createGitHubApi(token: string, urls: GitHubUrls): GitHubApi {
  // Loaded on first use: Octokit is most of the bundle, and most runs never call the API.
  let octokit: Promise<ReturnType<typeof getOctokit>> | undefined
  const client = (): Promise<ReturnType<typeof getOctokit>> =>
    (octokit ??= import('@actions/github').then((github) =>
      github.getOctokit(token, { baseUrl: urls.apiUrl.replace(/\/+$/, '') })
    ))

  async function graphql(
    what: string,
    query: string,
    variables: Record<string, unknown>
  ): Promise<{ data: unknown; errors: readonly GraphqlError[] }> {
    const response = await call(what, async () =>
      (await client()).request({ method: 'POST', url: urls.graphqlUrl, query, variables })
    )
    const body = response.data as { data?: unknown; errors?: GraphqlError[] } | undefined
    return { data: body?.data, errors: body?.errors ?? [] }
  }

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

  return {
    async defaultBranch(repository) {
      const what = `Reading the default branch of ${repository.owner}/${repository.repo}`
      const { data, errors } = await graphql(what, DEFAULT_BRANCH_QUERY, {
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
    },
    async branchHead(repository, branch) {
      const what = `Reading branch ${branch} of ${repository.owner}/${repository.repo}`
      const { data, errors } = await graphql(what, HEAD_QUERY, {
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
                tree?: { oid?: string }
                parents?: { nodes?: ({ oid?: string } | null)[] }
              }
            } | null
          }
        }
      ).repository?.ref?.target
      if (!target?.oid || !target.tree?.oid) return undefined
      const parentOid = target.parents?.nodes?.[0]?.oid ?? ''
      return { oid: target.oid, treeOid: target.tree.oid, parentOid }
    },
    async listTree(repository, treeSha) {
      const { data } = await call(`Listing tree ${treeSha}`, async () =>
        (await client()).request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
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
    },
    async readBlob(repository, sha) {
      const { data } = await call(`Reading blob ${sha}`, async () =>
        (await client()).request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
          ...repository,
          file_sha: sha
        })
      )
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8')
    },
    async createCommitOnBranch(repository, branch, expectedHeadOid, message, additions) {
      const [headline = '', ...rest] = message.split('\n')
      const what = `Creating a commit on branch ${branch} of ${repository.owner}/${repository.repo}`
      let result: { data: unknown; errors: readonly GraphqlError[] }
      try {
        result = await graphql(what, COMMIT_MUTATION, {
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
    },
    async setBranch(repository, branch, sha) {
      const existing = await this.branchHead(repository, branch)
      await call(`Pointing branch ${branch} at ${sha}`, async () => {
        if (existing) {
          await (
            await client()
          ).request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
            ...repository,
            ref: `heads/${branch}`,
            sha,
            force: true
          })
        } else {
          await (
            await client()
          ).request('POST /repos/{owner}/{repo}/git/refs', {
            ...repository,
            ref: `refs/heads/${branch}`,
            sha
          })
        }
      })
    },
    async findOpenPull(repository, head, base) {
      const { data } = await call(
        `Listing pull requests of ${repository.owner}/${repository.repo}`,
        async () =>
          (await client()).request('GET /repos/{owner}/{repo}/pulls', {
            ...repository,
            state: 'open',
            head: `${repository.owner}:${head}`,
            base
          })
      )
      const pull = data[0]
      return pull ? { number: pull.number, url: pull.html_url } : undefined
    },
    async createPull(repository, pull) {
      try {
        const { data } = await (
          await client()
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
          return 'exists'
        }
        return call(`Opening a pull request from ${pull.head} to ${pull.base}`, () =>
          Promise.reject(error as Error)
        )
      }
    },
    async updatePull(repository, number, pull) {
      const { data } = await call(`Updating pull request #${number}`, async () =>
        (await client()).request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
          ...repository,
          pull_number: number,
          ...pull
        })
      )
      return { number: data.number, url: data.html_url }
    },
    async addLabels(repository, number, labels) {
      if (labels.length === 0) return
      await call(`Labelling pull request #${number}`, async () =>
        (await client()).request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
          ...repository,
          issue_number: number,
          labels: [...labels]
        })
      )
    }
  }
}
