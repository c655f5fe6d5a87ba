import { describe, expect, it } from '@jest/globals'
import { readCurrentValues, type CurrentValuesRequest } from '../../src/edit/current-values.js'
import { createMemorySource } from '../support/memory-source.js'

const image = (name: string) => ({ name, repository: `r.io/acme/${name}`, tag: 'new', digest: '' })

const request = (over: Partial<CurrentValuesRequest> = {}): CurrentValuesRequest => ({
  images: [image('backend'), image('frontend')],
  valuesFiles: ['helm/values.yaml'],
  tagPath: '{name}.tag',
  ...over
})

describe('readCurrentValues', () => {
  it.each<
    [
      string,
      Record<string, string>,
      Partial<CurrentValuesRequest>,
      Record<string, unknown>,
      string[]
    ]
  >([
    [
      'the tag at tag-path, as the edit would read it (quoted, numbers as text)',
      { 'helm/values.yaml': 'backend:\n  tag: "1276e23"\nfrontend:\n  tag: 1234567\n' },
      {},
      { backend: { tag: '1276e23' }, frontend: { tag: '1234567' } },
      []
    ],
    [
      'a missing key or empty value is no tag',
      { 'helm/values.yaml': 'backend:\n  tag:\n' },
      {},
      {},
      ['backend', 'frontend']
    ],
    [
      'files that disagree give no tag',
      {
        'a.yaml': 'backend: {tag: t1}\nfrontend: {tag: t1}\n',
        'b.yaml': 'backend: {tag: t2}\nfrontend: {tag: t1}\n'
      },
      { valuesFiles: ['a.yaml', 'b.yaml'] },
      { frontend: { tag: 't1' } },
      ['backend']
    ],
    [
      'the same tag in every document counts once',
      { 'v.yaml': 'backend: {tag: t1}\n---\nbackend: {tag: t1}\n' },
      { valuesFiles: ['v.yaml'], images: [image('backend')] },
      { backend: { tag: 't1' } },
      []
    ],
    [
      'repository-path adds the repository',
      { 'v.yaml': 'backend:\n  image:\n    repository: r.io/acme/backend\n    tag: t0\n' },
      {
        valuesFiles: ['v.yaml'],
        images: [image('backend')],
        tagPath: '{name}.image.tag',
        repositoryPath: '{name}.image.repository'
      },
      { backend: { tag: 't0', repository: 'r.io/acme/backend' } },
      []
    ],
    [
      'a kustomization newTag (repository compared in normalised form)',
      {
        'k/kustomization.yaml':
          'images:\n- name: r.io/acme/backend\n  newTag: k1\n- name: other\n  newName: r.io/acme/frontend\n  newTag: k2\n'
      },
      { kustomizations: ['k/kustomization.yaml'] },
      { backend: { tag: 'k1' }, frontend: { tag: 'k2' } },
      []
    ],
    [
      'a kustomization that disagrees with the values file, or pins a digest',
      {
        'helm/values.yaml': 'backend: {tag: v1}\nfrontend: {tag: v1}\n',
        'kustomization.yaml': `images:\n- name: r.io/acme/backend\n  newTag: v2\n- name: r.io/acme/frontend\n  newTag: v1\n  digest: sha256:${'a'.repeat(64)}\n`
      },
      { kustomizations: ['kustomization.yaml'] },
      {},
      ['backend', 'frontend']
    ],
    [
      'a missing values file is no tag, not an error',
      {},
      { images: [image('backend')] },
      {},
      ['backend']
    ],
    [
      'a path through an alias is left to the edit to refuse',
      { 'v.yaml': 'base: &b {tag: t0}\nbackend: *b\n' },
      { valuesFiles: ['v.yaml'], images: [image('backend')] },
      {},
      ['backend']
    ]
  ])('%s', async (_title, files, over, expected, noTag) => {
    const found = await readCurrentValues(createMemorySource(files), request(over))
    expect(Object.fromEntries(found.values)).toEqual(expected)
    expect([...found.reasons.keys()].sort()).toEqual(noTag)
  })
})
