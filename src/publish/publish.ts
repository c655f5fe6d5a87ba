import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { basename } from 'node:path'
import { systemClock } from '../lib/clock.js'
import { createProcessRunner } from '../lib/exec.js'
import { STATE_KEYS, type Runtime } from '../lib/runtime.js'
import type { Logger } from '../lib/logger.js'
import { DEFAULT_NETWORK_LIMITS, gitBaseEnv } from './git/env.js'
import { createGitHubApi } from './github/api.js'
import { newRateLimitBudget } from './github/rate-limit.js'
import { openPublisher } from './session.js'
import {
  TEMP_PREFIX,
  type PublishDeps,
  type PublishOptions,
  type PublishResult,
  type PublishServices,
  type ResolvedServices
} from './types.js'

export type { ComputeChanges, PublishOptions, PublishResult } from './types.js'
// The stage's one entry for the composition root: one lazily loaded chunk, not one per module.
export { API_MAX_BODY_BYTES } from './github/api.js'
export { openPublisher, publisherOnFirstUse } from './session.js'

/**
 * Lands the edits as one commit on the branch, however many jobs race: each attempt reads the
 * branch tip, computes the edits against it (`deps.compute`), and swaps the branch to a commit on
 * that tip only if the tip did not move (a non-force push, or createCommitOnBranch with
 * expectedHeadOid). A dry run (`options.dryRun`) reads and computes only. One call opens and
 * closes its own Publisher; a run that commits more than once (preflight, release, rollback)
 * should hold one Publisher (openPublisher) instead.
 */
export async function publish(options: PublishOptions, deps: PublishDeps): Promise<PublishResult> {
  const publisher = await openPublisher(options, deps)
  try {
    return await (options.dryRun
      ? publisher.preview(deps.compute)
      : publisher.land(options, deps.compute))
  } finally {
    await publisher.close()
  }
}

/**
 * The composition root's factory for the stage's services: `deps` with the defaults filled in.
 * Without a runner of its own, git runs from `options.env` without GIT_DIR and friends, and
 * refuses any command line holding a secret the runtime has masked, or one masked through the
 * returned runtime (the auth header values). Call it once per run and share the result: the
 * rate-limit budget is the run's.
 */
export function createPublishDeps(
  options: Pick<PublishOptions, 'env'>,
  deps: PublishServices
): ResolvedServices {
  const derived = new Set<string>()
  const { runtime } = deps
  const secrets: Iterable<string> = {
    *[Symbol.iterator]() {
      yield* runtime.secrets
      yield* derived
    }
  }
  return {
    logger: deps.logger,
    runtime: {
      secrets,
      setSecret: (secret) => {
        if (secret !== '') derived.add(secret)
        runtime.setSecret(secret)
      },
      saveState: (key, value) => {
        runtime.saveState(key, value)
      }
    },
    runner: deps.runner ?? createProcessRunner(secrets, gitBaseEnv(options.env)),
    clock: deps.clock ?? systemClock,
    createGitHubApi: deps.createGitHubApi ?? createGitHubApi,
    networkLimits: deps.networkLimits ?? DEFAULT_NETWORK_LIMITS,
    http: deps.http,
    rateLimitBudget: deps.rateLimitBudget ?? newRateLimitBudget()
  }
}

/**
 * Post step. Credentials never reach a file (they live in the environment of our git
 * processes only), so the one thing to clean is a temporary clone a cancelled run left behind.
 */
export async function cleanupPublish(
  logger: Logger,
  runtime: Pick<Runtime, 'getState'>
): Promise<void> {
  const dir = runtime.getState(STATE_KEYS.cloneDir)
  if (dir === '' || !basename(dir).startsWith(TEMP_PREFIX) || !existsSync(dir)) return
  await rm(dir, { recursive: true, force: true })
  logger.debug(`Removed the temporary clone ${dir}`)
}
