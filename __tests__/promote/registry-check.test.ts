import { describe, expect, it } from '@jest/globals'
import type { ImageLookup } from '../../src/images/registry-api.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import type { CandidateImage } from '../../src/promote/candidate.js'
import { PromotionError } from '../../src/lib/errors.js'
import { checkRegistry } from '../../src/promote/registry-check.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const image = (over: Partial<CandidateImage> = {}): CandidateImage => ({
  name: 'backend',
  repository: 'ghcr.io/acme/backend',
  tag: 't1',
  digest: '',
  sightings: [],
  ...over
})
const found = (digest: string): ImageLookup => ({ kind: 'found', digest, labels: {} })

function fakeLookup(answers: Record<string, ImageLookup>) {
  const asked: string[] = []
  return {
    asked,
    lookup: (repository: string, tag: string): Promise<ImageLookup> => {
      asked.push(`${repository}:${tag}`)
      return Promise.resolve(answers[`${repository}:${tag}`] ?? { kind: 'missing' })
    }
  }
}

describe('checkRegistry', () => {
  it('confirms a recorded digest and reads the registry digest where none is recorded', async () => {
    const fake = fakeLookup({
      'ghcr.io/acme/backend:t1': found(D1),
      'ghcr.io/acme/frontend:t2': found(D2)
    })
    const logger = createMemoryLogger()
    const verified = await checkRegistry(
      [
        image({ digest: D1 }),
        image({ name: 'frontend', repository: 'ghcr.io/acme/frontend', tag: 't2' })
      ],
      { lookup: fake.lookup, logger }
    )
    expect(verified).toEqual([
      {
        name: 'backend',
        repository: 'ghcr.io/acme/backend',
        tag: 't1',
        digest: D1,
        recorded: true
      },
      {
        name: 'frontend',
        repository: 'ghcr.io/acme/frontend',
        tag: 't2',
        digest: D2,
        recorded: false
      }
    ])
    expect(fake.asked).toEqual(['ghcr.io/acme/backend:t1', 'ghcr.io/acme/frontend:t2'])
    expect(logger.lines.join('\n')).toMatch(/frontend: .* \(read from the registry/)
  })

  it.each<[string, CandidateImage, ImageLookup, RegExp]>([
    [
      'a tag that moved, naming image, tag and both digests',
      image({ digest: D1 }),
      found(D2),
      new RegExp(
        `backend: the tag ghcr.io/acme/backend:t1 has moved: the source recorded ${D1}, the registry now has ${D2}`
      )
    ],
    [
      'a tag that is gone',
      image(),
      { kind: 'missing' },
      /no longer has the tag ghcr.io\/acme\/backend:t1/
    ],
    [
      'a registry that cannot answer',
      image({ digest: D1 }),
      { kind: 'unknown', reason: 'the registry answered 500' },
      /could not confirm .* \(the registry answered 500\)/
    ]
  ])('refuses %s', async (_name, candidate, answer, message) => {
    const promise = checkRegistry([candidate], {
      lookup: () => Promise.resolve(answer),
      logger: createMemoryLogger()
    })
    await expect(promise).rejects.toThrow(PromotionError)
    await expect(promise).rejects.toThrow(message)
  })
})
