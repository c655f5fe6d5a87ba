import type { FileEdit, FileSource } from '../edit/types.js'
import { PublishError } from '../lib/errors.js'
import type { Clock } from '../lib/clock.js'
import { shortSha } from '../lib/text.js'
import type { Logger } from '../lib/logger.js'
import { casLoop, failureOutcome, type AttemptResult } from './cas-loop.js'
import type { FailureContext, FailureKind } from './failure.js'
import { changedEdits, checkPrerequisites, chooseBranch } from './publish-common.js'
import {
  committedResult,
  resultBase,
  resultWithoutCommit,
  type ResultContext,
  type Settled
} from './publish-result.js'
import type { EnsuredPullRequest, PullRequestSpec } from './github/pull-request.js'
import type { ComputeChanges, PublishOptions, PublishResult } from './types.js'

/** A branch tip and its files. */
export interface Tip {
  readonly oid: string
  readonly source: FileSource
  /** When the tip was read (the run's clock), where the strategy may hand out one it knew. */
  readonly readAt?: number
}

/** What creating the commit and swapping the branch to it did. */
export type SwapOutcome =
  | { readonly ok: true; readonly sha: string; readonly url: string }
  /** The edits leave the tip's tree as it is (content the edits could not tell apart). */
  | { readonly ok: 'unchanged' }
  /**
   * The branch already was at the very commit this run built: another run built the same one
   * (same tip, files, message and second) and landed it first. This run landed nothing.
   */
  | { readonly ok: 'landed-by-another'; readonly sha: string }
  /** Refused or failed; `sha` is the commit that may still have landed (its answer was lost). */
  | {
      readonly ok: false
      readonly kind: FailureKind
      readonly output: string
      readonly sha?: string
    }

/**
 * One way to read and update the branch: the git CLI on a local repository, or GitHub's API.
 * The compare-and-swap driver below is the same for both.
 */
export interface CommitStrategy {
  /** OWNER/NAME on the GitHub server, or the remote URL without credentials. */
  readonly label: string
  /** The repository URL without credentials (for the result). */
  readonly remoteUrl: string
  /** True when the repository is on the GitHub server (pull requests and api mode need it). */
  readonly onGitHub: boolean
  /** Web URL of a commit on the GitHub server; empty elsewhere. */
  commitUrl(sha: string): string
  /** Work tree whose files follow a landed commit (workspace mode), if any. */
  readonly workspaceRoot?: string
  readDefaultBranch(): Promise<string>
  /**
   * Reads the tip of `branch`; undefined when the branch does not exist. With `reuse`, the tip
   * this session last read or landed on `branch` may stand in for a read (no request): the
   * compare-and-swap still refuses it when the branch moved since.
   */
  readTip(branch: string, reuse: boolean): Promise<Tip | undefined>
  /**
   * The pull request branch's head when it already is exactly this change as one commit on
   * `tip` (a re-run); undefined otherwise.
   */
  prBranchHolds(
    tip: string,
    changed: readonly FileEdit[],
    prBranch: string
  ): Promise<string | undefined>
  /** Creates a commit of `changed` on `tip` and moves `ref` to it only if `ref` did not move. */
  commitAndSwap(
    tip: string,
    changed: readonly FileEdit[],
    ref: string,
    message: string
  ): Promise<SwapOutcome>
  /** Opens or updates the pull request; absent off the GitHub server. */
  readonly openPullRequest?: (spec: PullRequestSpec) => Promise<EnsuredPullRequest>
  /**
   * True when `commit` equals `ancestor` or has it in its history; false for an unknown commit
   * or anything that is no SHA.
   */
  isDescendant(ancestor: string, commit: string): Promise<boolean>
  /**
   * The files at `commit` (a full SHA), read-only; a PublishError naming the commit when the
   * repository does not have it.
   */
  sourceAt(commit: string): Promise<FileSource>
  /** Removes what the strategy set up (the temporary clone). */
  close(): Promise<void>
}

interface Landed extends Settled {
  readonly sha: string
  readonly url: string
}

/**
 * The compare-and-swap driver: read the tip, compute the edits against it, create the commit,
 * update the branch only if it is still at that tip; on a lost race back off and retry (see
 * casLoop). Each call is independent, so a run may land a second commit (a rollback) with
 * another message and compute function.
 */
export async function runCompareAndSwap(
  strategy: CommitStrategy,
  options: PublishOptions,
  deps: { readonly compute: ComputeChanges; readonly logger: Logger; readonly clock: Clock }
): Promise<PublishResult> {
  const { compute, logger } = deps
  const { label } = strategy
  checkPrerequisites(options, strategy.onGitHub)
  let defaultBranch: string | undefined
  let branch = options.branch ?? ''
  let phase = 'reading'
  // an update whose answer was lost may still have landed: the next tip then is our commit
  let pending:
    { readonly tip: string; readonly sha: string; readonly edits: FileEdit[] } | undefined
  const failureContext = (): FailureContext => ({ repository: label, branch, action: phase })
  const readDefaultBranch = async (): Promise<string> =>
    (defaultBranch ??= await strategy.readDefaultBranch())

  const attempt = async (n: number): Promise<AttemptResult<Landed>> => {
    phase = 'reading'
    // the exposure starts with the read the tip comes from: on a first attempt that may be the
    // default branch's read, whose fetch brought the tip along
    const started = deps.clock.now()
    if (branch === '') branch = await chooseBranch(options, readDefaultBranch, label, logger)
    // the default branch goes into Argo CD's push event; a dry run spares the round trip
    if (!options.dryRun) await readDefaultBranch()
    phase = 'fetching'
    // the first attempt may build on the tip this session already knows (the preview's read, or
    // the commit it landed): a non-force push refuses it if the branch moved. A pull request
    // branch is pushed with a lease on itself, which says nothing about the base: read it anew.
    const tip = await strategy.readTip(branch, n === 1 && !options.createPr)
    if (tip === undefined) return failureOutcome('missing-branch', '', failureContext())
    if (pending?.sha === tip.oid) {
      const { sha } = pending
      return { done: { ...pending, url: strategy.commitUrl(sha), changed: true } }
    }
    logger.debug(`Tip of ${branch} is ${tip.oid}`)
    const edits = await compute(tip.source)
    const changed = changedEdits(edits)
    const none = { tip: tip.oid, sha: '', url: '', edits }
    if (changed.length === 0) return { done: { ...none, changed: false } }
    // a dry run writes nothing, not even an object
    if (options.dryRun) return { done: { ...none, changed: true } }
    if (options.createPr) {
      const prHead = await strategy.prBranchHolds(tip.oid, changed, options.prBranch)
      if (prHead !== undefined) {
        logger.info(
          `${options.prBranch} already holds this change on ${branch}'s tip (${shortSha(tip.oid)}); no new commit.`
        )
        return { done: { ...none, changed: false, onPrBranch: true, prHead } }
      }
    }
    phase = 'pushing'
    const target = options.createPr ? options.prBranch : branch
    const outcome = await strategy.commitAndSwap(tip.oid, changed, target, options.message)
    if (outcome.ok === 'unchanged') return { done: { ...none, changed: false } }
    if (outcome.ok === 'landed-by-another') {
      logger.info(
        `${target} already is at ${shortSha(outcome.sha)}, the very commit this run built: another run landed the same change first. Nothing to do.`
      )
      return { done: { ...none, changed: false } }
    }
    if (outcome.ok) {
      const url = outcome.url || strategy.commitUrl(outcome.sha)
      return { done: { tip: tip.oid, sha: outcome.sha, url, edits, changed: true } }
    }
    // only an update whose answer never came may have landed; a refusal is final
    if (outcome.sha !== undefined && outcome.kind === 'unreachable' && !options.createPr) {
      pending = { tip: tip.oid, sha: outcome.sha, edits }
    }
    // A tip read before this attempt (the preflight's, or a commit this session landed) was not
    // raced for: losing on it says nothing of how many runs race, so it does not size a back-off.
    const raced = tip.readAt === undefined || tip.readAt >= started
    return failureOutcome(
      outcome.kind,
      outcome.output,
      { ...failureContext(), branch: target },
      raced ? { windowMs: deps.clock.now() - started } : { staleRead: true }
    )
  }

  const landed = await casLoop(attempt, {
    attempts: options.pushAttempts,
    logger,
    context: failureContext,
    clock: deps.clock
  })
  const base = resultBase(landed, defaultBranch, strategy.remoteUrl)
  const context: ResultContext = {
    options,
    branch,
    label,
    logger,
    ...(strategy.openPullRequest ? { openPullRequest: strategy.openPullRequest } : {})
  }
  return (
    (await resultWithoutCommit(landed, base, context)) ??
    committedResult(base, { sha: landed.sha, url: landed.url }, strategy.workspaceRoot, context)
  )
}

/** The refusal for a commit the GitOps repository does not have (or text that is no SHA). */
export function unknownCommit(commit: string, label: string): PublishError {
  return new PublishError(`The commit ${commit} is not in ${label}.`, { input: 'environments' })
}
