import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { basename } from 'node:path'
import { systemClock } from '../lib/clock.js'
import { createProcessRunner } from '../lib/exec.js'
import { STATE_KEYS } from '../lib/runtime.js'
import type { Logger } from '../logger.js'
import { DEFAULT_NETWORK_LIMITS, gitBaseEnv } from './git.js'
import { createGitHubApi } from './github-api.js'
import { runCompareAndSwap } from './driver.js'
import { createApiStrategy } from './publish-api.js'
import { createGitStrategy } from './publish-git.js'
import {
  TEMP_PREFIX,
  type ComputeChanges,
  type PublishDeps,
  type PublishOptions,
  type PublishResult
} from './types.js'

export type {
  ComputeChanges,
  PublishDeps,
  PublishOptions,
  PublishResult,
  PullRequestOperation
} from './types.js'
export { TEMP_PREFIX } from './types.js'

/** The state entry naming the temporary clone, removed by cleanupPublish. */
export const CLONE_STATE = STATE_KEYS.cloneDir

/** The production dependencies (the runner is made per publish, see resolvePublishDeps). */
export const defaultPublishDeps: Omit<PublishDeps, 'runner'> = {
  networkLimits: DEFAULT_NETWORK_LIMITS,
  clock: systemClock,
  setSecret: (secret) => {
    core.setSecret(secret)
  },
  saveState: (name, value) => {
    core.saveState(name, value)
  },
  getState: (name) => core.getState(name),
  createGitHubApi
}

/**
 * Lands the edits as one commit on the branch, however many jobs race: each attempt reads the
 * branch tip, computes the edits against it, and swaps the branch to a commit on that tip only
 * if the tip did not move (a non-force push, or createCommitOnBranch with expectedHeadOid).
 */
export async function publish(
  options: PublishOptions,
  compute: ComputeChanges,
  logger: Logger,
  deps: Partial<PublishDeps> = {}
): Promise<PublishResult> {
  const all = resolvePublishDeps(deps)
  if (options.mode === 'api') {
    return runCompareAndSwap(createApiStrategy(options, logger, all), options, compute, logger, all)
  }
  const git = await createGitStrategy(options, logger, all)
  try {
    return await runCompareAndSwap(git.strategy, options, compute, logger, all)
  } finally {
    await git.close()
  }
}

/**
 * The defaults completed with `deps`. Without a runner of its own, git runs from this process's
 * environment without GIT_DIR and friends, and refuses any command line holding a secret
 * masked through these deps.
 */
export function resolvePublishDeps(deps: Partial<PublishDeps> = {}): PublishDeps {
  const base = { ...defaultPublishDeps, ...deps }
  const secrets = new Set<string>()
  return {
    ...base,
    setSecret: (secret) => {
      secrets.add(secret)
      base.setSecret(secret)
    },
    runner: deps.runner ?? createProcessRunner(secrets, gitBaseEnv(process.env))
  }
}

/**
 * Post step. Credentials never reach a file (they live in the environment of our git
 * processes only), so the one thing to clean is a temporary clone a cancelled run left behind.
 */
export async function cleanupPublish(
  logger: Logger,
  deps: Pick<PublishDeps, 'getState'> = defaultPublishDeps
): Promise<void> {
  const dir = deps.getState(CLONE_STATE)
  if (dir === '' || !basename(dir).startsWith(TEMP_PREFIX) || !existsSync(dir)) return
  await rm(dir, { recursive: true, force: true })
  logger.debug(`Removed the temporary clone ${dir}`)
}
