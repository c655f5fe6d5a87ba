import type { EditRequest, EditVars, ImageTarget } from '../edit/types.js'
import { sameRepository } from '../lib/image-ref.js'
import type { ValuePlacement } from '../settings/environments.js'
import type { CandidateImage } from './candidate.js'

/** What the target edit request is built from. */
interface TargetRequestOptions {
  /** The target environment (where its image values live). */
  readonly target: ValuePlacement
  /** The candidate, its digests confirmed by the registry. */
  readonly images: readonly ImageTarget[]
  /** What the target's files hold now (readCandidate on the target): decides where a digest goes. */
  readonly held: readonly CandidateImage[]
  /** `pin-digest`. */
  readonly pinDigest: boolean
  /** `create-missing`. */
  readonly createMissing: boolean
  /** The run's template values (only `changes` would use them). */
  readonly vars: EditVars
}

/**
 * The EditRequest that makes the existing edit engine write the candidate into the target's
 * files as the target's paths hold them: tag at `tag-path`, repository at `repository-path`,
 * digest at `digest-path` (a repository the target already names, in another spelling, keeps
 * its spelling); `REPOSITORY:TAG` at `ref-path` (the engine adds `@DIGEST` where the target's
 * reference holds one, or with `pin-digest`);
 * kustomization `newTag` (and `digest` where the entry pins one); manifest images, with their
 * digest when the target's manifests pin one or with `pin-digest`. Top-level `changes` are not
 * part of a promotion.
 */
export function targetEditRequest(options: TargetRequestOptions): EditRequest {
  const { target, held } = options
  // The same repository written another way (`acme/x`, `docker.io/acme/x`) keeps the target's
  // spelling, so a promotion changes no byte it does not have to.
  const images = options.images.map((image): ImageTarget => {
    const known = held.find((h) => h.name === image.name)?.repository
    return known !== undefined && sameRepository(known, image.repository)
      ? { ...image, repository: known }
      : image
  })
  const manifestsPinned = held.some(
    (image) =>
      images.some((wanted) => wanted.name === image.name) &&
      image.sightings.some(
        (s) => s.kind === 'manifests' && s.digest !== undefined && s.digest !== ''
      )
  )
  return {
    images,
    valuesFiles: target.valuesFiles,
    valuesFileIsDefault: false,
    tagPath: target.tagPath ?? '',
    ...(target.repositoryPath === undefined ? {} : { repositoryPath: target.repositoryPath }),
    ...(target.digestPath === undefined ? {} : { digestPath: target.digestPath }),
    ...(target.refPath === undefined ? {} : { refPath: target.refPath }),
    kustomizations: target.kustomizations,
    manifests: target.manifests,
    pinDigest: options.pinDigest || manifestsPinned,
    changes: '',
    createMissing: options.createMissing,
    vars: options.vars
  }
}
