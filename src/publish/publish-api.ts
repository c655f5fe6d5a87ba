import { shortSha } from '../lib/text.js'
import { PublishError } from '../errors.js'
import type { FileEdit } from '../edit/types.js'
import type { Logger } from '../logger.js'
import { casLoop, failureOutcome, type AttemptResult } from './cas-loop.js'
import type { FailureContext } from './failure.js'
import { RATE_LIMIT_POLICY } from './github-api.js'
import { ensurePullRequest } from './pull-request.js'
import { changedEdits, checkPrerequisites, chooseBranch } from './publish-common.js'
import {
  committedResult,
  resultBase,
  resultWithoutCommit,
  type ResultContext,
  type Settled
} from './publish-result.js'
import type { ComputeChanges, PublishDeps, PublishOptions, PublishResult } from './types.js'
import { normalizeRemote, repositoryFromUrl, withoutCredentials } from './remote-url.js'
import { sameTreeAfter } from './tree-compare.js'
import { createTreeSource, type TreeEntry } from './tree-source.js'

interface Landed extends Settled {
  readonly sha: string
  readonly url: string
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
  const api = deps.createGitHubApi(options.token, options.github, {
    clock: deps.clock,
    policy: RATE_LIMIT_POLICY,
    logger
  })
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
  ): Promise<string | undefined> => {
    const prHead = await api.branchHead(repository, options.prBranch)
    if (prHead?.parentOid !== tip) return undefined
    const writes = changed.map((edit) => ({
      path: edit.path,
      content: Buffer.from(edit.after, 'utf8')
    }))
    return sameTreeAfter(entries, writes, await api.listTree(repository, prHead.treeOid))
      ? prHead.oid
      : undefined
  }

  const readDefaultBranch = async (): Promise<string> =>
    (defaultBranch ??= await api.defaultBranch(repository))

  const attempt = async (): Promise<AttemptResult<Landed>> => {
    phase = 'reading'
    if (branch === '') branch = await chooseBranch(options, readDefaultBranch, label, logger)
    if (!options.dryRun) await readDefaultBranch()
    const read = deps.clock.now()
    const head = await api.branchHead(repository, branch)
    if (!head) return failureOutcome('missing-branch', '', failureContext())
    logger.debug(`Tip of ${branch} is ${head.oid}`)
    const entries = await api.listTree(repository, head.treeOid)
    const source = createTreeSource(`${label}@${branch} (${shortSha(head.oid)})`, entries, (sha) =>
      api.readBlob(repository, sha)
    )
    const edits = await compute(source)
    const changed = changedEdits(edits)
    const none = { tip: head.oid, sha: '', url: '', edits }
    if (changed.length === 0) return { done: { ...none, changed: false } }
    if (options.dryRun) return { done: { ...none, changed: true } }
    const prHead = options.createPr ? await prBranchHolds(head.oid, entries, changed) : undefined
    if (prHead !== undefined) {
      logger.info(
        `${options.prBranch} already holds this change on ${branch}'s tip (${shortSha(head.oid)}); no new commit.`
      )
      return { done: { ...none, changed: false, onPrBranch: true, prHead } }
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
      deps.clock.now() - read
    )
  }

  const landed = await casLoop(attempt, {
    attempts: options.pushAttempts,
    logger,
    context: failureContext,
    clock: deps.clock
  })
  const base = resultBase(landed, defaultBranch, remoteUrl)
  const context: ResultContext = {
    options,
    branch,
    label,
    logger,
    openPullRequest: (spec) => ensurePullRequest(api, repository, spec, logger)
  }
  const workspaceRoot = options.target.kind === 'workspace' ? options.workspace : undefined
  return (
    (await resultWithoutCommit(landed, base, context)) ??
    committedResult(base, landed, workspaceRoot, context)
  )
}
