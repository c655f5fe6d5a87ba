import { runCompareAndSwap, type CommitStrategy } from './driver.js'
import { openGitStrategy } from './git/strategy.js'
import { openGitHubStrategy } from './github/strategy.js'
import type { ComputeChanges, PublishOptions, PublishResult, ResolvedServices } from './types.js'

/**
 * One run's way into the GitOps repository, opened once (one clone in remote mode) and shared
 * by the preflight, the release commit, the ancestry checks of the wait and a rollback commit.
 */
export interface Publisher {
  /** A dry run: reads the tip, computes the edits, pushes nothing (the preflight). */
  preview(compute: ComputeChanges): Promise<PublishResult>
  /** Lands the edits as one commit with `message` (compare-and-swap, see runCompareAndSwap). */
  land(message: string, compute: ComputeChanges): Promise<PublishResult>
  /** True when `commit` equals `ancestor` or has it in its history; false for an unknown commit. */
  isDescendant(ancestor: string, commit: string): Promise<boolean>
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
    preview: (compute) =>
      runCompareAndSwap(strategy, { ...options, dryRun: true }, { ...driverDeps, compute }),
    land: (message, compute) =>
      runCompareAndSwap(
        strategy,
        { ...options, message, dryRun: false },
        { ...driverDeps, compute }
      ),
    isDescendant: (ancestor, commit) => strategy.isDescendant(ancestor, commit),
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
    preview: async (compute) => (await publisher()).preview(compute),
    land: async (message, compute) => (await publisher()).land(message, compute),
    isDescendant: async (ancestor, commit) => (await publisher()).isDescendant(ancestor, commit),
    close: async () => {
      if (opened !== undefined) await (await opened).close()
    }
  }
}
