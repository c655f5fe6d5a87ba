import { createHash } from 'node:crypto'
import type { ImageTarget } from '../edit/types.js'
import { normalizeRepository } from '../lib/image-ref.js'
import type { CandidateImage } from './candidate.js'

/** The images as a message names them: `name:tag` joined by `, `. */
export function imageList(images: readonly Pick<ImageTarget, 'name' | 'tag'>[]): string {
  return images.map((image) => `${image.name}:${image.tag}`).join(', ')
}

/** The first line of a promotion commit: `chore(promote): {images} to {env} [skip ci]`. */
export function promotionSubject(
  images: readonly Pick<ImageTarget, 'name' | 'tag'>[],
  env: string
): string {
  return `chore(promote): ${imageList(images)} to ${env} [skip ci]`
}

/** The trailer that ties a promotion to what the gate saw: `Promoted-from: {from}@{R}`. */
function promotionTrailer(from: string, revision: string): string {
  return `Promoted-from: ${from}@${revision}`
}

/** The whole promotion commit message: the subject, a blank line, the trailer. */
export function promotionMessage(
  images: readonly Pick<ImageTarget, 'name' | 'tag'>[],
  to: string,
  from: string,
  revision: string
): string {
  return `${promotionSubject(images, to)}\n\n${promotionTrailer(from, revision)}`
}

/** The message of a promotion's rollback: `revert(promote): {images} to {env} [skip ci]`. */
export function promotionRollbackMessage(
  images: readonly Pick<ImageTarget, 'name' | 'tag'>[],
  env: string
): string {
  return `revert(promote): ${imageList(images)} to ${env} [skip ci]`
}

/**
 * 12 hex digits of a SHA-256 of the candidate: each image's name, repository (normalised) and
 * tag and digest, in name order, so the same candidate always gets the same name.
 */
function candidateHash(images: readonly ImageTarget[]): string {
  const canonical = [...images]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((image) => [
      image.name,
      normalizeRepository(image.repository) ?? image.repository,
      image.tag,
      image.digest
    ])
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12)
}

/** The pull-request branch of a promotion: `promote/{env}/{short}`. */
export function promotionBranch(env: string, images: readonly ImageTarget[]): string {
  return `promote/${env}/${candidateHash(images)}`
}

/**
 * True when the target's files already hold the candidate: for every image the same tag, the
 * same repository (in normalised form) and, where both record a digest, the same digest (the
 * check runs before the registry supplies a digest the source does not record). Such a
 * promotion is a success with nothing to do.
 */
export function alreadyPromoted(
  target: readonly CandidateImage[],
  candidate: readonly ImageTarget[]
): boolean {
  return candidate.every((image) => {
    const held = target.find((t) => t.name === image.name)
    if (held === undefined) return false
    const repository = (text: string): string => normalizeRepository(text) ?? text
    return (
      held.tag === image.tag &&
      repository(held.repository) === repository(image.repository) &&
      (held.digest === '' || image.digest === '' || held.digest === image.digest)
    )
  })
}
