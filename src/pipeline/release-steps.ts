import type { AppState, ArgoCdSettings, PushedCommit, WebhookResult } from '../argocd/types.js'
import { ArgoCdWaitError } from '../argocd/wait-error.js'
import type { EditRequest, FileEdit, FileSource, ImageTarget } from '../edit/types.js'
import type { BuiltImage, CurrentImage } from '../images/build-images.js'
import { renderTemplate } from '../lib/text.js'
import { createMemoryLogger } from '../lib/logger.js'
import { releaseDiff, releaseEdits, type ReleaseState } from '../outputs.js'
import { landedResult } from '../publish/landed-error.js'
import type { PublishResult } from '../publish/publish.js'
import { rollback, rollbackError, type RolledBackError } from '../rollback/rollback.js'
import type { CommitSettings, Settings } from '../settings/settings.js'
import type { CommitText, GitOpsRepository, Stages } from './stages.js'

// The steps of a release, in the order src/main.ts runs them. Each takes the resolved settings
// and the bound stages, records what its stage returned in the release state, and returns what
// the next step needs.

// A digest of the right shape, so the preflight can resolve digest paths before anything is built.
const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`

/** The images as planned before any build: no digest, not built. */
export function plannedImages(settings: Settings): BuiltImage[] {
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

/** The edit request for `images`: the settings' edit inputs with the images to write. */
function editRequest(settings: Settings, images: readonly ImageTarget[]): EditRequest {
  return { ...settings.edit, images }
}

/**
 * A commit's text from a template: `{names}` (the images written; `update` when none is, as
 * with `changes` alone), `{tag}`, `{sha}`, `{short-sha}`.
 */
function commitText(
  settings: Settings,
  commit: CommitSettings,
  images: readonly ImageTarget[],
  template: string
): CommitText {
  const message = renderTemplate(template, {
    names: images.map((image) => image.name).join(', ') || 'update',
    tag: settings.tag,
    sha: settings.vars.sha
  })
  return { message, prTitle: commit.prTitle ?? message.split('\n')[0] ?? message }
}

/**
 * Checks every input and file before any work: build contexts, and every file and path resolved
 * where the edits will land (the branch tip through a dry run of the commit, or the workspace),
 * so a typo costs no build and pushes nothing. With skip-unchanged, returns the tags the files
 * hold now, read from the same files.
 */
export async function checkFiles(
  settings: Settings,
  stages: Stages,
  repository: GitOpsRepository | undefined,
  state: ReleaseState
): Promise<ReadonlyMap<string, CurrentImage> | undefined> {
  const { logger, edits } = stages
  return logger.group('Checking inputs and files', async () => {
    if (settings.build !== undefined) await stages.checkBuildContexts(settings.build)
    // With nothing to build and nothing to push, the edit itself is the first step that can
    // fail, and it writes all or nothing: a preflight would only do the same work twice.
    if (settings.build === undefined && repository === undefined) {
      logger.info('build: false and commit: false: the files are checked as they are edited.')
      return undefined
    }
    const preview = state.images.map((image) => ({
      ...image,
      digest: settings.build === undefined ? '' : PLACEHOLDER_DIGEST
    }))
    const request = editRequest(settings, preview)
    const quiet = createMemoryLogger()
    let current: ReadonlyMap<string, CurrentImage> | undefined
    const compute = async (source: FileSource): Promise<FileEdit[]> => {
      if (settings.build?.skipUnchanged === true) {
        const found = await edits.current(source, editRequest(settings, state.images))
        for (const [name, reason] of found.reasons) {
          logger.info(`skip-unchanged: ${name} is built: ${reason}.`)
        }
        current = found.values
      }
      return edits.plan(source, request, quiet)
    }
    let planned: readonly FileEdit[]
    const { commit } = settings
    if (repository === undefined || commit === undefined) {
      planned = await compute(edits.folder(settings.workspace))
    } else {
      const text = commitText(settings, commit, preview, commit.messages.release)
      planned = (await repository.preview(text, compute, quiet)).edits
    }
    const where = commit === undefined ? 'the workspace' : commit.label
    logger.info(`${planned.length} file(s) to edit in ${where}; every path resolves.`)
    return current
  })
}

/**
 * Builds and pushes the images (or says why nothing is built); returns the images whose values
 * are written: an image skip-unchanged reused keeps its value in the files.
 */
export async function buildImages(
  settings: Settings,
  stages: Stages,
  current: ReadonlyMap<string, CurrentImage> | undefined,
  state: ReleaseState
): Promise<readonly ImageTarget[]> {
  const { build } = settings
  if (build === undefined) {
    if (settings.images.length > 0) stages.logger.info(`${settings.noBuildReason}.`)
    return state.images
  }
  const title = settings.dryRun
    ? 'Building images (dry run: not pushed)'
    : 'Building and pushing images'
  state.images = await stages.logger.group(title, () =>
    stages.buildImages({ ...build, ...(current === undefined ? {} : { current }) })
  )
  return state.images.filter((image) => image.built)
}

/** `commit: false`: edits the workspace's files (a dry run only prints the diff). */
export async function editWorkspace(
  settings: Settings,
  stages: Stages,
  images: readonly ImageTarget[],
  state: ReleaseState
): Promise<void> {
  const { logger, edits } = stages
  state.edits = await logger.group('Editing files', async () => {
    const planned = await edits.plan(
      edits.folder(settings.workspace),
      editRequest(settings, images),
      logger
    )
    if (settings.dryRun) logger.info('dry-run: the files are left as they are.')
    else await edits.write(settings.workspace, planned)
    return planned
  })
  logChanges(state, stages)
}

/** Lands the edits as one commit (compare-and-swap, or a pull request). */
export async function landRelease(
  settings: Settings,
  commit: CommitSettings,
  stages: Stages,
  repository: GitOpsRepository,
  images: readonly ImageTarget[],
  state: ReleaseState
): Promise<PublishResult> {
  const text = commitText(settings, commit, images, commit.messages.release)
  return landEdits(text, editRequest(settings, images), settings.dryRun, stages, repository, state)
}

/**
 * Lands what `request` asks for on the repository's branch as one commit with `text` (a dry run
 * computes the diff and pushes nothing), records the publish result and logs the changes.
 */
export async function landEdits(
  text: CommitText,
  request: EditRequest,
  dryRun: boolean,
  stages: Stages,
  repository: GitOpsRepository,
  state: ReleaseState
): Promise<PublishResult> {
  const title = dryRun ? 'Committing (dry run)' : 'Committing and pushing'
  state.publish = await stages.logger.group(title, () =>
    repository
      .land(text, (source) => stages.edits.plan(source, request, stages.logger))
      .catch((error: unknown) => {
        // A failure after the commit reached the remote still reports what landed.
        const landed = landedResult(error)
        if (landed !== undefined) state.publish = landed
        throw error
      })
  )
  logChanges(state, stages)
  return state.publish
}

/** What deploying a landed commit needs: where it went, its text, how it is rolled back. */
export interface Delivery {
  readonly commit: CommitSettings
  /** The Argo CD stages' settings for the environment the commit went to. */
  readonly argocd: ArgoCdSettings
  readonly rollbackOnFailure: boolean
  /** The landed commit's text. */
  readonly text: CommitText
  /** The rollback commit's message. */
  readonly rollbackMessage: string
}

/** A release's delivery: the top-level Argo CD settings and the release's messages. */
export function releaseDelivery(
  settings: Settings,
  commit: CommitSettings,
  images: readonly ImageTarget[]
): Delivery {
  return {
    commit,
    argocd: settings.argocd,
    rollbackOnFailure: settings.rollbackOnFailure,
    text: commitText(settings, commit, images, commit.messages.release),
    rollbackMessage: commitText(settings, commit, images, commit.messages.rollback).message
  }
}

/**
 * Tells Argo CD of the landed commit and waits for it; with `rollback-on-failure`, a failed wait
 * puts the previous values back and the step fails with what was rolled back.
 */
export async function deploy(
  delivery: Delivery,
  stages: Stages,
  repository: GitOpsRepository,
  landed: PublishResult,
  state: ReleaseState
): Promise<void> {
  const { commit } = delivery
  if (landed.commitSha === '') return
  if (commit.publish.createPr) {
    stages.logger.info(
      'Pull-request mode: Argo CD hears of the change when the pull request is merged.'
    )
    return
  }
  try {
    await tellArgoCd(
      delivery.argocd,
      stages,
      repository,
      pushedCommit(commit, landed, delivery.text),
      state
    )
  } catch (error) {
    if (!(error instanceof ArgoCdWaitError) || !delivery.rollbackOnFailure) throw error
    throw await rollBack(delivery, stages, repository, landed, error, state)
  }
}

// The pushed commit as the Argo CD stages describe it.
function pushedCommit(
  commit: CommitSettings,
  landed: PublishResult,
  text: CommitText
): PushedCommit {
  return {
    repoUrl: commit.repoUrl ?? landed.remoteUrl,
    branch: landed.branch,
    defaultBranch: landed.defaultBranch,
    before: landed.before,
    after: landed.commitSha,
    files: landed.files,
    message: text.message,
    authorName: commit.publish.authorName,
    authorEmail: commit.publish.authorEmail,
    ...(commit.apiUrl === undefined ? {} : { apiUrl: commit.apiUrl })
  }
}

// Webhook first (fast, never fails the run), then refresh, sync and wait through the API.
async function tellArgoCd(
  argocd: ArgoCdSettings,
  stages: Stages,
  repository: GitOpsRepository,
  pushed: PushedCommit,
  state: ReleaseState
): Promise<readonly AppState[]> {
  const { webhook, api } = argocd
  const { logger } = stages
  let delivered: WebhookResult | undefined
  if (webhook !== undefined) {
    delivered = await logger.group('Notifying Argo CD', () =>
      stages.notifyWebhook({ ...webhook, commit: pushed })
    )
  }
  let apps: readonly AppState[] = []
  try {
    if (api !== undefined) {
      apps = await logger.group('Waiting for Argo CD', () =>
        stages.waitForApps({ ...api, commit: pushed }, repository.isDescendant)
      )
    }
    return apps
  } catch (error) {
    // A failed wait still shows where each app got to.
    if (error instanceof ArgoCdWaitError) apps = error.apps
    throw error
  } finally {
    state.argocd = {
      ...(delivered === undefined ? {} : { webhook: delivered }),
      apps,
      waited: api?.wait ?? false
    }
  }
}

// rollback-on-failure: the rollback stage over the same repository and Argo CD stages; returns
// the one error the step fails with (what failed, what was rolled back, where Argo CD stands).
async function rollBack(
  delivery: Delivery,
  stages: Stages,
  repository: GitOpsRepository,
  release: PublishResult,
  failure: ArgoCdWaitError,
  state: ReleaseState
): Promise<RolledBackError> {
  const { logger } = stages
  const { commit } = delivery
  const { webhook, api } = delivery.argocd
  const text: CommitText = { ...delivery.text, message: delivery.rollbackMessage }
  const result = await logger.group('Rolling back', () =>
    rollback<PublishResult>(
      {
        places: release.edits.flatMap((edit) => edit.places ?? []),
        releaseSha: release.commitSha,
        message: text.message
      },
      {
        publish: (message, compute) => repository.land({ ...text, message }, compute),
        ...(webhook === undefined
          ? {}
          : {
              notify: (landed) =>
                stages.notifyWebhook({ ...webhook, commit: pushedCommit(commit, landed, text) })
            }),
        wait: (landed) =>
          api === undefined
            ? Promise.resolve([])
            : stages.waitForApps(
                { ...api, commit: pushedCommit(commit, landed, text) },
                repository.isDescendant
              ),
        logger
      }
    )
  )
  state.rollback = { failure, result }
  return rollbackError(failure, result)
}

function logChanges(state: ReleaseState, stages: Stages): void {
  const changed = releaseEdits(state)
    .filter((edit) => edit.before !== edit.after)
    .map((edit) => edit.path)
  stages.logger.info(
    changed.length === 0
      ? 'No file changed: the tags were already in place.'
      : `Changed ${changed.join(', ')}.`
  )
  const diff = releaseDiff(state)
  if (diff !== '') stages.logger.info(diff)
}
