import type { ImageTarget } from '../edit/types.js'
import type { ImageLookup } from '../images/registry-api.js'
import type { Logger } from '../lib/logger.js'
import type { CandidateImage } from './candidate.js'
import { PromotionError } from '../lib/errors.js'

/** What the registry check needs. */
interface RegistryCheckDeps {
  /**
   * What the registry holds under `repository:tag` (images/registry-api's lookupImage, bound
   * by the composition root).
   */
  readonly lookup: (repository: string, tag: string) => Promise<ImageLookup>
  readonly logger: Pick<Logger, 'info'>
}

/** An image of the candidate with the digest the registry confirmed. */
export interface VerifiedImage extends ImageTarget {
  /** True when the source's files recorded the digest; false when it was read from the registry. */
  readonly recorded: boolean
}

/**
 * Checks each candidate tag against the registry: it must still resolve to the digest the
 * source recorded; with no recorded digest, the registry's digest is taken (and said). Returns
 * the images with their digests, in candidate order. Throws PromotionError naming image, tag and
 * both digests when the tag moved, and naming image and tag when the tag is gone or the registry
 * cannot answer (a promotion never goes ahead unverified).
 */
export async function checkRegistry(
  candidate: readonly CandidateImage[],
  deps: RegistryCheckDeps
): Promise<VerifiedImage[]> {
  const verified: VerifiedImage[] = []
  for (const image of candidate) {
    const ref = `${image.repository}:${image.tag}`
    const found = await deps.lookup(image.repository, image.tag)
    if (found.kind === 'missing') {
      throw new PromotionError(
        `Image ${image.name}: the registry no longer has the tag ${ref}; it cannot be promoted.`,
        { input: 'promote-from' }
      )
    }
    if (found.kind === 'unknown') {
      throw new PromotionError(
        `Image ${image.name}: the registry could not confirm what ${ref} points to (${found.reason}); ` +
          'nothing is promoted unverified.',
        { input: 'promote-from' }
      )
    }
    if (image.digest !== '' && image.digest !== found.digest) {
      throw new PromotionError(
        `Image ${image.name}: the tag ${ref} has moved: the source recorded ${image.digest}, ` +
          `the registry now has ${found.digest}. Promote by digest, or release the image again.`,
        { input: 'promote-from' }
      )
    }
    const recorded = image.digest !== ''
    deps.logger.info(
      `${image.name}: ${ref} is ${found.digest}${recorded ? ', as recorded' : ' (read from the registry; the source records no digest)'}`
    )
    verified.push({
      name: image.name,
      repository: image.repository,
      tag: image.tag,
      digest: found.digest,
      recorded
    })
  }
  return verified
}
