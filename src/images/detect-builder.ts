import { BuildError, InputError } from '../lib/errors.js'
import type { Logger } from '../lib/logger.js'
import type { ImagePlan } from './build-commands.js'
import type { Docker } from './docker.js'

/** Which builder runs the builds. */
type BuilderKind = 'buildx' | 'classic'

/** Checks that the engine answers, then picks buildx when `docker buildx` exists. */
export async function detectBuilder(docker: Docker, logger: Logger): Promise<BuilderKind> {
  const server = await docker.run(['version', '--format', '{{.Server.Version}}'])
  if (server.exitCode !== 0) {
    throw new BuildError(
      `Cannot reach the Docker engine: ${server.stderr.trim() || server.stdout.trim()} ` +
        '(the docker CLI uses DOCKER_HOST or its current context).'
    )
  }
  const buildx = await docker.run(['buildx', 'version'])
  if (buildx.exitCode === 0) {
    logger.info(`Builder: buildx (${buildx.stdout.trim()}), engine ${server.stdout.trim()}`)
    return 'buildx'
  }
  logger.info(
    `Builder: classic 'docker build' + 'docker push' (no buildx plugin), engine ${server.stdout.trim()}`
  )
  return 'classic'
}

/** What the classic builder cannot do, as the error for the first input that asks for it. */
export function classicBuilderConflict(
  plans: readonly ImagePlan[],
  settings: { readonly builder?: string; readonly platforms?: string }
): InputError | undefined {
  const needsBuildx = (what: string, input: string) =>
    new InputError(
      `${input}: ${what} needs Docker buildx, but only the classic builder is available. ` +
        'Install the buildx plugin (e.g. docker/setup-buildx-action) or remove the input.',
      { input }
    )
  if (settings.builder !== undefined && settings.builder !== '') {
    return needsBuildx(`the builder '${settings.builder}'`, 'builder')
  }
  if (settings.platforms !== undefined && settings.platforms !== '') {
    return needsBuildx(`platforms '${settings.platforms}'`, 'platforms')
  }
  for (const plan of plans) {
    if (plan.platforms !== undefined) {
      return new InputError(
        `images (line ${plan.line}): platforms '${plan.platforms}' of image '${plan.name}' need ` +
          'Docker buildx, but only the classic builder is available.',
        { input: 'images', line: plan.line }
      )
    }
  }
  const first = plans[0]
  if (first && first.cacheFrom.length > 0) return needsBuildx('a build cache', 'cache-from')
  if (first && first.cacheTo.length > 0) return needsBuildx('a build cache', 'cache-to')
  return undefined
}
