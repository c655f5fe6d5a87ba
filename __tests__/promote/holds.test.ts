import { describe, expect, it } from '@jest/globals'
import type { FileSource } from '../../src/edit/types.js'
import { readCandidate, type CandidateSettings } from '../../src/promote/candidate.js'
import { candidateHolder } from '../../src/promote/holds.js'
import { createMemorySource } from '../support/memory-source.js'

const env: CandidateSettings = {
  name: 'dev',
  valuesFiles: ['envs/dev/values.yaml'],
  kustomizations: [],
  manifests: [],
  tagPath: '{name}.tag'
}
const images = [{ name: 'backend', repository: 'acme/backend' }]
const trees: Record<string, Record<string, string>> = {
  tip: { 'envs/dev/values.yaml': 'backend: {tag: "2.0"}\n' },
  same: { 'envs/dev/values.yaml': '# older, same values\nbackend: {tag: "2.0"}\n' },
  older: { 'envs/dev/values.yaml': 'backend: {tag: "1.9"}\n' },
  broken: { 'envs/dev/values.yaml': 'backend: [\n' },
  gone: {},
  elsewhere: { 'envs/dev/values.yaml': 'backend: {tag: "2.0"}\n' }
}

describe('candidateHolder', () => {
  it.each<[string, boolean]>([
    ['tip', true],
    ['same', true],
    ['older', false],
    ['broken', false],
    ['gone', false],
    ['elsewhere', false]
  ])('%s holds the candidate: %s', async (revision, expected) => {
    const candidate = await readCandidate(createMemorySource(trees.tip ?? {}), env, images)
    const holds = candidateHolder(env, images, candidate, {
      sourceAt: (rev) => Promise.resolve(createMemorySource(trees[rev] ?? {}, rev)),
      onBranch: (rev) => Promise.resolve(rev !== 'elsewhere')
    })
    expect(await holds(revision)).toBe(expected)
  })

  it('reads each revision once', async () => {
    const candidate = await readCandidate(createMemorySource(trees.tip ?? {}), env, images)
    const reads: string[] = []
    const holds = candidateHolder(env, images, candidate, {
      sourceAt: (rev): Promise<FileSource> => {
        reads.push(rev)
        return Promise.resolve(createMemorySource(trees.tip ?? {}, rev))
      },
      onBranch: () => Promise.resolve(true)
    })
    await Promise.all([holds('ABC'), holds('abc'), holds('abc')])
    expect(reads).toEqual(['ABC'])
  })
})
