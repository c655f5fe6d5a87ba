import { PublishError } from '../errors.js'
import type { FileEdit } from '../edit/types.js'
import type { Logger } from '../logger.js'
import { casLoop, failureOutcome, type AttemptResult } from './cas-loop.js'
import type { FailureContext } from './failure.js'
import { ensurePullRequest, type PullRequestSpec } from './pull-request.js'
import {
  changedEdits,
  checkPrerequisites,
  chooseBranch,
  editsDiff,
  logDryRun,
  pullRequestBody
} from './publish-common.js'
import type { ComputeChanges, PublishDeps, PublishOptions, PublishResult } from './publish.js'
import { normalizeRemote, repositoryFromUrl, withoutCredentials } from './remote-url.js'
import { sameTreeAfter } from './tree-compare.js'
import { createTreeSource, type TreeEntry } from './tree-source.js'
import { writeWorkspaceFiles } from './workspace-files.js'

interface Landed {
  readonly tip: string
  readonly sha: string
  readonly url: string
  readonly edits: FileEdit[]
  readonly changed: boolean
  /** The pull request branch already holds this change on the tip (a re-run). */
  readonly onPrBranch?: boolean
}

/**
 * The API strategy: read the tip through GraphQL, the files through the trees and blobs API,
 * and land with createCommitOnBranch, whose expectedHeadOid makes GitHub do the
 * compare-and-swap (and sign the commit). No clone, no git.
 */
export async function publishWithApi(
  options: PublishOptions,
  compute: ComputeChanges,
  logger: Logger,
  deps: PublishDeps
): Promise<PublishResult> {
  const url =
    options.target.kind === 'remote'
      ? normalizeRemote(options.target.url, options.workspace)
      : undefined
  const repository =
    options.github.repository ??
    (url === undefined ? undefined : repositoryFromUrl(url, options.github.serverUrl))
  checkPrerequisites(options, repository !== undefined)
  if (!repository || !options.token) {
    throw new PublishError(
      'commit-mode: api needs the target repository on the GitHub server and a token.',
      { input: 'commit-mode' }
    )
  }
  const label = `${repository.owner}/${repository.repo}`
  const remoteUrl = withoutCredentials(
    url ?? `${options.github.serverUrl.replace(/\/+$/, '')}/${label}.git`
  )
  const api = deps.createGitHubApi(options.token, options.github)
  logger.info(
    `commit-mode api: GitHub creates and signs the commit as the token's identity; author-name and author-email are not used.`
  )
  let defaultBranch: string | undefined
  let branch = options.branch ?? ''
  let phase = 'reading'
  const failureContext = (): FailureContext => ({ repository: label, branch, action: phase })
  // a re-run: the release branch is one commit on the tip whose tree is the one we would write
  const prBranchHolds = async (
    tip: string,
    entries: readonly TreeEntry[],
    changed: readonly FileEdit[]
  ): Promise<boolean> => {
    const prHead = await api.branchHead(repository, options.prBranch)
    if (prHead?.parentOid !== tip) return false
    const writes = changed.map((edit) => ({
      path: edit.path,
      content: Buffer.from(edit.after, 'utf8')
    }))
    return sameTreeAfter(entries, writes, await api.listTree(repository, prHead.treeOid))
  }

  const readDefaultBranch = async (): Promise<string> =>
    (defaultBranch ??= await api.defaultBranch(repository))

  const attempt = async (): Promise<AttemptResult<Landed>> => {
    phase = 'reading'
    if (branch === '') branch = await chooseBranch(options, readDefaultBranch, label, logger)
    if (!options.dryRun) await readDefaultBranch()
    const read = Date.now()
    const head = await api.branchHead(repository, branch)
    if (!head) return failureOutcome('missing-branch', '', failureContext())
    logger.debug(`Tip of ${branch} is ${head.oid}`)
    const entries = await api.listTree(repository, head.treeOid)
    const source = createTreeSource(
      `${label}@${branch} (${head.oid.slice(0, 7)})`,
      entries,
      (sha) => api.readBlob(repository, sha)
    )
    const edits = await compute(source)
    const changed = changedEdits(edits)
    const none = { tip: head.oid, sha: '', url: '', edits }
    if (changed.length === 0) return { done: { ...none, changed: false } }
    if (options.dryRun) return { done: { ...none, changed: true } }
    if (options.createPr && (await prBranchHolds(head.oid, entries, changed))) {
      logger.info(
        `${options.prBranch} already holds this change on ${branch}'s tip (${head.oid.slice(0, 7)}); no new commit.`
      )
      return { done: { ...none, changed: false, onPrBranch: true } }
    }
    phase = 'pushing'
    let target = branch
    if (options.createPr) {
      await api.setBranch(repository, options.prBranch, head.oid)
      target = options.prBranch
    }
    const outcome = await api.createCommitOnBranch(
      repository,
      target,
      head.oid,
      options.message,
      changed.map((edit) => ({
        path: edit.path,
        contents: Buffer.from(edit.after, 'utf8').toString('base64')
      }))
    )
    if (outcome.ok) {
      return { done: { tip: head.oid, sha: outcome.oid, url: outcome.url, edits, changed: true } }
    }
    return failureOutcome(
      outcome.kind,
      outcome.detail,
      { ...failureContext(), branch: target },
      Date.now() - read
    )
  }

  const landed = await casLoop(attempt, {
    attempts: options.pushAttempts,
    logger,
    context: failureContext,
    sleep: deps.sleep,
    random: deps.random,
    minBackoffMs: deps.minBackoffMs
  })
  const files = changedEdits(landed.edits).map((edit) => edit.path)
  const base = {
    before: landed.tip,
    defaultBranch: defaultBranch ?? '',
    remoteUrl,
    files,
    edits: landed.edits
  }
  if (options.dryRun) {
    const diff = logDryRun(landed.edits, `${label}@${branch}`, logger)
    return { ...base, changed: landed.changed, commitSha: '', commitUrl: '', branch, diff }
  }
  const diff = editsDiff(landed.edits)
  const pullRequest = (): PullRequestSpec => ({
    head: options.prBranch,
    base: branch,
    title: options.prTitle,
    body: pullRequestBody(options.message, files, branch),
    labels: options.prLabels
  })
  if (landed.onPrBranch) {
    const pull = await ensurePullRequest(api, repository, pullRequest(), logger)
    const unchanged = { ...base, changed: false, commitSha: '', commitUrl: '', diff }
    return { ...unchanged, branch: options.prBranch, prNumber: pull.number, prUrl: pull.url }
  }
  if (!landed.changed) {
    logger.info(`${label}@${branch} (${landed.tip.slice(0, 7)}) already has the change; no commit.`)
    return { ...base, changed: false, commitSha: '', commitUrl: '', branch, diff }
  }
  const target = options.createPr ? options.prBranch : branch
  logger.info(
    `Landed ${landed.sha} on ${target} of ${label} (on top of ${landed.tip.slice(0, 7)}).`
  )
  if (options.target.kind === 'workspace' && !options.createPr) {
    await writeWorkspaceFiles(options.workspace, landed.edits, logger)
  }
  const result = {
    ...base,
    changed: true,
    commitSha: landed.sha,
    commitUrl: landed.url,
    branch: target,
    diff
  }
  if (!options.createPr) return result
  const pull = await ensurePullRequest(api, repository, pullRequest(), logger)
  return { ...result, prNumber: pull.number, prUrl: pull.url }
}
