import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../lib/errors.js'
import type { ImageSpec } from '../image-spec.js'
import type { Clock } from '../lib/clock.js'
import type { HttpClient } from '../lib/http-client.js'
import { sameRepository } from '../lib/image-ref.js'
import type { Logger } from '../lib/logger.js'
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
import { createBuildTemp } from './build-temp.js'
import { readContextFiles } from './context-files.js'
import { classicBuilderConflict, detectBuilder } from './detect-builder.js'
import { digestFromPushOutput, digestFromRepoDigests, parseMetadata } from './digest.js'
import type { Docker } from './docker.js'
import { FINGERPRINT_LABEL, contentId, fingerprint } from './fingerprint.js'
import { imageLabels } from './labels.js'
import { dockerLogin, type ImagesRuntime } from './login.js'
import { createProgress } from './progress.js'
import { lookupImage, type RegistryCredentials } from './registry-api.js'
import { runLimited } from './run-limited.js'
import { isDigest } from '../lib/image-ref.js'

/** How often a long build says which images are still running. */
const PROGRESS_INTERVAL_MS = 20_000

/** The tag (and repository) the files name for an image now, for skip-unchanged. */
export interface CurrentImage {
  readonly tag: string
  /** Set when the files also name a repository (`repository-path`). */
  readonly repository?: string
}

/** Everything the images stage needs, from the parsed inputs. */
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
  readonly maxParallel: number
  /** false with dry-run: build, do not push. */
  readonly push: boolean
  /** Running under act (`ACT=true`): `type=gha` cache entries are dropped. */
  readonly act: boolean
  /** Commit SHA for the `org.opencontainers.image.revision` label ('' leaves it out). */
  readonly revision: string
  /** Repository web URL for `org.opencontainers.image.source` ('' leaves it out). */
  readonly sourceUrl: string
  /** RFC 3339 time for `org.opencontainers.image.created` ('' leaves it out). */
  readonly created: string
  /** `skip-unchanged`: reuse the image the files name when its fingerprint is the same. */
  readonly skipUnchanged: boolean
  /** Where temporary folders go (RUNNER_TEMP). */
  readonly tempDir: string
  /** The environment docker and git start from; a bare build-arg `KEY` takes its value here. */
  readonly env: Readonly<Record<string, string>>
  /** The tag each image has in the files now, by image name (read only with skip-unchanged). */
  readonly current?: ReadonlyMap<string, CurrentImage>
}

/** The runner services and tools the images stage uses. */
export interface ImagesDeps {
  readonly docker: Docker
  /** Registry API requests of skip-unchanged. */
  readonly http: HttpClient
  readonly logger: Logger
  readonly runtime: ImagesRuntime
  readonly clock: Clock
}

/**
 * One image of the run: built (and pushed) now, reused by skip-unchanged, or planned before any
 * build (`built: false`).
 */
export interface BuiltImage {
  readonly name: string
  readonly repository: string
  /** The tag built now, or the reused tag the files keep. */
  readonly tag: string
  /** The manifest digest in the registry ('' when not pushed). */
  readonly digest: string
  /** `REPOSITORY:TAG` */
  readonly ref: string
  /** True when this run built it; false when skip-unchanged reused the registry's image. */
  readonly built: boolean
  /** Seconds spent building and pushing it (or checking the registry, when reused). */
  readonly seconds: number
  /**
   * What the builder reported, build-push-action style: buildx's metadata file as is; for the
   * classic builder and reused images `containerimage.digest`, `image.name` (and the config
   * digest when known).
   */
  readonly metadata: Readonly<Record<string, unknown>>
  /** The fingerprint of its build inputs (`sha256:…`; '' when it could not be computed). */
  readonly fingerprint: string
  /** With `built: false`: the tag whose image was reused. */
  readonly reusedFrom?: string
}

/** An image plan with what was learnt about it before building. */
interface Candidate {
  readonly plan: ImagePlan
  readonly fingerprint: string
}

type Outcome =
  | { readonly ok: true; readonly image: BuiltImage }
  | { readonly ok: false; readonly failure: ImageFailure }

function builtImage(
  candidate: Candidate,
  digest: string,
  seconds: number,
  metadata: Readonly<Record<string, unknown>>
): BuiltImage {
  const { name, repository, tag, ref } = candidate.plan
  return {
    name,
    repository,
    tag,
    digest,
    ref,
    built: true,
    seconds,
    metadata,
    fingerprint: candidate.fingerprint
  }
}

function failed(plan: ImagePlan, reason: string, output: string): Outcome {
  return { ok: false, failure: { name: plan.name, line: plan.line, reason, output } }
}

/** Runs `task` per item with bounded parallelism; throws when any image failed. */
async function forEachImage<T extends { readonly plan: ImagePlan }>(
  items: readonly T[],
  limit: number,
  what: 'build' | 'push',
  task: (item: T) => Promise<Outcome>
): Promise<BuiltImage[]> {
  const settled = await runLimited(items, limit, async (item): Promise<Outcome> => {
    try {
      return await task(item)
    } catch (error) {
      return { ok: false, failure: thrownFailure(item.plan, error) }
    }
  })
  const outcomes = settled.flatMap((result) => (result.ok ? [result.value] : []))
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]))
  if (failures.length > 0) throw failuresError(failures, items.length, what)
  return outcomes.flatMap((outcome) => (outcome.ok ? [outcome.image] : []))
}

async function buildWithBuildx(
  context: StepContext,
  candidates: readonly Candidate[],
  options: BuildOptions,
  dir: string
): Promise<BuiltImage[]> {
  return forEachImage(candidates, options.maxParallel, 'build', async (candidate) => {
    const { plan } = candidate
    const metadataFile = join(dir, `${plan.name}.metadata.json`)
    const iidFile = join(dir, `${plan.name}.iid`)
    const args = buildxBuildArgs(plan, {
      ...(options.builder === undefined ? {} : { builder: options.builder }),
      push: options.push,
      metadataFile,
      iidFile
    })
    const step = await runStep(context, plan, 'Build', args)
    if (!step.ok) return failed(plan, `docker buildx build exit code ${step.exitCode}`, step.output)
    const metadata = parseMetadata(await readFile(metadataFile, 'utf8').catch(() => '')) ?? {}
    const digest = metadata['containerimage.digest']
    const imageId = (await readFile(iidFile, 'utf8').catch(() => '')).trim()
    context.logger.debug(
      `${plan.name}: image id ${imageId}, digest ${isDigest(digest) ? digest : 'none'}`
    )
    if (!options.push) return { ok: true, image: builtImage(candidate, '', step.seconds, metadata) }
    if (!isDigest(digest)) {
      return failed(
        plan,
        `pushed, but buildx reported no digest ('containerimage.digest' missing in ${metadataFile})`,
        step.output
      )
    }
    return { ok: true, image: builtImage(candidate, digest, step.seconds, metadata) }
  })
}

async function buildWithClassic(
  context: StepContext,
  candidates: readonly Candidate[],
  options: BuildOptions,
  dir: string
): Promise<BuiltImage[]> {
  // The legacy builder, even when the CLI would pick BuildKit: its output and flags are known.
  const env = { DOCKER_BUILDKIT: '0' }
  const images = await forEachImage(candidates, options.maxParallel, 'build', async (candidate) => {
    const { plan } = candidate
    const iidFile = join(dir, `${plan.name}.iid`)
    const step = await runStep(context, plan, 'Build', classicBuildArgs(plan, { iidFile }), env)
    if (!step.ok) return failed(plan, `docker build exit code ${step.exitCode}`, step.output)
    const imageId = (await readFile(iidFile, 'utf8').catch(() => '')).trim()
    const metadata = {
      ...(isDigest(imageId) ? { 'containerimage.config.digest': imageId } : {}),
      'image.name': plan.ref
    }
    return { ok: true, image: builtImage(candidate, '', step.seconds, metadata) }
  })
  if (!options.push) return images
  // Every build succeeded: only now does anything reach the registry.
  const byName = new Map(candidates.map((candidate) => [candidate.plan.name, candidate.plan]))
  const pushes = images.flatMap((image) => {
    const plan = byName.get(image.name)
    return plan === undefined ? [] : [{ image, plan }]
  })
  return forEachImage(pushes, options.maxParallel, 'push', async ({ image, plan }) => {
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
    return {
      ok: true,
      image: {
        ...image,
        digest,
        seconds: image.seconds + step.seconds,
        metadata: { 'containerimage.digest': digest, ...image.metadata }
      }
    }
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
 * The fingerprint and labels of one image. A context that cannot be read gives no fingerprint
 * (the image is then always built, and carries no fingerprint label).
 */
async function prepare(
  plan: ImagePlan,
  options: BuildOptions,
  deps: ImagesDeps
): Promise<Candidate> {
  const dockerfilePath = plan.dockerfile ?? join(plan.context, 'Dockerfile')
  const dockerfile = await readFile(dockerfilePath).catch(() => undefined)
  let print = ''
  try {
    if (dockerfile === undefined) throw new Error(`cannot read ${dockerfilePath}`)
    const entries = await readContextFiles(plan.context, { dockerfile: dockerfilePath })
    print = fingerprint({
      entries,
      dockerfile: contentId(dockerfile),
      ...(plan.target === undefined ? {} : { target: plan.target }),
      // A bare KEY takes its value from the environment docker starts from, as docker does.
      buildArgs: plan.buildArgs.map((arg) =>
        arg.includes('=') ? arg : `${arg}=${options.env[arg] ?? ''}`
      ),
      ...(plan.platforms === undefined ? {} : { platforms: plan.platforms })
    })
  } catch (error) {
    const message = `${plan.name}: no fingerprint of its build inputs (${errorMessage(error)}); it is built.`
    if (options.skipUnchanged) deps.logger.warning(message)
    else deps.logger.debug(message)
  }
  const labels = imageLabels(
    {
      revision: options.revision,
      sourceUrl: options.sourceUrl,
      created: options.created,
      ...(print === '' ? {} : { fingerprint: print })
    },
    dockerfile?.toString('utf8') ?? ''
  )
  return { plan: { ...plan, labels }, fingerprint: print }
}

/**
 * skip-unchanged: the registry's image for the tag the files name now, when it carries the same
 * fingerprint; undefined (build it) otherwise. Whatever cannot be checked is built, with a
 * warning when the registry did not answer.
 */
async function reusable(
  candidate: Candidate,
  options: BuildOptions,
  deps: ImagesDeps
): Promise<BuiltImage | undefined> {
  const { plan, fingerprint: print } = candidate
  const { logger } = deps
  if (print === '') return undefined
  const current = options.current?.get(plan.name)
  if (current === undefined) {
    logger.info(`${plan.name}: the files name no current tag for it; building.`)
    return undefined
  }
  if (current.repository !== undefined && !sameRepository(current.repository, plan.repository)) {
    logger.info(
      `${plan.name}: the files name the repository ${current.repository}, not ${plan.repository}; building.`
    )
    return undefined
  }
  const started = deps.clock.now()
  const credentials: RegistryCredentials | undefined =
    options.username && options.password
      ? { registry: options.registry, username: options.username, password: options.password }
      : undefined
  const platform = plan.platforms?.split(',')[0]?.trim()
  const found = await lookupImage(deps.http, plan.repository, current.tag, {
    ...(credentials === undefined ? {} : { credentials }),
    ...(platform ? { platform } : {})
  })
  const ref = `${plan.repository}:${current.tag}`
  if (found.kind === 'unknown') {
    logger.warning(
      `${plan.name}: skip-unchanged could not check ${ref} in the registry (${found.reason}); building it.`
    )
    return undefined
  }
  if (found.kind === 'missing') {
    logger.info(`${plan.name}: ${ref} is not in the registry; building.`)
    return undefined
  }
  const theirs = found.labels[FINGERPRINT_LABEL]
  if (theirs !== print) {
    logger.info(
      `${plan.name}: its build inputs changed since ${ref} ` +
        `(${theirs === undefined ? 'that image has no fingerprint label' : 'different fingerprint'}); building.`
    )
    return undefined
  }
  logger.info(
    `${plan.name}: unchanged since ${ref}@${found.digest}; not built, the files keep ${current.tag}.`
  )
  return {
    name: plan.name,
    repository: plan.repository,
    tag: current.tag,
    digest: found.digest,
    ref,
    built: false,
    seconds: (deps.clock.now() - started) / 1000,
    metadata: { 'containerimage.digest': found.digest, 'image.name': ref },
    fingerprint: print,
    reusedFrom: current.tag
  }
}

/**
 * Builds every image (at most `maxParallel` at once) and pushes it unless `push` is false; with
 * `skipUnchanged`, first reuses each image whose build inputs did not change since the image the
 * files name now. Logs in first when `username` and `password` are set and anything is built.
 * When any image fails, the others still finish and a `BuildError` lists every failed image with
 * the end of its log; with the classic builder nothing is pushed unless every build succeeded.
 * Results are in input order.
 */
export async function buildImages(options: BuildOptions, deps: ImagesDeps): Promise<BuiltImage[]> {
  if (options.images.length === 0) return []
  const { docker, logger } = deps
  const settings = {
    tag: options.tag,
    workspace: options.workspace,
    ...(options.platforms === undefined ? {} : { platforms: options.platforms }),
    buildArgs: options.buildArgs,
    cacheFrom: cacheEntries(options.cacheFrom, options.act, logger),
    cacheTo: cacheEntries(options.cacheTo, options.act, logger)
  }
  const plans = options.images.map((spec) => planImage(spec, settings))
  const limit = Math.max(1, Math.min(Math.floor(options.maxParallel) || plans.length, plans.length))
  const prepared = await runLimited(plans, limit, (plan) => prepare(plan, options, deps))
  const candidates = plans.map((plan, index): Candidate => {
    const result = prepared[index]
    return result?.ok ? result.value : { plan, fingerprint: '' }
  })

  const reused = new Map<string, BuiltImage>()
  if (options.skipUnchanged) {
    const checks = await runLimited(candidates, limit, (candidate) =>
      reusable(candidate, options, deps)
    )
    checks.forEach((check, index) => {
      if (check.ok && check.value !== undefined) reused.set(check.value.name, check.value)
      if (!check.ok)
        logger.warning(`${plans[index]?.name ?? '?'}: ${errorMessage(check.error)}; building it.`)
    })
  }
  const toBuild = candidates.filter((candidate) => !reused.has(candidate.plan.name))
  const inOrder = (built: readonly BuiltImage[]): BuiltImage[] => {
    const byName = new Map(built.map((image) => [image.name, image]))
    return plans.flatMap((plan) => {
      const image = reused.get(plan.name) ?? byName.get(plan.name)
      return image === undefined ? [] : [image]
    })
  }
  if (toBuild.length === 0) {
    logger.info(`Nothing to build: every image is unchanged (${plans.length} reused).`)
    return inOrder([])
  }

  const builder = await detectBuilder(docker, logger)
  if (builder === 'classic') {
    const conflict = classicBuilderConflict(
      toBuild.map((candidate) => candidate.plan),
      options
    )
    if (conflict) throw conflict
  }
  if (options.username && options.password) {
    await dockerLogin(
      docker,
      { registry: options.registry, username: options.username, password: options.password },
      logger,
      deps.runtime
    )
  }
  const buildLimit = Math.min(limit, toBuild.length)
  logger.info(
    `${options.push ? 'Building and pushing' : 'Building (not pushing)'} ${toBuild.length} image(s), ` +
      `${buildLimit} at a time: ${toBuild.map((candidate) => candidate.plan.ref).join(', ')}` +
      (reused.size > 0 ? `; ${reused.size} unchanged, reused` : '')
  )
  const progress = createProgress(logger, PROGRESS_INTERVAL_MS, () => deps.clock.now())
  const context: StepContext = {
    docker,
    logger,
    clock: deps.clock,
    progress,
    printLog: createLogPrinter(logger)
  }
  const dir = await createBuildTemp(options.tempDir)
  try {
    const run = builder === 'buildx' ? buildWithBuildx : buildWithClassic
    const images = await run(context, toBuild, { ...options, maxParallel: buildLimit }, dir)
    for (const image of images) {
      logger.info(`${image.ref}${image.digest === '' ? '' : `@${image.digest}`}`)
    }
    return inOrder(images)
  } finally {
    progress.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
