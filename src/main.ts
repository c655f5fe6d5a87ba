import * as core from '@actions/core'
import { annotationOf, errorMessage } from './errors.js'
import { createCoreRuntime, type Runtime } from './lib/runtime.js'
import { coreLogger, createMemoryLogger, type Logger } from './logger.js'
import {
  newReleaseState,
  outputValues,
  releaseDiff,
  releaseEdits,
  type ReleaseImage,
  type ReleasePublish,
  type ReleaseState
} from './outputs.js'
import { renderSummary } from './summary.js'
import { fallbackTag, readSettings } from './settings/inputs.js'
import type { Settings } from './settings/settings.js'
import {
  buildOptions,
  commitMessage,
  editRequest,
  publishOptions,
  pushedCommit
} from './settings/stage-options.js'
import type { EditRequest, FileEdit, FileSource, ImageTarget } from './edit/types.js'
import { computeEdits } from './edit/compute-edits.js'
import { createWorkspaceSource } from './edit/workspace-source.js'
import { writeEdits } from './edit/write-edits.js'
import { ParseCache } from './edit/yaml-file.js'
import { readCurrentValues } from './edit/current-values.js'
import type { BuildOptions, CurrentImage } from './images/build-images.js'
import { checkBuildContexts } from './images/check-contexts.js'
import type { PublishOptions } from './publish/publish.js'
import type {
  AppState,
  ArgoCdOptions,
  IsDescendant,
  PushedCommit,
  WebhookResult
} from './argocd/types.js'
import type { DescendantCheck } from './publish/descendant.js'
import type { PublishResult } from './publish/types.js'
import { landedResult } from './publish/landed-error.js'
import { rollback, rollbackError, type RolledBackError } from './rollback/rollback.js'
import { ArgoCdWaitError } from './argocd/wait-error.js'
import { systemClock } from './lib/clock.js'

// A digest of the right shape, so the preflight can resolve digest paths before anything is built.
const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`

/** What every stage receives besides its options: the log and the runner's services. */
export interface StageDeps {
  readonly logger: Logger
  readonly runtime: Runtime
}

/** The publish stage's deps: the common ones and how to compute the edits on a tree. */
export interface PublishStageDeps extends StageDeps {
  readonly compute: (source: FileSource) => Promise<FileEdit[]>
}

/** The wait's deps: the common ones and the ancestry check on the GitOps repository. */
export interface WaitStageDeps extends StageDeps {
  readonly isDescendant: IsDescendant
}

/** What the Argo CD stages are told: their inputs and the commit that landed. */
export interface ArgoCdStageOptions {
  readonly argocd: ArgoCdOptions
  readonly commit: PushedCommit
}

/**
 * The side-effecting stages, each called as `stage(options, deps)`, injectable so the
 * orchestration can be tested with plain fakes.
 */
export interface ReleaseStages {
  readonly buildImages: (options: BuildOptions, deps: StageDeps) => Promise<readonly ReleaseImage[]>
  readonly publish: (options: PublishOptions, deps: PublishStageDeps) => Promise<ReleasePublish>
  readonly notifyWebhook: (options: ArgoCdStageOptions, deps: StageDeps) => Promise<WebhookResult>
  readonly refreshAndWait: (
    options: ArgoCdStageOptions,
    deps: WaitStageDeps
  ) => Promise<readonly AppState[]>
}

/** The real stages, adapted to the `stage(options, deps)` shape. */
export const realStages: ReleaseStages = {
  // Each stage's modules are imported on first use: a run that only edits files (build: false,
  // commit: false, no Argo CD) never loads or compiles the docker, git, GitHub or Argo CD code.
  buildImages: async (options, deps) => {
    const [{ buildImages }, { createDocker }, { createProcessRunner }, { createHttpClient }] =
      await Promise.all([
        import('./images/build-images.js'),
        import('./images/docker.js'),
        import('./lib/exec.js'),
        import('./lib/http.js')
      ])
    const runner = createProcessRunner(deps.runtime.secrets, options.env)
    return buildImages(options, {
      docker: createDocker(runner),
      git: runner,
      // Registry answers the skip-unchanged lookup reads: manifests and config JSON only.
      http: createHttpClient({ maxBodyBytes: 4 * 1024 * 1024 }),
      logger: deps.logger,
      runtime: deps.runtime,
      clock: systemClock
    })
  },
  publish: async (options, deps) => {
    const { publish, createPublishDeps } = await import('./publish/publish.js')
    return publish(options, { ...createPublishDeps(options, deps), compute: deps.compute })
  },
  notifyWebhook: async (options, deps) => {
    const { notifyWebhook } = await import('./argocd/webhook.js')
    return notifyWebhook(
      { ...options.argocd, commit: options.commit },
      { logger: deps.logger, clock: systemClock }
    )
  },
  refreshAndWait: async (options, deps) => {
    const { waitForApps } = await import('./argocd/wait.js')
    return waitForApps(
      { ...options.argocd, commit: options.commit },
      { logger: deps.logger, clock: systemClock, isDescendant: deps.isDescendant }
    )
  }
}

/** What `run` needs from the runner; replaceable so a test can see every output and failure. */
export interface RunDeps {
  readonly runtime: Runtime
  readonly logger: Logger
  readonly env: NodeJS.ProcessEnv
  readonly stages: ReleaseStages
  /** Fails the step with one error annotation. */
  readonly fail: (error: unknown) => void
}

/** The runner's services: one Runtime over @actions/core, the core logger, the real stages. */
export function coreRunDeps(runtime: Runtime = createCoreRuntime()): RunDeps {
  return { runtime, logger: coreLogger, env: process.env, stages: realStages, fail }
}

/**
 * Runs the action: every stage in order; the only place that fails the step. Outputs and the
 * job summary are written whatever fails, input validation included, with what is known by then.
 */
export async function run(deps: RunDeps = coreRunDeps()): Promise<void> {
  const { runtime, logger, env } = deps
  let state: ReleaseState | undefined
  let failure: unknown
  try {
    const settings = readSettings({
      runtime,
      env,
      warn: (message) => {
        logger.warning(message)
      }
    })
    state = newReleaseState(settings.tag)
    await release(settings, { logger, runtime }, state, deps.stages)
  } catch (error) {
    failure = error
  }
  // A later `if: failure()` step still learns which commit landed and where Argo CD stood.
  state ??= newReleaseState(fallbackTag({ runtime, env }))
  if (failure !== undefined) state.failure = errorMessage(failure)
  for (const [name, value] of Object.entries(outputValues(state))) runtime.setOutput(name, value)
  try {
    await runtime.writeSummary(renderSummary(state))
  } catch (error) {
    logger.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
  if (failure !== undefined) deps.fail(failure)
}

/** The stages in order: preflight, build, edit, commit, Argo CD; `state` records each result. */
export async function release(
  settings: Settings,
  deps: StageDeps,
  state: ReleaseState,
  stages: ReleaseStages = realStages
): Promise<void> {
  const { logger } = deps
  const request = (images: readonly ImageTarget[]): EditRequest => editRequest(settings, images)
  state.images = plannedImages(settings)
  // Shared by the preflight and the edit: a file whose bytes did not change is parsed once.
  const parses = new ParseCache()

  // skip-unchanged: the tags the files hold now, read from the same files the edits will change.
  let current: Map<string, CurrentImage> | undefined
  const readCurrent =
    settings.build && settings.skipUnchanged
      ? async (source: FileSource): Promise<void> => {
          const found = await readCurrentValues(source, editRequest(settings, state.images))
          for (const [name, reason] of found.reasons) {
            logger.info(`skip-unchanged: ${name} is built: ${reason}.`)
          }
          current = found.values
        }
      : undefined

  // With nothing to build and nothing to push, the edit itself is the first step that can fail,
  // and it writes all or nothing: a preflight would only do the same work twice.
  const preflight = settings.build || settings.commit
  await logger.group('Checking inputs and files', async () => {
    if (settings.build) await checkBuildContexts(buildOptions(settings))
    if (!preflight) {
      logger.info('build: false and commit: false: the files are checked as they are edited.')
      return
    }
    // Every file and path is resolved now, so a typo costs no build and pushes nothing.
    const preview = state.images.map((image) => ({
      ...image,
      digest: settings.build ? PLACEHOLDER_DIGEST : ''
    }))
    const edits = await preflightEdits(
      settings,
      request(preview),
      deps,
      stages,
      parses,
      readCurrent
    )
    const where = settings.commit ? settings.targetName : 'the workspace'
    logger.info(`${edits.length} file(s) to edit in ${where}; every path resolves.`)
  })

  // The images whose tags are written: an image skip-unchanged reused keeps its value in the files.
  let images: readonly ImageTarget[] = state.images
  if (settings.build) {
    state.images = await logger.group(
      settings.dryRun ? 'Building images (dry run: not pushed)' : 'Building and pushing images',
      () => stages.buildImages(buildOptions(settings, current), deps)
    )
    images = state.images.filter((image) => image.built)
  } else {
    logger.info('build: false, so no image is built; the image names only drive the tag edits.')
  }

  const compute = (source: FileSource): Promise<FileEdit[]> =>
    computeEdits(source, request(images), logger, parses)

  if (!settings.commit) {
    state.edits = await logger.group('Editing files', async () => {
      const planned = await compute(createWorkspaceSource(settings.workspace))
      if (settings.dryRun) logger.info('dry-run: the files are left as they are.')
      else await writeEdits(settings.workspace, planned)
      return planned
    })
    logChanges(state, logger)
    return
  }

  const message = commitMessage(settings, images)
  const published = await logger
    .group(settings.dryRun ? 'Committing (dry run)' : 'Committing and pushing', () =>
      stages.publish(publishOptions(settings, message), { ...deps, compute })
    )
    .catch((error: unknown) => {
      // a failure after the commit reached the remote still reports what landed
      const landed = landedResult(error)
      if (landed !== undefined) state.publish = landed
      throw error
    })
  state.publish = published
  logChanges(state, logger)

  if (published.commitSha === '') return
  if (settings.createPr) {
    logger.info('Pull-request mode: Argo CD hears of the change when the pull request is merged.')
    return
  }
  const commit = pushedCommit(settings, published, message)
  const ancestry = lazyDescendantCheck(publishOptions(settings, message), deps)
  const waitDeps = { ...deps, isDescendant: ancestry.isDescendant }
  try {
    await tellArgoCd({ argocd: settings.argocd, commit }, waitDeps, state, stages)
  } catch (error) {
    if (!(error instanceof ArgoCdWaitError) || !settings.rollbackOnFailure) throw error
    throw await rollBackRelease(settings, images, published, error, waitDeps, state, stages)
  } finally {
    await ancestry.close()
  }
}

/** The rollback commit's message. */
const ROLLBACK_MESSAGE = 'revert(release): {names} {tag} [skip ci]'

/**
 * `rollback-on-failure`: runs the rollback stage over the publish and Argo CD stages, keeps its
 * result in the state, and returns the one error the step fails with (what failed, what was
 * rolled back, where Argo CD stands now).
 */
async function rollBackRelease(
  settings: Settings,
  images: readonly ImageTarget[],
  release: PublishResult,
  failure: ArgoCdWaitError,
  deps: WaitStageDeps,
  state: ReleaseState,
  stages: ReleaseStages
): Promise<RolledBackError> {
  const { logger } = deps
  const message = commitMessage(settings, images, ROLLBACK_MESSAGE)
  const argocd = settings.argocd
  const commitOf = (landed: PublishResult): ArgoCdStageOptions => ({
    argocd,
    commit: pushedCommit(settings, landed, message)
  })
  const result = await logger.group('Rolling back', () =>
    rollback<PublishResult>(
      { edits: release.edits, releaseSha: release.commitSha, message },
      {
        publish: (text, compute) =>
          stages.publish(publishOptions(settings, text), { ...deps, compute }),
        ...(argocd.webhookUrl === undefined
          ? {}
          : { notify: (landed) => stages.notifyWebhook(commitOf(landed), deps) }),
        wait: (landed) => stages.refreshAndWait(commitOf(landed), deps),
        logger
      }
    )
  )
  state.rollback = { failure, result }
  return rollbackError(failure, result)
}

/** The images as planned before any build: no digest, not built. */
function plannedImages(settings: Settings): ReleaseImage[] {
  return settings.images.map((image) => ({
    name: image.name,
    repository: image.repository,
    tag: settings.tag,
    digest: '',
    ref: `${image.repository}:${settings.tag}`,
    seconds: 0,
    built: false,
    metadata: {},
    fingerprint: ''
  }))
}

// The files to check live where the edits will land: the workspace (commit: false), or the
// branch tip of the GitOps repository, read through a dry run of the publish stage.
async function preflightEdits(
  settings: Settings,
  request: EditRequest,
  deps: StageDeps,
  stages: ReleaseStages,
  parses: ParseCache,
  readCurrent?: (source: FileSource) => Promise<void>
): Promise<readonly FileEdit[]> {
  const quiet = createMemoryLogger()
  if (!settings.commit) {
    const source = createWorkspaceSource(settings.workspace)
    await readCurrent?.(source)
    return computeEdits(source, request, quiet, parses)
  }
  const message = commitMessage(settings, request.images)
  const result = await stages.publish(
    { ...publishOptions(settings, message), dryRun: true },
    {
      ...deps,
      logger: quiet,
      compute: async (source) => {
        await readCurrent?.(source)
        return computeEdits(source, request, quiet, parses)
      }
    }
  )
  return result.edits
}

function logChanges(state: ReleaseState, logger: Logger): void {
  const changed = releaseEdits(state)
    .filter((edit) => edit.before !== edit.after)
    .map((edit) => edit.path)
  logger.info(
    changed.length === 0
      ? 'No file changed: the tags were already in place.'
      : `Changed ${changed.join(', ')}.`
  )
  const diff = releaseDiff(state)
  if (diff !== '') logger.info(diff)
}

/**
 * The ancestry check for the wait, set up on first use only: most waits see the pushed commit
 * itself, and in git mode the check may need a clone of its own.
 */
function lazyDescendantCheck(
  options: PublishOptions,
  deps: StageDeps
): { isDescendant: IsDescendant; close: () => Promise<void> } {
  let check: Promise<DescendantCheck> | undefined
  return {
    isDescendant: async (ancestor, commit) => {
      check ??= import('./publish/descendant.js').then((m) =>
        m.createDescendantCheck(options, deps)
      )
      return (await check).isDescendant(ancestor, commit)
    },
    close: async () => {
      if (check !== undefined) await (await check).close()
    }
  }
}

// Webhook first (fast, never fails the run), then refresh, sync and wait through the API.
async function tellArgoCd(
  options: ArgoCdStageOptions,
  deps: WaitStageDeps,
  state: ReleaseState,
  stages: ReleaseStages
): Promise<void> {
  const { argocd } = options
  const { logger } = deps
  let webhook: WebhookResult | undefined
  if (argocd.webhookUrl !== undefined) {
    webhook = await logger.group('Notifying Argo CD', () => stages.notifyWebhook(options, deps))
  }
  let apps: readonly AppState[] = []
  try {
    if (argocd.server !== undefined && argocd.apps.length > 0) {
      apps = await logger.group('Waiting for Argo CD', () => stages.refreshAndWait(options, deps))
    }
  } catch (error) {
    // A failed wait still shows where each app got to.
    if (error instanceof ArgoCdWaitError) apps = error.apps
    throw error
  } finally {
    state.argocd = { ...(webhook === undefined ? {} : { webhook }), apps, waited: argocd.wait }
  }
}

// One error annotation per failure, with file and line when the error has them.
function fail(error: unknown): void {
  const { message, ...properties } = annotationOf(error)
  // `::error::message` alone when there is no file, as core.setFailed writes it.
  if (properties.file === undefined) core.error(message)
  else core.error(message, properties)
  process.exitCode = core.ExitCode.Failure
}
