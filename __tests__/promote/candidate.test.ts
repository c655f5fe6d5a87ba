import { describe, expect, it } from '@jest/globals'
import { EditError } from '../../src/lib/errors.js'
import {
  readCandidate,
  sameCandidate,
  type CandidateImage,
  type CandidateSettings
} from '../../src/promote/candidate.js'
import { createMemorySource } from '../support/memory-source.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const images = [
  { name: 'backend', repository: 'docker.io/acme/backend' },
  { name: 'frontend', repository: 'ghcr.io/acme/frontend' }
]
const env = (over: Partial<CandidateSettings> = {}): CandidateSettings => ({
  name: 'dev',
  valuesFiles: [],
  kustomizations: [],
  manifests: [],
  tagPath: '{name}.tag',
  ...over
})

type Row = [string, Record<string, string>, Partial<CandidateSettings>, Record<string, unknown>]

describe('readCandidate', () => {
  it.each<Row>([
    [
      'tags at tag-path; the repository from images when the files record none',
      { 'v.yaml': 'backend:\n  tag: "1276e23"\nfrontend:\n  tag: 2.0.1\n' },
      { valuesFiles: ['v.yaml'] },
      {
        backend: { repository: 'docker.io/acme/backend', tag: '1276e23', digest: '' },
        frontend: { repository: 'ghcr.io/acme/frontend', tag: '2.0.1', digest: '' }
      }
    ],
    [
      'repository-path and digest-path, with {env} already filled in',
      {
        'all.yaml':
          'dev:\n  backend: {repo: acme/backend, tag: t1, digest: "' +
          D1 +
          '"}\n  frontend: {repo: ghcr.io/acme/frontend, tag: t2}\n'
      },
      {
        valuesFiles: ['all.yaml'],
        tagPath: 'dev.{name}.tag',
        repositoryPath: 'dev.{name}.repo',
        digestPath: 'dev.{name}.digest'
      },
      {
        backend: { repository: 'acme/backend', tag: 't1', digest: D1 },
        frontend: { repository: 'ghcr.io/acme/frontend', tag: 't2', digest: '' }
      }
    ],
    [
      'a whole reference at ref-path',
      {
        'v.yaml': `backend:\n  image: acme/backend:t1@${D1}\nfrontend:\n  image: ghcr.io/acme/frontend:t2\n`
      },
      { valuesFiles: ['v.yaml'], tagPath: undefined, refPath: '{name}.image' },
      {
        backend: { repository: 'acme/backend', tag: 't1', digest: D1 },
        frontend: { repository: 'ghcr.io/acme/frontend', tag: 't2', digest: '' }
      }
    ],
    [
      'kustomization newName/name, newTag and digest',
      {
        'k/kustomization.yaml':
          `images:\n- name: acme/backend\n  newTag: k1\n  digest: ${D2}\n` +
          '- name: frontend\n  newName: ghcr.io/acme/frontend\n  newTag: k2\n- name: other\n  newTag: x\n'
      },
      { kustomizations: ['k/kustomization.yaml'] },
      {
        backend: { repository: 'acme/backend', tag: 'k1', digest: D2 },
        frontend: { repository: 'ghcr.io/acme/frontend', tag: 'k2', digest: '' }
      }
    ],
    [
      'manifest container images, in several documents and a glob, the same tag counted once',
      {
        'm/a.yaml':
          'kind: Deployment\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: init\n        image: docker.io/acme/backend:m1\n' +
          '      containers:\n      - name: web\n        image: acme/backend:m1\n',
        'm/b.yaml':
          '---\nkind: CronJob\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{image: "ghcr.io/acme/frontend:m2"}]}}}}}\n' +
          '---\nkind: Pod\nspec: {containers: [{image: busybox:1}]}\n'
      },
      { manifests: ['m/*.yaml'] },
      {
        backend: { repository: 'docker.io/acme/backend', tag: 'm1', digest: '' },
        frontend: { repository: 'ghcr.io/acme/frontend', tag: 'm2', digest: '' }
      }
    ],
    [
      'values, kustomization and manifests that agree',
      {
        'v.yaml': 'backend: {tag: a1}\nfrontend: {tag: b1}\n',
        'kustomization.yaml': 'images:\n- name: acme/backend\n  newTag: a1\n',
        'm.yaml': 'spec: {containers: [{image: "ghcr.io/acme/frontend:b1"}]}\n'
      },
      { valuesFiles: ['v.yaml'], kustomizations: ['kustomization.yaml'], manifests: ['m.yaml'] },
      {
        backend: { repository: 'acme/backend', tag: 'a1', digest: '' },
        frontend: { repository: 'ghcr.io/acme/frontend', tag: 'b1', digest: '' }
      }
    ]
  ])('reads %s', async (_name, files, over, expected) => {
    const read = await readCandidate(createMemorySource(files), env(over), images)
    const got = Object.fromEntries(
      read.map((image) => [
        image.name,
        { repository: image.repository, tag: image.tag, digest: image.digest }
      ])
    )
    expect(got).toEqual(expected)
  })

  it('records every place with its file, line and path', async () => {
    const [backend] = await readCandidate(
      createMemorySource({
        'v.yaml': '# dev\nbackend:\n  tag: t1\nfrontend:\n  tag: t2\n',
        'k.yaml': 'images:\n- name: acme/backend\n  newTag: t1\n'
      }),
      env({ valuesFiles: ['v.yaml'], kustomizations: ['k.yaml'] }),
      images
    )
    expect(backend?.sightings).toEqual([
      { kind: 'tag-path', file: 'v.yaml', line: 3, path: 'backend.tag', tag: 't1' },
      {
        kind: 'kustomization',
        file: 'k.yaml',
        line: 3,
        path: 'images[name=acme/backend]',
        repository: 'acme/backend',
        tag: 't1'
      }
    ])
  })

  it.each<[string, Record<string, string>, Partial<CandidateSettings>, RegExp, unknown]>([
    [
      'an image the files do not hold',
      { 'v.yaml': 'backend: {tag: t1}\n' },
      { valuesFiles: ['v.yaml'] },
      /'dev' does not hold image frontend in memory: no tag at frontend.tag in v.yaml/,
      { input: 'environments' }
    ],
    [
      'two tags for one image, naming both places',
      {
        'v.yaml': 'backend: {tag: t1}\nfrontend: {tag: t2}\n',
        'k.yaml': 'images:\n- name: acme/backend\n  newTag: t9\n'
      },
      { valuesFiles: ['v.yaml'], kustomizations: ['k.yaml'] },
      /two tags for image backend: t1 at v.yaml:1 \(backend.tag\) and t9 at k.yaml:3 \(images\[name=acme\/backend\]\)/,
      { file: 'k.yaml', line: 3, input: 'environments' }
    ],
    [
      'two tags in two documents',
      { 'v.yaml': 'backend: {tag: t1}\nfrontend: {tag: t2}\n---\nbackend: {tag: t3}\n' },
      { valuesFiles: ['v.yaml'] },
      /t1 at v.yaml:1 \(\[0\].backend.tag\) and t3 at v.yaml:4 \(\[1\].backend.tag\)/,
      { file: 'v.yaml', line: 4 }
    ],
    [
      'two repositories',
      {
        'v.yaml':
          'backend: {tag: t1, repo: acme/backend}\nfrontend: {tag: t2, repo: ghcr.io/other/frontend}\n',
        'm.yaml': 'spec: {containers: [{image: "ghcr.io/acme/frontend:t2"}]}\n'
      },
      { valuesFiles: ['v.yaml'], manifests: ['m.yaml'], repositoryPath: '{name}.repo' },
      /two repositories for image frontend: ghcr.io\/other\/frontend at v.yaml:2/,
      { file: 'm.yaml' }
    ],
    [
      'two digests',
      {
        'v.yaml': `backend: {tag: t1, digest: "${D1}"}\nfrontend: {tag: t2}\n`,
        'k.yaml': `images:\n- name: acme/backend\n  newTag: t1\n  digest: ${D2}\n`
      },
      { valuesFiles: ['v.yaml'], kustomizations: ['k.yaml'], digestPath: '{name}.digest' },
      /two digests for image backend/,
      { file: 'k.yaml', line: 3 }
    ],
    [
      'a missing file',
      {},
      { valuesFiles: ['envs/dev/values.yaml'] },
      /values-file: envs\/dev\/values.yaml does not exist/,
      { file: 'envs/dev/values.yaml' }
    ],
    [
      'a glob that matches nothing',
      { 'v.yaml': 'x: 1\n' },
      { manifests: ['m/*.yaml'] },
      /the glob m\/\*.yaml matches no file/,
      { input: 'manifests' }
    ]
  ])('refuses %s', async (_name, files, over, message, location) => {
    let caught: unknown
    try {
      await readCandidate(createMemorySource(files), env(over), images)
    } catch (error) {
      caught = error
    }
    expect((caught as Error | undefined)?.message).toMatch(message)
    expect((caught as EditError).location).toMatchObject(location as object)
  })
})

describe('sameCandidate', () => {
  const image = (over: Partial<CandidateImage> = {}): CandidateImage => ({
    name: 'backend',
    repository: 'acme/backend',
    tag: 't1',
    digest: '',
    sightings: [],
    ...over
  })

  it.each<[string, CandidateImage[], CandidateImage[], boolean]>([
    ['the same', [image()], [image()], true],
    [
      'repositories in another form',
      [image()],
      [image({ repository: 'docker.io/acme/backend' })],
      true
    ],
    ['another tag', [image()], [image({ tag: 't2' })], false],
    ['another digest', [image({ digest: D1 })], [image({ digest: D2 })], false],
    ['a digest on one side only', [image({ digest: D1 })], [image()], false],
    ['another repository', [image()], [image({ repository: 'ghcr.io/acme/backend' })], false],
    ['another image', [image()], [image({ name: 'frontend' })], false],
    ['an image more', [image()], [image(), image({ name: 'frontend' })], false]
  ])('%s: %s', (_name, a, b, same) => {
    expect(sameCandidate(a, b)).toBe(same)
  })
})
