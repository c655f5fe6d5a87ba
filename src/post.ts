import * as core from '@actions/core'
import { errorMessage } from './errors.js'
import { coreLogger } from './logger.js'
import { cleanupBuild } from './build/build-images.js'
import { cleanupPublish } from './publish/publish.js'

/** The post step: logs out of the registry and removes credentials; never fails the job. */
export async function runPost(): Promise<void> {
  for (const [stage, cleanup] of [
    ['registry logout', cleanupBuild],
    ['git credentials', cleanupPublish]
  ] as const) {
    try {
      await cleanup(coreLogger)
    } catch (error) {
      core.warning(`Cleanup of ${stage} failed: ${errorMessage(error)}`)
    }
  }
}
