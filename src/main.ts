import * as core from '@actions/core'
import { composeStages } from './compose.js'
import { annotationOf, errorMessage } from './lib/errors.js'
import { createCoreRuntime, type Runtime } from './lib/runtime.js'
import { coreLogger, type Logger } from './lib/logger.js'
import { newReleaseState, outputValues, type ReleaseState } from './outputs.js'
import {
  buildImages,
  checkFiles,
  deploy,
  editWorkspace,
  landEdits,
  landRelease,
  plannedImages,
  releaseDelivery
} from './pipeline/release-steps.js'
import {
  alreadyThere,
  holdsCandidateAt,
  newPromotionState,
  openPromotion,
  passGate,
  promotionDelivery,
  promotionRequest,
  promotionText,
  readEnvironments,
  recordLanding,
  soaked,
  verifyRegistry
} from './pipeline/promote-steps.js'
import type { Stages } from './pipeline/stages.js'
import { fallbackTag, readSettings } from './settings/inputs.js'
import type { PromotionSettings, Settings } from './settings/settings.js'
import { renderSummary } from './summary.js'

/**
 * A release, in the order of work (interface.md, "The job, in one step"): check every input and
 * file, build and push the images, edit the files and land them as one commit, then tell Argo
 * CD and wait for it. Each step records its stage's result in `state`.
 */
export async function release(
  settings: Settings,
  stages: Stages,
  state: ReleaseState
): Promise<void> {
  state.images = plannedImages(settings)
  const { commit } = settings
  // Opened once: the preflight, the commit, the ancestry check and a rollback share it.
  const repository = commit === undefined ? undefined : await stages.openRepository(commit.publish)
  try {
    const current = await checkFiles(settings, stages, repository, state)
    const images = await buildImages(settings, stages, current, state)
    if (commit === undefined || repository === undefined) {
      await editWorkspace(settings, stages, images, state)
      return
    }
    const landed = await landRelease(settings, commit, stages, repository, images, state)
    await deploy(releaseDelivery(settings, commit, images), stages, repository, landed, state)
  } finally {
    await repository?.close()
  }
}

/**
 * A promotion: the release's stages in another order (interface.md, "Environments and
 * promotion"). Reads both environments, stops at once when the target has the candidate, checks
 * the registry, waits for the source's gate, measures the soak (not yet: a notice, success),
 * then lands the target's edit and deploys it as a release is deployed.
 */
export async function promote(
  settings: Settings,
  promotion: PromotionSettings,
  stages: Stages,
  state: ReleaseState
): Promise<void> {
  state.promotion = newPromotionState(promotion)
  for (const warning of promotion.warnings) stages.logger.warning(warning)
  const repositories = await openPromotion(promotion, stages)
  try {
    const files = await readEnvironments(settings, promotion, stages, repositories, state)
    if (alreadyThere(files, promotion, stages, state)) return
    const images = await verifyRegistry(promotion, stages, files, state)
    const holds = holdsCandidateAt(settings, promotion, repositories, files)
    const gate = await passGate(promotion, stages, files, holds, state)
    if (!(await soaked(promotion, stages, gate, holds, state))) return
    const text = promotionText(promotion, images, gate.revision)
    const request = promotionRequest(settings, promotion, files, images)
    const { target } = repositories
    const landed = await landEdits(text, request, settings.dryRun, stages, target, state)
    recordLanding(settings, promotion, landed, state)
    await deploy(
      promotionDelivery(settings, promotion, images, text),
      stages,
      target,
      landed,
      state
    )
  } finally {
    await repositories.target.close()
    if (repositories.source !== repositories.target) await repositories.source.close()
  }
}

/** What `run` needs from the runner; replaceable so a test can see every output and failure. */
interface RunDeps {
  readonly runtime: Runtime
  readonly logger: Logger
  /** The runner's environment, read here and handed to the settings layer alone. */
  readonly env: NodeJS.ProcessEnv
  /** The composition root: the stages with their real dependencies. */
  readonly compose: (settings: Settings, runtime: Runtime, logger: Logger) => Stages
  /** Fails the step with one error annotation. */
  readonly fail: (error: unknown) => void
}

/** The runner's services: one Runtime over @actions/core, the core logger, the real stages. */
export function coreRunDeps(runtime: Runtime = createCoreRuntime()): RunDeps {
  return { runtime, logger: coreLogger, env: process.env, compose: composeStages, fail }
}

/**
 * Runs the action; the only place that fails the step. Outputs and the job summary are written
 * whatever fails, input validation included, with what is known by then.
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
    const stages = deps.compose(settings, runtime, logger)
    if (settings.promotion === undefined) await release(settings, stages, state)
    else await promote(settings, settings.promotion, stages, state)
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

// One error annotation per failure, with file and line when the error has them.
function fail(error: unknown): void {
  const { message, ...properties } = annotationOf(error)
  // `::error::message` alone when there is no file, as core.setFailed writes it.
  if (properties.file === undefined) core.error(message)
  else core.error(message, properties)
  // 1, not core.ExitCode.Failure: @github/local-action's stand-in for @actions/core has no
  // ExitCode, and the runner reads any non-zero code as a failure.
  process.exitCode = 1
}
