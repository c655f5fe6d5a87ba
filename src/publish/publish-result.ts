import { shortSha } from '../lib/text.js'
import type { FileEdit } from '../edit/types.js'
import type { Logger } from '../lib/logger.js'
import type { EnsuredPullRequest } from './github/pull-request.js'
import { changedEdits, editsDiff, pullRequestBody } from './publish-common.js'
import type { PublishOptions, PublishResult } from './types.js'
import type { PullRequestSpec } from './github/pull-request.js'
import { updateWorkTree } from '../edit/write-edits.js'
import { LandedError } from './landed-error.js'

/** What the compare-and-swap loop settled on, in either commit mode. */
export interface Settled {
  /** The branch tip the edits were computed against. */
  readonly tip: string
  readonly edits: FileEdit[]
  /** A commit landed (dry run: the edits change a file). */
  readonly changed: boolean
  /** The pull request branch already holds this change on the tip (a re-run). */
  readonly onPrBranch?: boolean
  /** The pull request branch's head when it already holds the change. */
  readonly prHead?: string
}

/** The fields of a result that do not depend on whether or where a commit landed. */
type ResultBase = Pick<
  PublishResult,
  'before' | 'defaultBranch' | 'remoteUrl' | 'files' | 'edits' | 'diff'
>

/** What shaping the result needs to know about the run besides what settled. */
export interface ResultContext {
  readonly options: PublishOptions
  /** The branch the run commits to: the pull request's base with createPr. */
  readonly branch: string
  /** The repository as named in log lines. */
  readonly label: string
  readonly logger: Logger
  /** Opens or updates the pull request; absent when the repository is not on the GitHub server. */
  readonly openPullRequest?: (spec: PullRequestSpec) => Promise<EnsuredPullRequest>
}

/** The shared fields of the result, from what settled; the default branch may be unread (dry run). */
export function resultBase(
  settled: Settled,
  defaultBranch: string | undefined,
  remoteUrl: string
): ResultBase {
  return {
    before: settled.tip,
    defaultBranch: defaultBranch ?? '',
    remoteUrl,
    files: changedEdits(settled.edits).map((edit) => edit.path),
    edits: settled.edits,
    diff: editsDiff(settled.edits)
  }
}

/** The pull request from the pull request branch to `branch`, listing the changed files. */
function pullRequestSpec(
  options: PublishOptions,
  branch: string,
  files: readonly string[]
): PullRequestSpec {
  return {
    head: options.prBranch,
    base: branch,
    title: options.prTitle,
    body: pullRequestBody(options.message, files, branch),
    labels: options.prLabels
  }
}

/**
 * The result when no commit lands, with the decision logged: a dry run, a re-run whose pull
 * request branch already holds the change (the pull request is opened or updated), or a branch
 * that already has the change. Undefined when a commit landed.
 */
export async function resultWithoutCommit(
  settled: Settled,
  base: ResultBase,
  context: ResultContext
): Promise<PublishResult | undefined> {
  const { options, branch, label, logger, openPullRequest } = context
  const none = { ...base, commitSha: '', commitUrl: '', prOperation: '' as const, prHeadSha: '' }
  if (options.dryRun) {
    logDryRun(base.diff, `${label}@${branch}`, logger)
    return { ...none, changed: settled.changed, branch }
  }
  if (settled.onPrBranch && openPullRequest) {
    const held = {
      ...none,
      changed: false,
      branch: options.prBranch,
      prHeadSha: settled.prHead ?? ''
    }
    const pull = await afterLanding(held, () =>
      openPullRequest(pullRequestSpec(options, branch, base.files))
    )
    return {
      ...held,
      prNumber: pull.number,
      prUrl: pull.url,
      prOperation: pull.opened ? 'created' : 'unchanged',
      prHeadSha: settled.prHead ?? ''
    }
  }
  if (!settled.changed) {
    logger.info(`${label}@${branch} (${shortSha(base.before)}) already has the change; no commit.`)
    return { ...none, changed: false, branch }
  }
  return undefined
}

/**
 * The result of a commit that landed, logged. Without createPr the workspace's files are
 * updated when `workspaceRoot` is given; with it the pull request is opened or updated.
 */
export async function committedResult(
  base: ResultBase,
  commit: { readonly sha: string; readonly url: string },
  workspaceRoot: string | undefined,
  context: ResultContext
): Promise<PublishResult> {
  const { options, branch, label, logger, openPullRequest } = context
  const target = options.createPr ? options.prBranch : branch
  logger.info(`Landed ${commit.sha} on ${target} of ${label} (on top of ${shortSha(base.before)}).`)
  const result = {
    ...base,
    changed: true,
    commitSha: commit.sha,
    commitUrl: commit.url,
    branch: target,
    prOperation: '' as const,
    // our commit heads the pull request branch whether or not the pull request opens
    prHeadSha: options.createPr ? commit.sha : ''
  }
  if (workspaceRoot !== undefined && !options.createPr) {
    await afterLanding(result, () => updateWorkTree(workspaceRoot, base.edits, logger))
  }
  if (!options.createPr || !openPullRequest) return result
  const pull = await afterLanding(result, () =>
    openPullRequest(pullRequestSpec(options, branch, base.files))
  )
  return {
    ...result,
    prNumber: pull.number,
    prUrl: pull.url,
    prOperation: pull.opened ? 'created' : 'updated'
  }
}

// A step after the commit reached the remote: its failure carries what landed.
async function afterLanding<T>(landed: PublishResult, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    throw new LandedError(landed, error)
  }
}

function logDryRun(diff: string, where: string, logger: Logger): void {
  if (diff === '')
    logger.info(`Dry run: ${where} already has the change; nothing would be committed.`)
  else logger.info(`Dry run: would commit to ${where}:\n${diff}`)
}
