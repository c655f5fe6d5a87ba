import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../lib/logger.js'

/** The name every temporary folder of a build starts with (metadata and image id files). */
const BUILD_TEMP_PREFIX = 'gitops-release-build-'

/** A new temporary folder for one run's build files, in `tempDir`. */
export function createBuildTemp(tempDir: string): Promise<string> {
  return mkdtemp(join(tempDir, BUILD_TEMP_PREFIX))
}

/**
 * The post step: removes the build folders a main step left in `runnerTemp` (a run cancelled
 * or killed mid-build never reaches its own `finally`). Only RUNNER_TEMP is swept, never a
 * shared folder such as /tmp where another run may be building: '' does nothing.
 */
export async function removeBuildTemp(runnerTemp: string, logger: Logger): Promise<void> {
  if (runnerTemp === '') return
  const entries = await readdir(runnerTemp, { withFileTypes: true }).catch(() => [])
  const removed: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(BUILD_TEMP_PREFIX)) continue
    await rm(join(runnerTemp, entry.name), { recursive: true, force: true })
    removed.push(entry.name)
  }
  if (removed.length > 0) logger.info(`Removed leftover build folder(s): ${removed.join(', ')}`)
}
