import { ownerNameOnServer, type OwnerName } from '../../lib/git-url.js'
import { rm } from 'node:fs/promises'
import type { FileEdit, FileSource } from '../../edit/types.js'
import { PublishError } from '../../lib/errors.js'
import { isCommitSha, shortSha } from '../../lib/text.js'
import { isOurCommit, withReleaseTrailer } from '../authorship.js'
import { unknownCommit, type CommitStrategy, type SwapOutcome, type Tip } from '../driver.js'
import { classifyFailure } from '../failure.js'
import type { Git, Identity, TreeFile } from './git.js'
import { runGitHubApi } from '../github/run-api.js'
import {
  ensurePullRequest,
  type EnsuredPullRequest,
  type PullRequestSpec
} from '../github/pull-request.js'
import { commitWebUrl, withoutCredentials } from '../remote-url.js'
import { sameTreeAfter } from '../tree-compare.js'
import { createTreeSource, type TreeEntry } from '../tree-source.js'
import type { PublishOptions, ResolvedServices } from '../types.js'
import { REMOTE, gitContextFactory, openRepository, type Repository } from './repository.js'

// What the current attempt read: the tip's listing, its files and, once written, the new tree.
interface ReadTip {
  readonly branch: string
  readonly tip: string
  readonly entries: TreeEntry[]
  readonly source: FileSource
  tree?: string
}

/**
 * The git-CLI strategy: the workspace checkout or a temporary bare clone, plumbing on a
 * temporary index (work tree and index untouched), a non-force push as the compare-and-swap.
 * One instance serves every commit and ancestry question of a run, so the repository is opened
 * (and a remote one cloned) once; `close` removes the temporary clone.
 */
class GitStrategy implements CommitStrategy {
  readonly label: string
  readonly remoteUrl: string
  readonly onGitHub: boolean
  readonly workspaceRoot?: string
  readonly openPullRequest?: (spec: PullRequestSpec) => Promise<EnsuredPullRequest>
  private readonly git: Git
  private readonly identity: Identity
  private readonly webRepository: OwnerName | undefined
  private defaultBranch: Promise<string> | undefined
  private read: ReadTip | undefined
  private prTip: string | undefined
  private signing: Promise<boolean> | undefined
  // the tip of each branch as this session last read or moved it, and when (the run's clock)
  private readonly known = new Map<string, { readonly oid: string; readonly at: number }>()
  private readonly clock: ResolvedServices['clock']

  private readonly repo: Repository
  private readonly options: PublishOptions

  constructor(repo: Repository, options: PublishOptions, deps: ResolvedServices) {
    this.repo = repo
    this.options = options
    this.git = repo.git
    this.webRepository = ownerNameOnServer(repo.url, options.github.serverUrl)
    const repository = options.github.repository ?? this.webRepository
    // Messages name the repository the push goes to: OWNER/NAME when its URL is on the GitHub
    // server, else the URL itself (a workspace whose origin is elsewhere is not GITHUB_REPOSITORY).
    this.label = this.webRepository
      ? `${this.webRepository.owner}/${this.webRepository.repo}`
      : withoutCredentials(repo.url)
    this.remoteUrl = withoutCredentials(repo.url)
    this.onGitHub = repository !== undefined
    this.identity = { name: options.authorName, email: options.authorEmail }
    this.clock = deps.clock
    if (repo.root !== undefined) this.workspaceRoot = repo.root
    if (repository) {
      this.openPullRequest = (spec) =>
        ensurePullRequest(
          runGitHubApi(options.token ?? '', options.github, deps),
          repository,
          spec,
          deps.logger
        )
    }
  }

  commitUrl(sha: string): string {
    return this.webRepository
      ? commitWebUrl(this.options.github.serverUrl, this.webRepository, sha)
      : ''
  }

  // The default branch does not change within a run: read once for every commit of the session,
  // from the ref listing of a fetch where possible (one connection instead of two).
  readDefaultBranch(): Promise<string> {
    this.defaultBranch ??= this.fetchDefaultBranch().catch((error: unknown) => {
      this.defaultBranch = undefined
      throw error
    })
    return this.defaultBranch
  }

  async readTip(branch: string, reuse: boolean): Promise<Tip | undefined> {
    const known = reuse ? this.known.get(branch) : undefined
    const tip = known?.oid ?? (await this.fetchTip(branch))
    if (tip === undefined) return undefined
    const readAt = known?.at ?? this.clock.now()
    this.known.set(branch, { oid: tip, at: readAt })
    // A commit's files never change: the preflight's listing and the blobs it read serve the
    // first attempt on the same tip (two git processes less). The tree is written anew, since
    // another commit may bring other edits.
    if (this.read?.tip === tip && this.read.branch === branch) {
      const { entries, source } = this.read
      this.read = { branch, tip, entries, source }
    } else {
      const entries = await this.git.listTree(tip)
      const source = createTreeSource(
        `${this.label}@${branch} (${shortSha(tip)})`,
        entries,
        (sha) => this.git.readBlob(sha)
      )
      this.read = { branch, tip, entries, source }
    }
    return { oid: tip, source: this.read.source, readAt }
  }

  // the remote's HEAD and its commit (which a first attempt on the default branch then reuses)
  private async fetchDefaultBranch(): Promise<string> {
    const fetched = await this.git.fetchBranchAndHead(REMOTE, undefined, this.repo.shallow)
    if (fetched.defaultBranch === undefined) return (await this.git.defaultBranch(REMOTE)) ?? ''
    if (fetched.headTip !== undefined) {
      this.known.set(fetched.defaultBranch, { oid: fetched.headTip, at: this.clock.now() })
    }
    return fetched.defaultBranch
  }

  // the branch's tip, and the default branch with it while that is unknown
  private async fetchTip(branch: string): Promise<string | undefined> {
    if (this.defaultBranch !== undefined) {
      return this.git.fetchBranch(REMOTE, branch, this.repo.shallow)
    }
    const fetched = await this.git.fetchBranchAndHead(REMOTE, branch, this.repo.shallow)
    const { defaultBranch } = fetched
    if (defaultBranch !== undefined) this.defaultBranch ??= Promise.resolve(defaultBranch)
    return fetched.tip
  }

  async prBranchHolds(
    tip: string,
    changed: readonly FileEdit[],
    prBranch: string
  ): Promise<string | undefined> {
    this.prTip = await this.git.fetchBranch(REMOTE, prBranch, this.repo.shallow)
    if (this.prTip === undefined) return undefined
    const head = await this.git.readCommit(this.prTip)
    if (!isOurCommit(head, this.identity)) {
      throw new PublishError(
        `The pull request branch ${prBranch} of ${this.label} ends in commit ${shortSha(this.prTip)} by ${head.author}, which gitops-release did not write (a reviewer's change?). It is not overwritten. Merge or close its pull request and delete ${prBranch}, or release under another tag.`,
        { input: 'create-pr' }
      )
    }
    const tree = await this.writeTree(tip, changed)
    const holds = (await this.git.treeOf(this.prTip)) === tree && head.parents[0] === tip
    return holds ? this.prTip : undefined
  }

  async commitAndSwap(
    tip: string,
    changed: readonly FileEdit[],
    ref: string,
    message: string
  ): Promise<SwapOutcome> {
    const { createPr } = this.options
    const sha = await this.commitOn(tip, changed, createPr ? withReleaseTrailer(message) : message)
    if (sha === undefined) return { ok: 'unchanged' }
    // the pull request branch is ours to move, but only from where we saw it (our own commit)
    const lease = createPr ? (this.prTip ?? '') : undefined
    const result = await this.git.push(REMOTE, sha, `refs/heads/${ref}`, lease)
    if (result.ok) {
      this.known.set(ref, { oid: sha, at: this.clock.now() })
      return result.upToDate ? { ok: 'landed-by-another', sha } : { ok: true, sha, url: '' }
    }
    this.known.delete(ref)
    return { ok: false, kind: classifyFailure(result.output), output: result.output, sha }
  }

  async isDescendant(ancestor: string, commit: string): Promise<boolean> {
    if (!isCommitSha(ancestor) || !isCommitSha(commit)) return false
    if (ancestor === commit) return true
    if (!(await this.present(commit)) || !(await this.present(ancestor))) return false
    return this.git.isAncestor(ancestor, commit)
  }

  async sourceAt(commit: string): Promise<FileSource> {
    const sha = commit.toLowerCase()
    if (!isCommitSha(sha) || !(await this.present(sha))) throw unknownCommit(commit, this.label)
    // Fetched without file contents: git fetches the blobs read, on demand.
    return createTreeSource(
      `${this.label}@${shortSha(sha)}`,
      await this.git.listTree(sha),
      (blob) => this.git.readBlob(blob)
    )
  }

  async close(): Promise<void> {
    if (this.options.target.kind === 'remote') {
      await rm(this.git.dir, { recursive: true, force: true })
    }
  }

  // present locally, or fetched now (history without file contents)
  private async present(sha: string): Promise<boolean> {
    return (await this.git.hasCommit(sha)) || (await this.git.fetchCommit(REMOTE, sha))
  }

  // the files to write over the tip, each keeping its mode there
  private treeFiles(tip: string, changed: readonly FileEdit[]): TreeFile[] {
    const read = this.read?.tip === tip ? this.read.entries : []
    const modes = new Map(read.map((e) => [e.path, e.mode]))
    return changed.map((edit) => ({
      path: edit.path,
      mode: modes.get(edit.path) ?? '100644',
      content: Buffer.from(edit.after, 'utf8')
    }))
  }

  private async writeTree(tip: string, changed: readonly FileEdit[]): Promise<string> {
    const { read } = this
    if (read?.tip === tip && read.tree !== undefined) return read.tree
    const tree = await this.git.writeTree(tip, this.treeFiles(tip, changed))
    if (read?.tip === tip) read.tree = tree
    return tree
  }

  // The commit of `changed` on `tip`, undefined when it would not change the tree. One git
  // process (fast-import) when the tip's listing is at hand and no signature is asked for;
  // otherwise a temporary index, write-tree and commit-tree (which signs).
  private async commitOn(
    tip: string,
    changed: readonly FileEdit[],
    message: string
  ): Promise<string | undefined> {
    const { read, git } = this
    if (
      read?.tip === tip &&
      read.tree === undefined &&
      !(await (this.signing ??= git.signsCommits()))
    ) {
      const files = this.treeFiles(tip, changed)
      if (sameTreeAfter(read.entries, files, read.entries)) return undefined
      return git.commitFiles(tip, files, message, this.identity)
    }
    const tree = await this.writeTree(tip, changed)
    if (tree === (await git.treeOf(tip))) return undefined
    return git.commitTree(tree, tip, message, this.identity)
  }
}

/** Opens the repository of `options` (cloning a remote one) and the git strategy over it. */
export async function openGitStrategy(
  options: PublishOptions,
  deps: ResolvedServices
): Promise<GitStrategy> {
  const repo = await openRepository(options, gitContextFactory(options, deps), deps)
  return new GitStrategy(repo, options, deps)
}
