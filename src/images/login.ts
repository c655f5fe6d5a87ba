import { BuildError, errorMessage } from '../lib/errors.js'
import type { Logger } from '../lib/logger.js'
import { loginArgs, logoutArgs } from './build-commands.js'
import { STATE_KEYS, type Runtime } from '../lib/runtime.js'
import type { Docker } from './docker.js'
import { redactSecret } from '../lib/redact.js'

/** The runner services the images stage uses besides logging: masking and main→post state. */
export type ImagesRuntime = Pick<Runtime, 'setSecret' | 'saveState' | 'getState'>

/**
 * `docker login --password-stdin`: the password goes to the CLI's stdin, never on its command
 * line or into a log. Records the registry so the post step logs out.
 */
export async function dockerLogin(
  docker: Docker,
  credentials: { readonly registry: string; readonly username: string; readonly password: string },
  logger: Logger,
  runtime: ImagesRuntime
): Promise<void> {
  const { registry, username, password } = credentials
  runtime.setSecret(password)
  logger.info(`Logging in to ${registry} as ${username}`)
  const result = await docker.run(loginArgs(registry, username), { input: password })
  if (result.exitCode !== 0) {
    const detail = redactSecret(result.stderr.trim() || result.stdout.trim(), password)
    throw new BuildError(
      `docker login to ${registry} as '${username}' failed (exit code ${result.exitCode}): ` +
        `${detail}. Check the 'username' and 'password' inputs and the 'registry' input.`,
      { input: 'password' }
    )
  }
  logger.debug(redactSecret(result.stdout.trim(), password))
  runtime.saveState(STATE_KEYS.registryLogins, JSON.stringify([registry]))
}

/** The post step: `docker logout` from every registry the main step logged in to. */
export async function cleanupBuild(
  logger: Logger,
  docker: Docker,
  runtime: ImagesRuntime
): Promise<void> {
  const saved = runtime.getState(STATE_KEYS.registryLogins)
  if (saved === '') return
  let registries: unknown
  try {
    registries = JSON.parse(saved)
  } catch (error) {
    logger.warning(`Ignoring the saved docker logout state: ${errorMessage(error)}`)
    return
  }
  if (!Array.isArray(registries)) return
  for (const registry of registries) {
    if (typeof registry !== 'string') continue
    try {
      const result = await docker.run(logoutArgs(registry))
      if (result.exitCode === 0) logger.info(`Logged out of ${registry}`)
      else logger.warning(`docker logout ${registry} failed: ${result.stderr.trim()}`)
    } catch (error) {
      logger.warning(`docker logout ${registry} failed: ${errorMessage(error)}`)
    }
  }
}
