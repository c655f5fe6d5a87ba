import * as core from '@actions/core'
import { ActionError, errorMessage } from './errors.js'
import { getInputs } from './inputs.js'
import { coreLogger, createMemoryLogger, type Logger } from './logger.js'
import { imagesOutput, outputValues, type ReleaseResult } from './outputs.js'
import { renderSummary } from './summary.js'
import { renderTemplate } from './settings/templates.js'
import type { Settings } from './settings/settings.js'
import type { EditRequest, FileEdit, FileSource, ImageTarget } from './edit/types.js'
import { computeEdits } from './edit/compute-edits.js'
import { createWorkspaceSource } from './edit/workspace-source.js'
import { writeEdits } from './edit/write-edits.js'
import { unifiedDiff } from './edit/unified-diff.js'
import { buildImages, type BuildOptions } from './build/build-images.js'
import { checkBuildContexts } from './build/check-contexts.js'
import { createDocker } from './build/docker.js'
import { publish, type PublishOptions, type PublishResult } from './publish/publish.js'
import type { ArgoCdOptions, AppState, PushedCommit, WebhookResult } from './argocd/types.js'
import { notifyWebhook } from './argocd/webhook.js'
import { refreshAndWait } from './argocd/wait.js'
import { ArgoCdWaitError } from './argocd/wait-error.js'
import { argoCdOutputs, argoCdSummary } from './argocd/summary.js'

// A digest of the right shape, so the preflight can resolve digest paths before anything is built.
const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`

/** Runs the action: every stage in order; the only place that fails the step. */
export async function run(): Promise<void> {
  try {
    const settings = getInputs()
    const result = await release(settings, coreLogger)
    for (const [name, value] of Object.entries(outputValues(result))) core.setOutput(name, value)
    await writeSummary(result)
  } catch (error) {
    fail(error)
  }
}

/** The stages in order: preflight, build, edit, commit, Argo CD. */
export async function release(settings: Settings, logger: Logger): Promise<ReleaseResult> {
  const request = (images: readonly ImageTarget[]): EditRequest => editRequest(settings, images)
  const plannedImages = settings.images.map((image) => ({
    name: image.name,
    repository: image.repository,
    tag: settings.tag,
    digest: ''
  }))

  await logger.group('Checking inputs and files', async () => {
    if (settings.build) await checkBuildContexts(buildOptions(settings))
    // Every file and path is resolved now, so a typo costs no build and pushes nothing.
    const preview = plannedImages.map((image) => ({
      ...image,
      digest: settings.build ? PLACEHOLDER_DIGEST : ''
    }))
    const edits = await preflightEdits(settings, request(preview))
    const where =
      settings.commit && settings.target.kind === 'remote' ? settings.targetName : 'the workspace'
    logger.info(`${edits.length} file(s) to edit in ${where}; every path resolves.`)
  })

  let images: readonly ImageTarget[] = plannedImages
  const buildSeconds = new Map<string, number>()
  if (settings.build) {
    const built = await logger.group(
      settings.dryRun ? 'Building images (dry run: not pushed)' : 'Building and pushing images',
      () => buildImages(buildOptions(settings), createDocker(), logger)
    )
    images = built.map((image) => ({
      name: image.name,
      repository: image.repository,
      tag: image.tag,
      digest: image.digest
    }))
    for (const image of built) buildSeconds.set(image.name, image.seconds)
  } else {
    logger.info('build: false, so no image is built; the image names only drive the tag edits.')
  }
  core.setOutput('images', imagesOutput(images))

  const compute = (source: FileSource): Promise<FileEdit[]> =>
    computeEdits(source, request(images), logger)

  let edits: readonly FileEdit[]
  let published: PublishResult | undefined
  if (settings.commit) {
    published = await logger.group(
      settings.dryRun ? 'Committing (dry run)' : 'Committing and pushing',
      () => publish(publishOptions(settings, images), compute, logger)
    )
    edits = published.edits
  } else {
    edits = await logger.group('Editing files', async () => {
      const planned = await compute(createWorkspaceSource(settings.workspace))
      if (settings.dryRun) logger.info('dry-run: the files are left as they are.')
      else await writeEdits(settings.workspace, planned)
      return planned
    })
  }
  const diff = unifiedDiff(edits)
  const changedFiles = edits.filter((edit) => edit.before !== edit.after).map((edit) => edit.path)
  logger.info(
    changedFiles.length === 0
      ? 'No file changed: the tags were already in place.'
      : `Changed ${changedFiles.join(', ')}.`
  )
  if (diff !== '') logger.info(diff)

  const summarySections: string[] = []
  let argocd: ReleaseResult['argocd']
  if (published !== undefined && published.commitSha !== '' && !settings.createPr) {
    const outcome = await tellArgoCd(settings, pushedCommit(settings, published, images), logger)
    summarySections.push(outcome.summary)
    argocd = outcome.state
  } else if (published !== undefined && settings.createPr && published.commitSha !== '') {
    logger.info('Pull-request mode: Argo CD is told when the pull request is merged, not now.')
  }

  return {
    tag: settings.tag,
    images,
    buildSeconds,
    edits,
    diff,
    changed: published === undefined ? changedFiles.length > 0 : published.changed,
    commitSha: published?.commitSha ?? '',
    commitUrl: published?.commitUrl ?? '',
    branch: published?.branch ?? '',
    ...(published?.prNumber === undefined ? {} : { prNumber: published.prNumber }),
    ...(published?.prUrl === undefined ? {} : { prUrl: published.prUrl }),
    summarySections,
    ...(argocd === undefined ? {} : { argocd })
  }
}

// The files to check live where the edits will land: the workspace, or the GitOps repository's
// branch tip (read through a dry run of the publish stage, which clones it shallowly).
async function preflightEdits(settings: Settings, request: EditRequest): Promise<FileEdit[]> {
  const quiet = createMemoryLogger()
  if (!settings.commit || settings.target.kind === 'workspace') {
    return computeEdits(createWorkspaceSource(settings.workspace), request, quiet)
  }
  const result = await publish(
    { ...publishOptions(settings, request.images), dryRun: true },
    (source) => computeEdits(source, request, quiet),
    quiet
  )
  return [...result.edits]
}

function editRequest(settings: Settings, images: readonly ImageTarget[]): EditRequest {
  return {
    images,
    valuesFiles: settings.valuesFiles,
    valuesFileIsDefault: settings.valuesFileIsDefault,
    tagPath: settings.tagPath,
    ...(settings.repositoryPath === undefined ? {} : { repositoryPath: settings.repositoryPath }),
    ...(settings.digestPath === undefined ? {} : { digestPath: settings.digestPath }),
    kustomizations: settings.kustomizations,
    manifests: settings.manifests,
    pinDigest: settings.pinDigest,
    changes: settings.changes,
    createMissing: settings.createMissing,
    vars: { tag: settings.tag, sha: settings.sha, shortSha: settings.shortSha }
  }
}

function buildOptions(settings: Settings): BuildOptions {
  return {
    images: settings.images,
    tag: settings.tag,
    workspace: settings.workspace,
    registry: settings.registry,
    ...(settings.username === undefined ? {} : { username: settings.username }),
    ...(settings.password === undefined ? {} : { password: settings.password }),
    ...(settings.platforms === undefined ? {} : { platforms: settings.platforms }),
    buildArgs: settings.buildArgs,
    ...(settings.cacheFrom === undefined ? {} : { cacheFrom: settings.cacheFrom }),
    ...(settings.cacheTo === undefined ? {} : { cacheTo: settings.cacheTo }),
    ...(settings.builder === undefined ? {} : { builder: settings.builder }),
    maxParallel: settings.maxParallel,
    push: !settings.dryRun,
    act: settings.github.act
  }
}

function publishOptions(settings: Settings, images: readonly ImageTarget[]): PublishOptions {
  const message = renderTemplate(settings.message, {
    names: images.map((image) => image.name).join(', ') || 'changes',
    tag: settings.tag,
    sha: settings.sha,
    shortSha: settings.shortSha
  })
  const [owner, repo] = githubRepository(settings)
  return {
    workspace: settings.workspace,
    target: settings.target,
    ...(settings.branch === undefined ? {} : { branch: settings.branch }),
    ...(settings.github.branch === undefined ? {} : { workflowBranch: settings.github.branch }),
    ...(settings.token === undefined ? {} : { token: settings.token }),
    message,
    authorName: settings.authorName,
    authorEmail: settings.authorEmail,
    pushAttempts: settings.pushAttempts,
    mode: settings.commitMode,
    createPr: settings.createPr,
    prBranch: `release/${settings.tag}`,
    prTitle: settings.prTitle ?? message.split('\n')[0] ?? message,
    prLabels: settings.prLabels,
    dryRun: settings.dryRun,
    tempDir: settings.github.runnerTemp,
    github: {
      serverUrl: settings.github.serverUrl,
      apiUrl: settings.github.apiUrl,
      graphqlUrl: settings.github.graphqlUrl,
      ...(owner === undefined || repo === undefined ? {} : { repository: { owner, repo } })
    }
  }
}

// OWNER/NAME of the commit target when it is on this GitHub server.
function githubRepository(settings: Settings): [string | undefined, string | undefined] {
  const name =
    settings.target.kind === 'workspace'
      ? settings.github.repository
      : settings.target.url.startsWith(`${settings.github.serverUrl}/`)
        ? settings.target.url.slice(settings.github.serverUrl.length + 1).replace(/\.git$/, '')
        : ''
  const [owner = '', repo = ''] = name.split('/')
  return owner === '' || repo === '' ? [undefined, undefined] : [owner, repo]
}

function pushedCommit(
  settings: Settings,
  published: PublishResult,
  images: readonly ImageTarget[]
): PushedCommit {
  const repoUrl =
    settings.argocd.repoUrl ??
    (settings.target.kind === 'workspace'
      ? `${settings.github.serverUrl}/${settings.github.repository}`
      : published.remoteUrl)
  return {
    repoUrl,
    branch: published.branch,
    defaultBranch: published.defaultBranch,
    before: published.before,
    after: published.commitSha,
    files: published.files,
    message: publishOptions(settings, images).message,
    authorName: settings.authorName,
    authorEmail: settings.authorEmail
  }
}

// Webhook first (fast, never fails the run), then refresh, sync and wait through the API.
async function tellArgoCd(
  settings: Settings,
  commit: PushedCommit,
  logger: Logger
): Promise<{ summary: string; state: ReleaseResult['argocd'] }> {
  const options: ArgoCdOptions = settings.argocd
  let webhook: WebhookResult | undefined
  if (options.webhookUrl !== undefined) {
    webhook = await logger.group('Notifying Argo CD', () => notifyWebhook(options, commit, logger))
  }
  let apps: readonly AppState[] = []
  if (options.server !== undefined && options.apps.length > 0) {
    try {
      apps = await logger.group('Waiting for Argo CD', () =>
        refreshAndWait(options, commit, logger)
      )
    } catch (error) {
      if (error instanceof ArgoCdWaitError) {
        // The outputs and summary still show where each app got to.
        setArgoCdOutputs(error.apps, options.wait)
        await writeSummaryText(argoCdSummary(webhook, error.apps))
      }
      throw error
    }
  }
  const outputs = argoCdOutputs(apps)
  return {
    summary: webhook === undefined && apps.length === 0 ? '' : argoCdSummary(webhook, apps),
    state: options.wait
      ? {
          revision: outputs['argocd-revision'],
          syncStatus: outputs['argocd-sync-status'],
          healthStatus: outputs['argocd-health-status']
        }
      : undefined
  }
}

function setArgoCdOutputs(apps: readonly AppState[], wait: boolean): void {
  if (!wait) return
  for (const [name, value] of Object.entries(argoCdOutputs(apps))) core.setOutput(name, value)
}

async function writeSummaryText(text: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '')
    return
  try {
    await core.summary.addRaw(text, true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}

async function writeSummary(result: ReleaseResult): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '')
    return
  try {
    await core.summary.addRaw(renderSummary(result), true).write()
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
