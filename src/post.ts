import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { coreLogger } from './logger.js'
import { cleanupBuild } from './images/login.js'
import { createDocker } from './images/docker.js'
import { createProcessRunner } from './lib/exec.js'
import { createCoreRuntime } from './lib/runtime.js'
import { cleanupPublish } from './publish/publish.js'

/** The post step (entry `run`, as @github/local-action --post expects): logs out of the registry and removes credentials; never fails the job. */
export async function run(): Promise<void> {
  const runtime = createCoreRuntime()
  const docker = createDocker(createProcessRunner(runtime.secrets))
  const cleanups: [string, () => Promise<void>][] = [
    ['registry logout', () => cleanupBuild(coreLogger, docker, runtime)],
    ['git credentials', () => cleanupPublish(coreLogger)]
  ]
  for (const [stage, cleanup] of cleanups) {
    try {
      await cleanup()
    } catch (error) {
      core.warning(`Cleanup of ${stage} failed: ${errorMessage(error)}`)
    }
  }
}
