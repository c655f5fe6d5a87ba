import type { FileEdit, ImageTarget } from '../edit/types.js'
import { createMemoryLogger } from '../lib/logger.js'
import type { BuiltImage } from '../images/build-images.js'
import type { ReleaseState } from '../outputs.js'
import type { PromotionState } from '../promote/outputs.js'
import { readCandidate, type CandidateImage, type NamedImage } from '../promote/candidate.js'
import type { GateResult } from '../promote/gate.js'
import { candidateHolder } from '../promote/holds.js'
import {
  alreadyPromoted,
  imageList,
  promotionBranch,
  promotionMessage,
  promotionRollbackMessage,
  promotionSubject
} from '../promote/naming.js'
import { soakNotice } from '../promote/outputs.js'
import { checkRegistry, type VerifiedImage } from '../promote/registry-check.js'
import { targetEditRequest } from '../promote/target-request.js'
import type { PublishResult } from '../publish/publish.js'
import type { PromotionSettings, Settings } from '../settings/settings.js'
import type { Delivery } from './release-steps.js'
import type { CommitText, GitOpsRepository, Stages } from './stages.js'

// The steps of a promotion, in the order src/main.ts runs them (interface.md, "Environments and
// promotion"). Like the release steps, each records what it found in the run's state.

/** The GitOps repository as each side of a promotion reads or writes it. */
interface PromotionRepositories {
  /** The source environment's branch: the candidate, the revisions the gate asks about. */
  readonly source: GitOpsRepository
  /** The target environment's branch: what it holds now, and where the promotion lands. */
  readonly target: GitOpsRepository
}

/** What both environments hold, read at the tips of their branches. */
interface PromotionFiles {
  /** The candidate: what the source's files hold for each image. */
  readonly candidate: readonly CandidateImage[]
  /** The source branch's tip the candidate was read at. */
  readonly tip: string
  /** What the target's files hold now. */
  readonly held: readonly CandidateImage[]
}

/** The promotion's record before any step ran. */
export function newPromotionState(promotion: PromotionSettings): PromotionState {
  return {
    from: promotion.from.environment.name,
    to: promotion.to.environment.name,
    promoted: false
  }
}

/** The images of `images` by name and repository: what a promotion looks for. */
function namedImages(settings: Settings): NamedImage[] {
  return settings.images.map((image) => ({ name: image.name, repository: image.repository }))
}

/**
 * Opens the source's and the target's branch (one repository when both environments share a
 * branch and the target takes direct commits).
 */
export async function openPromotion(
  promotion: PromotionSettings,
  stages: Stages
): Promise<PromotionRepositories> {
  const from = promotion.from.commit.publish
  const to = promotion.to.commit.publish
  const target = await stages.openRepository(to)
  if (from.branch === to.branch && !to.createPr) return { source: target, target }
  try {
    // The source is only read: its own create-pr does not matter here.
    return { source: await stages.openRepository({ ...from, createPr: false }), target }
  } catch (error) {
    await target.close()
    throw error
  }
}

/**
 * Steps 1 and 2: reads the candidate at the source branch's tip and what the target holds at
 * its own, every file and path of both environments resolved (an image missing from either is
 * an error naming the environment); the target's edit is planned once, so a path that does not
 * resolve there fails now.
 */
export async function readEnvironments(
  settings: Settings,
  promotion: PromotionSettings,
  stages: Stages,
  repositories: PromotionRepositories,
  state: ReleaseState
): Promise<PromotionFiles> {
  const { logger } = stages
  const names = namedImages(settings)
  const { from, to } = promotion
  return logger.group(
    `Reading '${from.environment.name}' and '${to.environment.name}'`,
    async () => {
      const quiet = createMemoryLogger()
      const text: CommitText = { message: 'read', prTitle: 'read' }
      let candidate: CandidateImage[] = []
      const read = await repositories.source.preview(
        text,
        async (files) => {
          candidate = await readCandidate(files, from.environment, names)
          return []
        },
        quiet
      )
      let held: CandidateImage[] = []
      await repositories.target.preview(
        text,
        async (files): Promise<FileEdit[]> => {
          held = await readCandidate(files, to.environment, names)
          return stages.edits.plan(
            files,
            targetEditRequest({
              target: to.environment,
              images: candidate,
              held,
              pinDigest: settings.edit.pinDigest,
              createMissing: settings.edit.createMissing,
              vars: settings.vars
            }),
            quiet
          )
        },
        quiet
      )
      state.images = candidate.map(releaseImage)
      state.tag = commonTag(candidate) ?? state.tag
      const record = promotionRecord(state, promotion)
      record.sourceTip = read.before
      record.images = candidate.map((image) => ({ ...image, recorded: image.digest !== '' }))
      logger.info(
        `Candidate in '${from.environment.name}' at ${read.before.slice(0, 12)}: ${imageList(candidate)}.`
      )
      return { candidate, tip: read.before, held }
    }
  )
}

/**
 * Step 2, re-run: true when the target already holds the candidate (a success with nothing to
 * do, said before the gate is waited for).
 */
export function alreadyThere(
  files: PromotionFiles,
  promotion: PromotionSettings,
  stages: Stages,
  state: ReleaseState
): boolean {
  if (!alreadyPromoted(files.held, files.candidate)) return false
  promotionRecord(state, promotion).alreadyPromoted = true
  stages.logger.info(
    `'${promotion.to.environment.name}' already runs ${imageList(files.candidate)}: nothing to promote.`
  )
  return true
}

/** Step 3: each candidate tag must still point to the recorded digest (manifest requests only). */
export async function verifyRegistry(
  promotion: PromotionSettings,
  stages: Stages,
  files: PromotionFiles,
  state: ReleaseState
): Promise<VerifiedImage[]> {
  const verified = await stages.logger.group('Checking the registry', () =>
    checkRegistry(files.candidate, {
      lookup: (repository, tag) => stages.lookupImage(repository, tag, promotion.credentials),
      logger: stages.logger
    })
  )
  promotionRecord(state, promotion).images = verified
  state.images = verified.map(releaseImage)
  return verified
}

/** Whether the source's files at a revision on its branch hold the candidate (read with git). */
export function holdsCandidateAt(
  settings: Settings,
  promotion: PromotionSettings,
  repositories: PromotionRepositories,
  files: PromotionFiles
): (revision: string) => Promise<boolean> {
  const { source } = repositories
  return candidateHolder(promotion.from.environment, namedImages(settings), files.candidate, {
    sourceAt: (revision) => source.sourceAt(revision),
    onBranch: (revision) => source.isDescendant(revision, files.tip)
  })
}

/**
 * Step 4: every source app Synced and Healthy at a revision that holds the candidate, waited for
 * up to `argocd-timeout`. A source without apps has no gate: the tip stands for it (warned).
 */
export async function passGate(
  promotion: PromotionSettings,
  stages: Stages,
  files: PromotionFiles,
  holds: (revision: string) => Promise<boolean>,
  state: ReleaseState
): Promise<GateResult> {
  const { from } = promotion
  const record = promotionRecord(state, promotion)
  const api = from.argocd.api
  if (api === undefined) {
    record.sourceRevision = files.tip
    record.sourceHealth = 'not checked: the environment has no argocd-app'
    return { revision: files.tip, applications: [] }
  }
  const gate = await stages.logger.group(`Waiting for '${from.environment.name}' to run it`, () =>
    stages.waitForGate(
      {
        environment: from.environment.name,
        apps: api.apps,
        server: api.server,
        token: api.token,
        insecure: api.insecure,
        timeoutSeconds: promotion.gateTimeoutSeconds
      },
      holds
    )
  )
  record.sourceRevision = gate.revision
  record.sourceHealth = 'Synced and Healthy'
  return gate
}

/**
 * Step 5: with a soak on the target, true once the source has run the candidate long enough;
 * otherwise a notice says how long remains and the run ends successfully, writing nothing.
 */
export async function soaked(
  promotion: PromotionSettings,
  stages: Stages,
  gate: GateResult,
  holds: (revision: string) => Promise<boolean>,
  state: ReleaseState
): Promise<boolean> {
  const soakSeconds = promotion.to.environment.soakSeconds
  if (soakSeconds === undefined) return true
  const from = promotion.from.environment.name
  const result = await stages.measureSoak(
    { applications: gate.applications, soakSeconds, environment: from },
    holds
  )
  const record = promotionRecord(state, promotion)
  record.soakSeconds = soakSeconds
  record.soakRemaining = result.remainingSeconds
  if (result.remainingSeconds === 0) return true
  stages.notice(soakNotice(from, promotion.to.environment.name, result.remainingSeconds))
  return false
}

/**
 * The promotion commit's text: `chore(promote): {images} to {env} [skip ci]` with the trailer
 * `Promoted-from: {from}@{R}`; with the target's `create-pr`, the branch `promote/{env}/{short}`.
 */
export function promotionText(
  promotion: PromotionSettings,
  images: readonly ImageTarget[],
  revision: string
): CommitText {
  const to = promotion.to.environment.name
  const commit = promotion.to.commit
  return {
    message: promotionMessage(images, to, promotion.from.environment.name, revision),
    prTitle: commit.prTitle ?? promotionSubject(images, to),
    prBranch: promotionBranch(to, images)
  }
}

/** What deploying the promotion needs: the target's apps and the promotion's messages. */
export function promotionDelivery(
  settings: Settings,
  promotion: PromotionSettings,
  images: readonly ImageTarget[],
  text: CommitText
): Delivery {
  return {
    commit: promotion.to.commit,
    argocd: promotion.to.argocd,
    rollbackOnFailure: settings.rollbackOnFailure,
    text,
    rollbackMessage: promotionRollbackMessage(images, promotion.to.environment.name)
  }
}

/** Step 6's request: the candidate written into the target's files as its paths hold them. */
export function promotionRequest(
  settings: Settings,
  promotion: PromotionSettings,
  files: PromotionFiles,
  images: readonly ImageTarget[]
): ReturnType<typeof targetEditRequest> {
  return targetEditRequest({
    target: promotion.to.environment,
    images,
    held: files.held,
    pinDigest: settings.edit.pinDigest,
    createMissing: settings.edit.createMissing,
    vars: settings.vars
  })
}

/** Records whether the landing promoted anything (a dry run never does). */
export function recordLanding(
  settings: Settings,
  promotion: PromotionSettings,
  landed: PublishResult,
  state: ReleaseState
): void {
  promotionRecord(state, promotion).promoted =
    !settings.dryRun && landed.changed && landed.commitSha !== ''
}

// The run's promotion record, made on first use.
function promotionRecord(state: ReleaseState, promotion: PromotionSettings): PromotionState {
  state.promotion ??= newPromotionState(promotion)
  return state.promotion
}

function releaseImage(image: ImageTarget): BuiltImage {
  return {
    name: image.name,
    repository: image.repository,
    tag: image.tag,
    digest: image.digest,
    ref: `${image.repository}:${image.tag}`,
    seconds: 0,
    built: false,
    metadata: {},
    fingerprint: ''
  }
}

// The `tag` output of a promotion: the tag every image shares, if they share one.
function commonTag(images: readonly ImageTarget[]): string | undefined {
  const tags = new Set(images.map((image) => image.tag))
  return tags.size === 1 ? [...tags][0] : undefined
}
