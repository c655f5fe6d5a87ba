import { ownerNameOnServer, type OwnerName } from '../../lib/git-url.js'
import type { FileEdit, FileSource } from '../../edit/types.js'
import { PublishError } from '../../lib/errors.js'
import { isCommitSha, shortSha } from '../../lib/text.js'
import { isOurCommit, withReleaseTrailer } from '../authorship.js'
import { unknownCommit, type CommitStrategy, type SwapOutcome, type Tip } from '../driver.js'
import type { GitHubApi } from './api.js'
import { runGitHubApi } from './run-api.js'
import { checkPrerequisites } from '../publish-common.js'
import { ensurePullRequest, type EnsuredPullRequest, type PullRequestSpec } from './pull-request.js'
import { commitWebUrl, normalizeRemote, withoutCredentials } from '../remote-url.js'
import { sameTreeAfter } from '../tree-compare.js'
import { createTreeSource, type TreeEntry } from '../tree-source.js'
import type { PublishOptions, ResolvedServices } from '../types.js'

/** The target's URL (a remote target) and its OWNER/NAME when it is on the GitHub server. */
function apiTarget(options: PublishOptions): {
  readonly url?: string
  readonly repository?: OwnerName
} {
  const url =
    options.target.kind === 'remote'
      ? normalizeRemote(options.target.url, options.workspace)
      : undefined
  const repository =
    options.github.repository ??
    (url === undefined ? undefined : ownerNameOnServer(url, options.github.serverUrl))
  return { ...(url === undefined ? {} : { url }), ...(repository ? { repository } : {}) }
}

/**
 * The GitHub API client for commit-mode api on `repository` (rate-limit waits on the deps'
 * clock, within the run's one budget); PublishError naming the input without a repository or a
 * token.
 */
function connectApi(
  options: PublishOptions,
  repository: OwnerName | undefined,
  deps: ResolvedServices
): { readonly api: GitHubApi; readonly repository: OwnerName } {
  if (!repository || !options.token) {
    throw new PublishError(
      'commit-mode: api needs the target repository on the GitHub server and a token.',
      { input: 'commit-mode' }
    )
  }
  const api = runGitHubApi(options.token, options.github, deps)
  return { api, repository }
}

/**
 * The API strategy: read the tip through GraphQL, the files through the trees and blobs API,
 * and land with createCommitOnBranch, whose expectedHeadOid makes GitHub do the
 * compare-and-swap (and sign the commit). No clone, no git; ancestry through the compare API.
 */
class GitHubStrategy implements CommitStrategy {
  readonly label: string
  readonly remoteUrl: string
  readonly onGitHub = true
  readonly workspaceRoot?: string
  readonly openPullRequest: (spec: PullRequestSpec) => Promise<EnsuredPullRequest>
  // the listing of the tip the current attempt read (the pull request check compares trees)
  private defaultBranch: Promise<string> | undefined
  private read: { tip: string; entries: readonly TreeEntry[] } | undefined

  private readonly api: GitHubApi
  private readonly repository: OwnerName
  private readonly options: PublishOptions
  private readonly logger: ResolvedServices['logger']
  // the identity note is logged with the first commit, not by a preview or an ancestry check
  private told = false

  constructor(
    api: GitHubApi,
    repository: OwnerName,
    options: PublishOptions,
    url: string | undefined,
    logger: ResolvedServices['logger']
  ) {
    this.api = api
    this.repository = repository
    this.options = options
    this.logger = logger
    this.label = `${repository.owner}/${repository.repo}`
    this.remoteUrl = withoutCredentials(
      url ?? `${options.github.serverUrl.replace(/\/+$/, '')}/${this.label}.git`
    )
    if (options.target.kind === 'workspace') this.workspaceRoot = options.workspace
    this.openPullRequest = (spec) => ensurePullRequest(api, repository, spec, logger)
  }

  commitUrl(sha: string): string {
    return commitWebUrl(this.options.github.serverUrl, this.repository, sha)
  }

  // the default branch does not change within a run: read once for every commit of the session
  readDefaultBranch(): Promise<string> {
    this.defaultBranch ??= this.api.defaultBranch(this.repository).catch((error: unknown) => {
      this.defaultBranch = undefined
      throw error
    })
    return this.defaultBranch
  }

  // a GraphQL read costs no clone: the tip is read anew on every attempt
  async readTip(branch: string): Promise<Tip | undefined> {
    const { api, repository } = this
    const head = await api.branchHead(repository, branch)
    if (!head) return undefined
    const entries = await api.listTree(repository, head.treeOid)
    this.read = { tip: head.oid, entries }
    const source = createTreeSource(
      `${this.label}@${branch} (${shortSha(head.oid)})`,
      entries,
      (sha) => api.readBlob(repository, sha)
    )
    return { oid: head.oid, source }
  }

  // a re-run: the release branch is one commit on the tip whose tree is the one we would write
  async prBranchHolds(
    tip: string,
    changed: readonly FileEdit[],
    prBranch: string
  ): Promise<string | undefined> {
    const { api, repository, read } = this
    const prHead = await api.branchHead(repository, prBranch)
    if (prHead === undefined) return undefined
    if (!isOurCommit({ message: prHead.message })) {
      throw new PublishError(
        `The pull request branch ${prBranch} of ${this.label} ends in commit ${shortSha(prHead.oid)}, which gitops-release did not write (a reviewer's change?). It is not overwritten. Merge or close its pull request and delete ${prBranch}, or release under another tag.`,
        { input: 'create-pr' }
      )
    }
    if (prHead.parentOid !== tip || read?.tip !== tip) return undefined
    const writes = changed.map((edit) => ({
      path: edit.path,
      content: Buffer.from(edit.after, 'utf8')
    }))
    const same = sameTreeAfter(read.entries, writes, await api.listTree(repository, prHead.treeOid))
    return same ? prHead.oid : undefined
  }

  async commitAndSwap(
    tip: string,
    changed: readonly FileEdit[],
    ref: string,
    message: string
  ): Promise<SwapOutcome> {
    const { api, repository, options } = this
    if (!this.told) {
      this.told = true
      this.logger.info(
        `commit-mode api: GitHub creates and signs the commit as the token's identity; author-name and author-email are not used.`
      )
    }
    // the pull request branch holds only our commit (checked above): it starts again from the tip
    if (options.createPr) await api.setBranch(repository, ref, tip)
    const outcome = await api.createCommitOnBranch(
      repository,
      ref,
      tip,
      options.createPr ? withReleaseTrailer(message) : message,
      changed.map((edit) => ({
        path: edit.path,
        contents: Buffer.from(edit.after, 'utf8').toString('base64')
      }))
    )
    if (outcome.ok) return { ok: true, sha: outcome.oid, url: outcome.url }
    return { ok: false, kind: outcome.kind, output: outcome.detail }
  }

  async isDescendant(ancestor: string, commit: string): Promise<boolean> {
    if (!isCommitSha(ancestor) || !isCommitSha(commit)) return false
    const status = await this.api.compare(this.repository, ancestor, commit)
    return status === 'identical' || status === 'ahead'
  }

  async sourceAt(commit: string): Promise<FileSource> {
    if (!isCommitSha(commit)) throw unknownCommit(commit, this.label)
    // The trees API takes a commit SHA as well and answers with that commit's tree.
    const entries = await this.api.listTree(this.repository, commit)
    return createTreeSource(`${this.label}@${shortSha(commit)}`, entries, (sha) =>
      this.api.readBlob(this.repository, sha)
    )
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}

/** The API strategy for `options`; PublishError when the target or token does not allow it. */
export function openGitHubStrategy(
  options: PublishOptions,
  deps: ResolvedServices
): GitHubStrategy {
  const target = apiTarget(options)
  checkPrerequisites(options, target.repository !== undefined)
  const { api, repository } = connectApi(options, target.repository, deps)
  return new GitHubStrategy(api, repository, options, target.url, deps.logger)
}
