import { runCompareAndSwap, type CommitStrategy } from './driver.js'
import { openGitStrategy } from './git/strategy.js'
import { openGitHubStrategy } from './github/strategy.js'
import type { FileSource } from '../edit/types.js'
import type { Logger } from '../lib/logger.js'
import type { ComputeChanges, PublishOptions, PublishResult, ResolvedServices } from './types.js'

/** What one commit brings: its message and, with `create-pr`, its branch and title. */
type LandText = Pick<PublishOptions, 'message'> &
  Partial<Pick<PublishOptions, 'prTitle' | 'prBranch'>>

/**
 * One run's way into the GitOps repository, opened once (one clone in remote mode) and shared
 * by the preflight, the release commit, the ancestry checks of the wait and a rollback commit.
 */
export interface Publisher {
  /**
   * A dry run: reads the tip, computes the edits, pushes nothing (the preflight); `logger`
   * replaces the session's for this call (a quiet preflight).
   */
  preview(compute: ComputeChanges, logger?: Logger): Promise<PublishResult>
  /**
   * Lands the edits as one commit with `text.message` (compare-and-swap, see
   * runCompareAndSwap); with `create-pr`, on `text.prBranch` (default: the options') under the
   * title `text.prTitle`.
   */
  land(text: LandText, compute: ComputeChanges): Promise<PublishResult>
  /** True when `commit` equals `ancestor` or has it in its history; false for an unknown commit. */
  isDescendant(ancestor: string, commit: string): Promise<boolean>
  /** The files at `commit` (read from the same clone, or through the API). */
  sourceAt(commit: string): Promise<FileSource>
  /** Removes the temporary clone; the publisher is not used afterwards. */
  close(): Promise<void>
}

/**
 * Opens the repository of `options` for the commit mode it names (`options.message` and
 * `options.dryRun` are not used: each call says). The token is masked before anything runs.
 */
export async function openPublisher(
  options: PublishOptions,
  deps: ResolvedServices
): Promise<Publisher> {
  if (options.token) deps.runtime.setSecret(options.token)
  const strategy: CommitStrategy =
    options.mode === 'api'
      ? openGitHubStrategy(options, deps)
      : await openGitStrategy(options, deps)
  const driverDeps = { logger: deps.logger, clock: deps.clock }
  return {
    preview: (compute, logger) =>
      runCompareAndSwap(
        strategy,
        { ...options, dryRun: true },
        { ...driverDeps, ...(logger === undefined ? {} : { logger }), compute }
      ),
    land: (text, compute) =>
      runCompareAndSwap(
        strategy,
        { ...options, ...text, dryRun: false },
        { ...driverDeps, compute }
      ),
    isDescendant: (ancestor, commit) => strategy.isDescendant(ancestor, commit),
    sourceAt: (commit) => strategy.sourceAt(commit),
    close: () => strategy.close()
  }
}

/**
 * A Publisher that opens the repository on its first call (a run that fails before it commits
 * clones nothing) and whose `close` removes the clone only if one was made. The composition root
 * holds one per run and hands it to the preflight, the publish, the wait's ancestry check and the
 * rollback.
 */
export function publisherOnFirstUse(open: () => Promise<Publisher>): Publisher {
  let opened: Promise<Publisher> | undefined
  const publisher = (): Promise<Publisher> => (opened ??= open())
  return {
    preview: async (compute, logger) => (await publisher()).preview(compute, logger),
    land: async (text, compute) => (await publisher()).land(text, compute),
    isDescendant: async (ancestor, commit) => (await publisher()).isDescendant(ancestor, commit),
    sourceAt: async (commit) => (await publisher()).sourceAt(commit),
    close: async () => {
      if (opened !== undefined) await (await opened).close()
    }
  }
}
