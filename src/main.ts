import * as core from '@actions/core'
import { ActionError, errorMessage } from './errors.js'
import { getInputs } from './inputs.js'
import { coreLogger, createMemoryLogger, type Logger } from './logger.js'
import { newReleaseState, outputValues, type ReleaseState } from './outputs.js'
import { renderSummary } from './summary.js'
import type { Settings } from './settings/settings.js'
import {
  buildOptions,
  editRequest,
  publishOptions,
  pushedCommit
} from './settings/stage-options.js'
import type { EditRequest, FileEdit, FileSource, ImageTarget } from './edit/types.js'
import { computeEdits } from './edit/compute-edits.js'
import { createWorkspaceSource } from './edit/workspace-source.js'
import { writeEdits } from './edit/write-edits.js'
import { unifiedDiff } from './edit/unified-diff.js'
import { buildImages } from './build/build-images.js'
import { checkBuildContexts } from './build/check-contexts.js'
import { createDocker } from './build/docker.js'
import { publish } from './publish/publish.js'
import type { AppState, PushedCommit, WebhookResult } from './argocd/types.js'
import { notifyWebhook } from './argocd/webhook.js'
import { refreshAndWait } from './argocd/wait.js'
import { ArgoCdWaitError } from './argocd/wait-error.js'
import { argoCdOutputs, argoCdSummary } from './argocd/summary.js'
import type { PublishResult } from './publish/publish.js'
import { renderTemplate } from './lib/text.js'
import { rollback, rollbackError, type RolledBackError } from './rollback/rollback.js'
import { rollbackSummary } from './rollback/summary.js'

// A digest of the right shape, so the preflight can resolve digest paths before anything is built.
const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`

/** The side-effecting stage entry points, injectable so the orchestration can be tested. */
export interface ReleaseStages {
  readonly buildImages: (
    options: ReturnType<typeof buildOptions>,
    logger: Logger
  ) => ReturnType<typeof buildImages>
  readonly publish: typeof publish
  readonly notifyWebhook: typeof notifyWebhook
  readonly refreshAndWait: typeof refreshAndWait
}

/** The real stages. */
export const realStages: ReleaseStages = {
  buildImages: (options, logger) => buildImages(options, createDocker(), logger),
  publish,
  notifyWebhook,
  refreshAndWait
}

/** Runs the action: every stage in order; the only place that fails the step. */
export async function run(): Promise<void> {
  let state: ReleaseState | undefined
  let failure: unknown
  try {
    const settings = getInputs()
    state = newReleaseState(settings.tag)
    await release(settings, coreLogger, state)
  } catch (error) {
    failure = error
  }
  // Outputs and summary are written even after a failure: a later `if: failure()` step still
  // learns which commit landed and where Argo CD stood.
  if (state !== undefined) {
    if (failure !== undefined) state.failure = errorMessage(failure)
    for (const [name, value] of Object.entries(outputValues(state))) core.setOutput(name, value)
    await writeSummary(renderSummary(state))
  }
  if (failure !== undefined) fail(failure)
}

/** The stages in order: preflight, build, edit, commit, Argo CD; `state` records each result. */
export async function release(
  settings: Settings,
  logger: Logger,
  state: ReleaseState,
  stages: ReleaseStages = realStages
): Promise<void> {
  const request = (images: readonly ImageTarget[]): EditRequest => editRequest(settings, images)
  state.images = plannedImages(settings)

  await logger.group('Checking inputs and files', async () => {
    if (settings.build) await checkBuildContexts(buildOptions(settings))
    // Every file and path is resolved now, so a typo costs no build and pushes nothing.
    const preview = state.images.map((image) => ({
      ...image,
      digest: settings.build ? PLACEHOLDER_DIGEST : ''
    }))
    const edits = await preflightEdits(settings, request(preview), stages)
    const where = settings.commit ? settings.targetName : 'the workspace'
    logger.info(`${edits.length} file(s) to edit in ${where}; every path resolves.`)
  })

  if (settings.build) {
    const built = await logger.group(
      settings.dryRun ? 'Building images (dry run: not pushed)' : 'Building and pushing images',
      () => stages.buildImages(buildOptions(settings), logger)
    )
    state.images = built.map((image) => ({
      name: image.name,
      repository: image.repository,
      tag: image.tag,
      digest: image.digest
    }))
    for (const image of built) state.buildSeconds.set(image.name, image.seconds)
  } else {
    logger.info('build: false, so no image is built; the image names only drive the tag edits.')
  }

  const images = state.images
  const compute = (source: FileSource): Promise<FileEdit[]> =>
    computeEdits(source, request(images), logger)

  if (!settings.commit) {
    state.edits = await logger.group('Editing files', async () => {
      const planned = await compute(createWorkspaceSource(settings.workspace))
      if (settings.dryRun) logger.info('dry-run: the files are left as they are.')
      else await writeEdits(settings.workspace, planned)
      return planned
    })
    state.changed = state.edits.some((edit) => edit.before !== edit.after)
    state.diff = unifiedDiff(state.edits)
    logChanges(state, logger)
    return
  }

  const published = await logger.group(
    settings.dryRun ? 'Committing (dry run)' : 'Committing and pushing',
    () => stages.publish(publishOptions(settings, images), compute, logger)
  )
  state.edits = published.edits
  state.diff = published.diff
  state.changed = published.changed
  state.commitSha = published.commitSha
  state.commitUrl = published.commitUrl
  state.branch = published.branch
  if (published.prNumber !== undefined) state.prNumber = published.prNumber
  if (published.prUrl !== undefined) state.prUrl = published.prUrl
  logChanges(state, logger)

  if (published.commitSha === '') return
  if (settings.createPr) {
    logger.info('Pull-request mode: Argo CD hears of the change when the pull request is merged.')
    return
  }
  // ---- rollback-on-failure (issue 13): begin ----
  try {
    await tellArgoCd(settings, pushedCommit(settings, published, images), logger, state, stages)
  } catch (error) {
    if (!(error instanceof ArgoCdWaitError) || !settings.rollbackOnFailure) throw error
    throw await rollBackRelease(settings, images, published, error, logger, state, stages)
  }
  // ---- rollback-on-failure: end ----
}

// ---- rollback-on-failure (issue 13): begin ----
// Runs the rollback stage over the publish and Argo CD stages, records it, and returns the one
// error the step fails with (what failed, what was rolled back, where Argo CD stands now).
async function rollBackRelease(
  settings: Settings,
  images: readonly ImageTarget[],
  release: PublishResult,
  failure: ArgoCdWaitError,
  logger: Logger,
  state: ReleaseState,
  stages: ReleaseStages
): Promise<RolledBackError> {
  const message = renderTemplate(ROLLBACK_MESSAGE, {
    names: images.map((image) => image.name).join(', ') || 'changes',
    tag: settings.tag,
    sha: settings.sha
  })
  const commitOf = (landed: PublishResult): PushedCommit => ({
    ...pushedCommit(settings, landed, images),
    message
  })
  const options = settings.argocd
  const webhookUrl = options.webhookUrl
  const result = await logger.group('Rolling back', () =>
    rollback<PublishResult>(
      { edits: release.edits, releaseSha: release.commitSha, message },
      {
        publish: (text, compute) =>
          stages.publish({ ...publishOptions(settings, images), message: text }, compute, logger),
        ...(webhookUrl === undefined
          ? {}
          : { notify: (landed) => stages.notifyWebhook(options, commitOf(landed), logger) }),
        wait: (landed) => stages.refreshAndWait(options, commitOf(landed), logger),
        logger
      }
    )
  )
  state.rollback = result
  state.summarySections.push(rollbackSummary(failure, result))
  if (result.wait.kind !== 'not-run' && result.wait.apps.length > 0) {
    // The argocd-* outputs are the last state seen: after the rollback's wait.
    const outputs = argoCdOutputs(result.wait.apps)
    state.argocd = {
      revision: outputs['argocd-revision'],
      syncStatus: outputs['argocd-sync-status'],
      healthStatus: outputs['argocd-health-status']
    }
  }
  return rollbackError(failure, result)
}

/** The rollback commit's message (interface: `revert(release): {names} {tag} [skip ci]`). */
const ROLLBACK_MESSAGE = 'revert(release): {names} {tag} [skip ci]'
// ---- rollback-on-failure: end ----

/** The images as planned before any build: no digests yet. */
function plannedImages(settings: Settings): ImageTarget[] {
  return settings.images.map((image) => ({
    name: image.name,
    repository: image.repository,
    tag: settings.tag,
    digest: ''
  }))
}

// The files to check live where the edits will land: the workspace (commit: false), or the
// branch tip of the GitOps repository, read through a dry run of the publish stage.
async function preflightEdits(
  settings: Settings,
  request: EditRequest,
  stages: ReleaseStages
): Promise<readonly FileEdit[]> {
  const quiet = createMemoryLogger()
  if (!settings.commit) {
    return computeEdits(createWorkspaceSource(settings.workspace), request, quiet)
  }
  const result = await stages.publish(
    { ...publishOptions(settings, request.images), dryRun: true },
    (source) => computeEdits(source, request, quiet),
    quiet
  )
  return result.edits
}

function logChanges(state: ReleaseState, logger: Logger): void {
  const changed = state.edits.filter((edit) => edit.before !== edit.after).map((e) => e.path)
  logger.info(
    changed.length === 0
      ? 'No file changed: the tags were already in place.'
      : `Changed ${changed.join(', ')}.`
  )
  if (state.diff !== '') logger.info(state.diff)
}

// Webhook first (fast, never fails the run), then refresh, sync and wait through the API.
async function tellArgoCd(
  settings: Settings,
  commit: PushedCommit,
  logger: Logger,
  state: ReleaseState,
  stages: ReleaseStages
): Promise<void> {
  const options = settings.argocd
  let webhook: WebhookResult | undefined
  if (options.webhookUrl !== undefined) {
    webhook = await logger.group('Notifying Argo CD', () =>
      stages.notifyWebhook(options, commit, logger)
    )
  }
  let apps: readonly AppState[] = []
  try {
    if (options.server !== undefined && options.apps.length > 0) {
      apps = await logger.group('Waiting for Argo CD', () =>
        stages.refreshAndWait(options, commit, logger)
      )
    }
  } catch (error) {
    // A failed wait still shows where each app got to.
    if (error instanceof ArgoCdWaitError) apps = error.apps
    throw error
  } finally {
    if (webhook !== undefined || apps.length > 0) {
      state.summarySections.push(argoCdSummary(webhook, apps))
    }
    if (options.wait && apps.length > 0) {
      const outputs = argoCdOutputs(apps)
      state.argocd = {
        revision: outputs['argocd-revision'],
        syncStatus: outputs['argocd-sync-status'],
        healthStatus: outputs['argocd-health-status']
      }
    }
  }
}

async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '')
    return
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}

// One error annotation per failure, with file and line when the error has them.
function fail(error: unknown): void {
  const message = errorMessage(error)
  const location = error instanceof ActionError ? error.location : {}
  if (location.file === undefined) {
    core.setFailed(message)
    return
  }
  core.error(message, {
    title: 'gitops-release',
    file: location.file,
    ...(location.line === undefined ? {} : { startLine: location.line }),
    ...(location.column === undefined ? {} : { startColumn: location.column })
  })
  process.exitCode = core.ExitCode.Failure
}
