import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImageSpec } from '../image-spec.js'
import type { Logger } from '../logger.js'
import {
  buildxBuildArgs,
  classicBuildArgs,
  classicPushArgs,
  isGhaCache,
  planImage,
  repoDigestsArgs,
  splitCacheInput,
  type ImagePlan
} from './build-commands.js'
import {
  createLogPrinter,
  failuresError,
  runStep,
  thrownFailure,
  type ImageFailure,
  type StepContext
} from './build-step.js'
import { classicBuilderConflict, detectBuilder } from './detect-builder.js'
import { digestFromMetadata, digestFromPushOutput, digestFromRepoDigests } from './digest.js'
import type { Docker } from './docker.js'
import { dockerLogin } from './login.js'
import { createProgress } from './progress.js'
import { runLimited } from './run-limited.js'
import { coreRuntime, type BuildRuntime } from './runtime.js'

/** Everything the build stage needs, from the parsed inputs. */
export interface BuildOptions {
  readonly images: readonly ImageSpec[]
  readonly tag: string
  /** Folder the contexts and Dockerfiles are relative to. */
  readonly workspace: string
  /** Registry to log in to (`registry` input). */
  readonly registry: string
  readonly username?: string
  readonly password?: string
  /** Global `platforms` (an image's own `platforms` wins). */
  readonly platforms?: string
  /** Global `build-args` lines (an image's own value for a key wins). */
  readonly buildArgs: readonly string[]
  /** `cache-from` input: one entry per line. */
  readonly cacheFrom?: string
  /** `cache-to` input: one entry per line. */
  readonly cacheTo?: string
  readonly builder?: string
  /** `--network` for RUN steps (`host`, `none`, …); the builder's default when unset. */
  readonly network?: string
  readonly maxParallel: number
  /** false with dry-run: build, do not push. */
  readonly push: boolean
  /** Running under act (`ACT=true`): `type=gha` cache entries are dropped. */
  readonly act: boolean
}

/** One built image; `digest` is the pushed manifest digest ('' when not pushed). */
export interface BuiltImage {
  readonly name: string
  readonly repository: string
  readonly tag: string
  readonly digest: string
  /** `REPOSITORY:TAG` */
  readonly ref: string
  /** Seconds spent building (and pushing) this image. */
  readonly seconds: number
}

type Outcome =
  | { readonly ok: true; readonly image: BuiltImage }
  | { readonly ok: false; readonly failure: ImageFailure }

function built(plan: ImagePlan, digest: string, seconds: number): Outcome {
  const { name, repository, tag, ref } = plan
  return { ok: true, image: { name, repository, tag, digest, ref, seconds } }
}

function failed(plan: ImagePlan, reason: string, output: string): Outcome {
  return { ok: false, failure: { name: plan.name, line: plan.line, reason, output } }
}

/** Runs `task` per plan with bounded parallelism; throws when any image failed. */
async function forEachImage(
  plans: readonly ImagePlan[],
  limit: number,
  what: 'build' | 'push',
  task: (plan: ImagePlan) => Promise<Outcome>
): Promise<BuiltImage[]> {
  const settled = await runLimited(plans, limit, async (plan): Promise<Outcome> => {
    try {
      return await task(plan)
    } catch (error) {
      return { ok: false, failure: thrownFailure(plan, error) }
    }
  })
  const outcomes = settled.flatMap((result) => (result.ok ? [result.value] : []))
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]))
  if (failures.length > 0) throw failuresError(failures, plans.length, what)
  return outcomes.flatMap((outcome) => (outcome.ok ? [outcome.image] : []))
}

async function buildWithBuildx(
  context: StepContext,
  plans: readonly ImagePlan[],
  options: BuildOptions,
  dir: string
): Promise<BuiltImage[]> {
  return forEachImage(plans, options.maxParallel, 'build', async (plan) => {
    const metadataFile = join(dir, `${plan.name}.metadata.json`)
    const iidFile = join(dir, `${plan.name}.iid`)
    const args = buildxBuildArgs(plan, {
      ...(options.builder === undefined ? {} : { builder: options.builder }),
      ...(options.network === undefined ? {} : { network: options.network }),
      push: options.push,
      metadataFile,
      iidFile
    })
    const step = await runStep(context, plan, 'Build', args)
    if (!step.ok) return failed(plan, `docker buildx build exit code ${step.exitCode}`, step.output)
    const digest = digestFromMetadata(await readFile(metadataFile, 'utf8').catch(() => ''))
    const imageId = await readFile(iidFile, 'utf8').catch(() => '')
    context.logger.debug(`${plan.name}: image id ${imageId.trim()}, digest ${digest ?? 'none'}`)
    if (!options.push) return built(plan, '', step.seconds)
    if (digest === undefined) {
      return failed(
        plan,
        `pushed, but buildx reported no digest ('containerimage.digest' missing in ${metadataFile})`,
        step.output
      )
    }
    return built(plan, digest, step.seconds)
  })
}

async function buildWithClassic(
  context: StepContext,
  plans: readonly ImagePlan[],
  options: BuildOptions,
  dir: string
): Promise<BuiltImage[]> {
  // The legacy builder, even when the CLI would pick BuildKit: its output and flags are known.
  const env = { DOCKER_BUILDKIT: '0' }
  const images = await forEachImage(plans, options.maxParallel, 'build', async (plan) => {
    const args = classicBuildArgs(plan, {
      iidFile: join(dir, `${plan.name}.iid`),
      ...(options.network === undefined ? {} : { network: options.network })
    })
    const step = await runStep(context, plan, 'Build', args, env)
    if (!step.ok) return failed(plan, `docker build exit code ${step.exitCode}`, step.output)
    return built(plan, '', step.seconds)
  })
  if (!options.push) return images
  // Every build succeeded: only now does anything reach the registry.
  const seconds = new Map(images.map((image) => [image.name, image.seconds]))
  return forEachImage(plans, options.maxParallel, 'push', async (plan) => {
    const step = await runStep(context, plan, 'Push', classicPushArgs(plan))
    if (!step.ok) return failed(plan, `docker push exit code ${step.exitCode}`, step.output)
    let digest = digestFromPushOutput(step.output, plan.tag)
    if (digest === undefined) {
      const inspect = await context.docker.run(repoDigestsArgs(plan))
      if (inspect.exitCode === 0) digest = digestFromRepoDigests(inspect.stdout, plan.repository)
    }
    if (digest === undefined) {
      return failed(
        plan,
        'pushed, but neither docker push nor docker inspect gave a digest',
        step.output
      )
    }
    return built(plan, digest, (seconds.get(plan.name) ?? 0) + step.seconds)
  })
}

/** The cache entries of one input, without `type=gha` under act. */
function cacheEntries(value: string | undefined, act: boolean, logger: Logger): string[] {
  const entries = splitCacheInput(value)
  if (!act) return entries
  const dropped = entries.filter(isGhaCache)
  if (dropped.length > 0) {
    logger.info(`Running under act: not using the GitHub Actions cache (${dropped.join('; ')})`)
  }
  return entries.filter((entry) => !isGhaCache(entry))
}

/**
 * Builds every image (at most `maxParallel` at once) and pushes it unless `push` is false.
 * Logs in first when `username` and `password` are set. When any image fails, the others
 * still finish and a `BuildError` lists every failed image with the end of its log; with the
 * classic builder nothing is pushed unless every build succeeded.
 */
export async function buildImages(
  options: BuildOptions,
  docker: Docker,
  logger: Logger,
  runtime: BuildRuntime = coreRuntime
): Promise<BuiltImage[]> {
  if (options.images.length === 0) return []
  const settings = {
    tag: options.tag,
    workspace: options.workspace,
    ...(options.platforms === undefined ? {} : { platforms: options.platforms }),
    buildArgs: options.buildArgs,
    cacheFrom: cacheEntries(options.cacheFrom, options.act, logger),
    cacheTo: cacheEntries(options.cacheTo, options.act, logger)
  }
  const plans = options.images.map((spec) => planImage(spec, settings))
  const builder = await detectBuilder(docker, logger)
  if (builder === 'classic') {
    const conflict = classicBuilderConflict(plans, options)
    if (conflict) throw conflict
  }
  if (options.username && options.password) {
    await dockerLogin(
      docker,
      { registry: options.registry, username: options.username, password: options.password },
      logger,
      runtime
    )
  }
  const limit = Math.max(1, Math.min(Math.floor(options.maxParallel) || plans.length, plans.length))
  logger.info(
    `${options.push ? 'Building and pushing' : 'Building (not pushing)'} ${plans.length} image(s), ` +
      `${limit} at a time: ${plans.map((plan) => plan.ref).join(', ')}`
  )
  const progress = createProgress(logger)
  const context: StepContext = { docker, logger, progress, printLog: createLogPrinter(logger) }
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'gitops-release-build-'))
  try {
    const run = builder === 'buildx' ? buildWithBuildx : buildWithClassic
    const images = await run(context, plans, { ...options, maxParallel: limit }, dir)
    for (const image of images) {
      logger.info(`${image.ref}${image.digest === '' ? '' : `@${image.digest}`}`)
    }
    return images
  } finally {
    progress.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
