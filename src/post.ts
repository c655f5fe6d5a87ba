import { errorMessage } from './lib/errors.js'
import { createCoreRuntime, type Runtime } from './lib/runtime.js'
import { createProcessRunner } from './lib/exec.js'
import { coreLogger, type Logger } from './lib/logger.js'
import { cleanupBuild } from './images/login.js'
import { removeBuildTemp } from './images/build-temp.js'
import { createDocker } from './images/docker.js'
import { cleanupPublish } from './publish/publish.js'

/**
 * The post step (entry `run`, as @github/local-action --post expects): logs out of the registry
 * and removes the temporary clone; never fails the job.
 */
export async function run(
  runtime: Runtime = createCoreRuntime(),
  logger: Logger = coreLogger
): Promise<void> {
  // A composition root like coreRunDeps: the post step reads no settings, so it passes the
  // process environment itself.
  const docker = createDocker(createProcessRunner(runtime.secrets, process.env))
  const cleanups: [string, () => Promise<void>][] = [
    ['registry logout', () => cleanupBuild(logger, docker, runtime)],
    ['build folders', () => removeBuildTemp(process.env.RUNNER_TEMP ?? '', logger)],
    ['git credentials', () => cleanupPublish(logger, runtime)]
  ]
  for (const [stage, cleanup] of cleanups) {
    try {
      await cleanup()
    } catch (error) {
      logger.warning(`Cleanup of ${stage} failed: ${errorMessage(error)}`)
    }
  }
}
