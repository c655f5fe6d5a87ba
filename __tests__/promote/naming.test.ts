import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { ImageTarget } from '../../src/edit/types.js'
import type { CandidateImage } from '../../src/promote/candidate.js'
import {
  alreadyPromoted,
  imageList,
  promotionBranch,
  promotionMessage,
  promotionRollbackMessage,
  promotionSubject
} from '../../src/promote/naming.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const R = 'f'.repeat(40)
const backend: ImageTarget = {
  name: 'backend',
  repository: 'acme/backend',
  tag: '1.4.2',
  digest: D1
}
const frontend: ImageTarget = {
  name: 'frontend',
  repository: 'ghcr.io/acme/frontend',
  tag: 'a1b2c3d',
  digest: D2
}

describe('messages', () => {
  it.each<[string, string, string]>([
    ['imageList', imageList([backend, frontend]), 'backend:1.4.2, frontend:a1b2c3d'],
    [
      'promotionSubject',
      promotionSubject([backend, frontend], 'prod'),
      'chore(promote): backend:1.4.2, frontend:a1b2c3d to prod [skip ci]'
    ],
    [
      'promotionMessage',
      promotionMessage([backend], 'prod', 'staging', R),
      `chore(promote): backend:1.4.2 to prod [skip ci]\n\nPromoted-from: staging@${R}`
    ],
    [
      'promotionRollbackMessage',
      promotionRollbackMessage([backend, frontend], 'prod'),
      'revert(promote): backend:1.4.2, frontend:a1b2c3d to prod [skip ci]'
    ]
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected)
  })
})

describe('promotionBranch', () => {
  it('is 12 hex digits of a SHA-256 over the candidate in name order', () => {
    const canonical = JSON.stringify([
      ['backend', 'docker.io/acme/backend', '1.4.2', D1],
      ['frontend', 'ghcr.io/acme/frontend', 'a1b2c3d', D2]
    ])
    const expected = createHash('sha256').update(canonical).digest('hex').slice(0, 12)
    expect(promotionBranch('prod', [frontend, backend])).toBe(`promote/prod/${expected}`)
  })

  it.each<[string, ImageTarget[], boolean]>([
    ['the same images in another order', [frontend, backend], true],
    [
      'the repository in another form',
      [{ ...backend, repository: 'docker.io/acme/backend' }, frontend],
      true
    ],
    ['another tag', [{ ...backend, tag: '1.4.3' }, frontend], false],
    ['another digest', [{ ...backend, digest: D2 }, frontend], false],
    ['an image less', [backend], false]
  ])('%s: same branch %s', (_name, images, same) => {
    expect(promotionBranch('prod', images) === promotionBranch('prod', [backend, frontend])).toBe(
      same
    )
  })
})

describe('alreadyPromoted', () => {
  const held = (image: ImageTarget, over: Partial<CandidateImage> = {}): CandidateImage => ({
    ...image,
    sightings: [],
    ...over
  })
  it.each<[string, CandidateImage[], boolean]>([
    ['the target holds every image', [held(backend), held(frontend)], true],
    [
      'the target records no digest, same tags',
      [held(backend, { digest: '' }), held(frontend, { digest: '' })],
      true
    ],
    [
      'a repository in another form',
      [held(backend, { repository: 'index.docker.io/acme/backend' }), held(frontend)],
      true
    ],
    ['another tag', [held(backend, { tag: '1.4.1' }), held(frontend)], false],
    ['another recorded digest', [held(backend, { digest: D2 }), held(frontend)], false],
    [
      'another repository',
      [held(backend, { repository: 'ghcr.io/acme/backend' }), held(frontend)],
      false
    ],
    ['an image missing', [held(backend)], false]
  ])('%s: %s', (_name, target, expected) => {
    expect(alreadyPromoted(target, [backend, frontend])).toBe(expected)
  })

  it('compares tags alone when the candidate records no digest yet', () => {
    const unpinned = [backend, frontend].map((image) => ({ ...image, digest: '' }))
    expect(alreadyPromoted([held(backend), held(frontend)], unpinned)).toBe(true)
    expect(alreadyPromoted([held(backend, { tag: '0.9' }), held(frontend)], unpinned)).toBe(false)
  })
})
