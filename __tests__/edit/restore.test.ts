import { describe, expect, it } from '@jest/globals'
import { computeEdits } from '../../src/edit/compute-edits.js'
import { restorePlaces } from '../../src/edit/restore.js'
import type { EditedPlace } from '../../src/edit/places.js'
import type { EditRequest } from '../../src/edit/types.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { createMemorySource } from '../support/memory-source.js'
import { image, request } from './helpers.js'

type Files = Record<string, string>

/** Runs the release (computeEdits) on `files`: the files after it and the places it recorded. */
async function release(
  files: Files,
  overrides: Partial<EditRequest>
): Promise<{ after: Files; places: EditedPlace[] }> {
  const edits = await computeEdits(
    createMemorySource(files),
    request(overrides),
    createMemoryLogger()
  )
  const after = { ...files }
  for (const edit of edits) after[edit.path] = edit.after
  return { after, places: edits.flatMap((edit) => edit.places ?? []) }
}

/** Restores `places` on `tip`: the files after the restore and what was put back or left. */
async function restore(
  tip: Files,
  places: readonly EditedPlace[]
): Promise<{ files: Files; restored: string[]; skipped: string[] }> {
  const result = await restorePlaces(createMemorySource(tip), places)
  const files = { ...tip }
  for (const edit of result.edits) files[edit.path] = edit.after
  return {
    files,
    restored: result.restored.map(
      (p) => `${p.file} ${p.path}: ${p.removed ? `${p.from} removed` : `${p.from} → ${p.to}`}`
    ),
    skipped: result.skipped.map((s) => `${s.file}: ${s.reason}`)
  }
}

const VALUES = 'helm/values.yaml'
const SERVICES = 'services:\n  - name: web\n    tag: v1\n  - name: api\n    tag: v1\n'
const SET_WEB = { changes: JSON.stringify({ [VALUES]: { 'services[name=web].tag': 'v2' } }) }
const CANARY = '  - name: web-canary\n    tag: v2\n'

const DEPLOYMENT = (name: string, tag: string, containers = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n${containers}        - name: web\n          image: docker.io/acme/web:${tag}\n`
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'
const MANIFEST = `${DEPLOYMENT('web', 'v1')}---\n${SERVICE}`
const WEB_IMAGE = { images: [image('web', 'v2')], manifests: ['deploy.yaml'] }
const WEB_PATH = '[kind=Deployment,name=web].spec.template.spec.containers[name=web].image'

const UNNAMED = (before: string): string =>
  `kind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${before}    - image: docker.io/acme/web:v1\n`
const OTHER = '    - image: docker.io/acme/other:v1\n'

const KUSTOMIZATION = 'k/kustomization.yaml'
const KUST = 'images:\n  - name: acme/worker\n    newTag: v1\n'

interface Case {
  readonly name: string
  /** The files before the release. */
  readonly files: Files
  readonly request: Partial<EditRequest>
  /** The branch tip at the rollback, from the files as the release left them. */
  readonly tip: (after: Files) => Files
  /** Each file after the restore. */
  readonly expected: Files
  readonly restored: readonly string[]
  readonly skipped: readonly string[]
}

const CASES: Case[] = [
  {
    name: 'a list entry inserted before ours: restores web, never touches web-canary',
    files: { [VALUES]: SERVICES },
    request: SET_WEB,
    tip: (after) => ({
      [VALUES]: (after[VALUES] ?? '').replace('services:\n', `services:\n${CANARY}`)
    }),
    expected: { [VALUES]: SERVICES.replace('services:\n', `services:\n${CANARY}`) },
    restored: [`${VALUES} services[name=web].tag: v2 → v1`],
    skipped: []
  },
  {
    name: 'list items and keys reordered since: found by the selector and the keys',
    files: { [VALUES]: SERVICES },
    request: SET_WEB,
    tip: () => ({
      [VALUES]: 'services:\n  - tag: v1\n    name: api\n  - tag: v2\n    name: web\n'
    }),
    expected: { [VALUES]: 'services:\n  - tag: v1\n    name: api\n  - tag: v1\n    name: web\n' },
    restored: [`${VALUES} services[name=web].tag: v2 → v1`],
    skipped: []
  },
  {
    name: 'a value changed since is left alone, with the file and the path named',
    files: { [VALUES]: SERVICES },
    request: SET_WEB,
    tip: (after) => ({
      [VALUES]: (after[VALUES] ?? '')
        .replace('services:\n', `services:\n${CANARY}`)
        .replace('name: web\n    tag: v2', 'name: web\n    tag: v3')
    }),
    expected: {
      [VALUES]: SERVICES.replace('services:\n', `services:\n${CANARY}`).replace(
        'name: web\n    tag: v1',
        'name: web\n    tag: v3'
      )
    },
    restored: [],
    skipped: [`${VALUES}: services[name=web].tag was changed since the release (now v3)`]
  },
  {
    name: 'a document prepended to a multi-document manifest: found by kind and name',
    files: { 'deploy.yaml': MANIFEST },
    request: WEB_IMAGE,
    tip: (after) => ({
      'deploy.yaml': `${DEPLOYMENT('web-canary', 'v2')}---\n${after['deploy.yaml'] ?? ''}`
    }),
    expected: { 'deploy.yaml': `${DEPLOYMENT('web-canary', 'v2')}---\n${MANIFEST}` },
    restored: [`deploy.yaml ${WEB_PATH}: docker.io/acme/web:v2 → docker.io/acme/web:v1`],
    skipped: []
  },
  {
    name: 'a manifest container added before ours with the same repository: ours by its name',
    files: { 'deploy.yaml': MANIFEST },
    request: WEB_IMAGE,
    tip: (after) => ({
      'deploy.yaml': (after['deploy.yaml'] ?? '').replace(
        'containers:\n',
        'containers:\n        - name: debug\n          image: docker.io/acme/web:v2\n'
      )
    }),
    expected: {
      'deploy.yaml': MANIFEST.replace(
        'containers:\n',
        'containers:\n        - name: debug\n          image: docker.io/acme/web:v2\n'
      )
    },
    restored: [`deploy.yaml ${WEB_PATH}: docker.io/acme/web:v2 → docker.io/acme/web:v1`],
    skipped: []
  },
  {
    name: 'a container without a name added before ours: ours by its repository',
    files: { 'pod.yaml': UNNAMED('') },
    request: { images: [image('web', 'v2')], manifests: ['pod.yaml'] },
    tip: (after) => ({
      'pod.yaml': (after['pod.yaml'] ?? '').replace('containers:\n', `containers:\n${OTHER}`)
    }),
    expected: { 'pod.yaml': UNNAMED(OTHER) },
    restored: [
      'pod.yaml [kind=Pod,name=web].spec.containers[0].image: docker.io/acme/web:v2 → docker.io/acme/web:v1'
    ],
    skipped: []
  },
  {
    name: 'a manifest container renamed since, with another added before it: by its repository',
    files: { 'deploy.yaml': MANIFEST },
    request: WEB_IMAGE,
    tip: (after) => ({
      'deploy.yaml': (after['deploy.yaml'] ?? '')
        .replace('- name: web\n', '- name: web-main\n')
        .replace(
          'containers:\n',
          `containers:\n        - name: side\n          image: docker.io/acme/side:v2\n`
        )
    }),
    expected: {
      'deploy.yaml': MANIFEST.replace('- name: web\n', '- name: web-main\n').replace(
        'containers:\n',
        `containers:\n        - name: side\n          image: docker.io/acme/side:v2\n`
      )
    },
    restored: [`deploy.yaml ${WEB_PATH}: docker.io/acme/web:v2 → docker.io/acme/web:v1`],
    skipped: []
  },
  {
    name: 'a named container changed since is left alone, even with another holding our value',
    files: { 'deploy.yaml': MANIFEST },
    request: WEB_IMAGE,
    tip: (after) => ({
      'deploy.yaml': (after['deploy.yaml'] ?? '')
        .replace('web:v2', 'web:v3')
        .replace(
          'containers:\n',
          `containers:\n        - name: debug\n          image: docker.io/acme/web:v2\n`
        )
    }),
    expected: {
      'deploy.yaml': MANIFEST.replace('web:v1', 'web:v3').replace(
        'containers:\n',
        `containers:\n        - name: debug\n          image: docker.io/acme/web:v2\n`
      )
    },
    restored: [],
    skipped: [`deploy.yaml: ${WEB_PATH} was changed since the release (now docker.io/acme/web:v3)`]
  },
  {
    name: 'a document prepended to a multi-document values file: the one where the path resolves',
    files: { [VALUES]: 'a: 1\n---\nweb:\n  tag: v1\n' },
    request: { images: [image('web', 'v2')] },
    tip: (after) => ({ [VALUES]: `other: x\n---\n${after[VALUES] ?? ''}` }),
    expected: { [VALUES]: 'other: x\n---\na: 1\n---\nweb:\n  tag: v1\n' },
    restored: [`${VALUES} web.tag: v2 → v1`],
    skipped: []
  },
  {
    name: 'a kustomization entry added before ours: ours by its name',
    files: { [KUSTOMIZATION]: KUST },
    request: { images: [image('worker', 'v2')], kustomizations: [KUSTOMIZATION] },
    tip: (after) => ({
      [KUSTOMIZATION]: (after[KUSTOMIZATION] ?? '').replace(
        'images:\n',
        'images:\n  - name: acme/other\n    newTag: v2\n'
      )
    }),
    expected: {
      [KUSTOMIZATION]: KUST.replace('images:\n', 'images:\n  - name: acme/other\n    newTag: v2\n')
    },
    restored: [`${KUSTOMIZATION} images[name=acme/worker].newTag: v2 → v1`],
    skipped: []
  },
  {
    name: 'a key this run created is removed',
    files: { [VALUES]: 'web:\n  image: acme/web # the image\napi:\n  tag: v1\n' },
    request: { images: [image('web', 'v2')], createMissing: true },
    tip: (after) => after,
    expected: { [VALUES]: 'web:\n  image: acme/web # the image\napi:\n  tag: v1\n' },
    restored: [`${VALUES} web.tag: v2 removed`],
    skipped: []
  },
  {
    name: 'a map this run created is removed whole, and what others added elsewhere is kept',
    files: { [VALUES]: 'api:\n  tag: v1\n' },
    request: { images: [image('web', 'v2')], createMissing: true },
    tip: (after) => ({ [VALUES]: `${after[VALUES] ?? ''}other: 1\n` }),
    expected: { [VALUES]: 'api:\n  tag: v1\nother: 1\n' },
    restored: [`${VALUES} web: {tag: v2} removed`],
    skipped: []
  },
  {
    name: 'a key created at the root, with a document prepended since: removed where it is',
    files: { [VALUES]: 'b: 2\n' },
    request: { images: [image('web', 'v2')], tagPath: '{name}', createMissing: true },
    tip: (after) => ({ [VALUES]: `c: 3\n---\n${after[VALUES] ?? ''}` }),
    expected: { [VALUES]: 'c: 3\n---\nb: 2\n' },
    restored: [`${VALUES} web: v2 removed`],
    skipped: []
  },
  {
    name: 'a created key someone changed since is left in place',
    files: { [VALUES]: 'web:\n  image: acme/web\n' },
    request: { images: [image('web', 'v2')], createMissing: true },
    tip: (after) => ({ [VALUES]: (after[VALUES] ?? '').replace('tag: v2', 'tag: v3') }),
    expected: { [VALUES]: 'web:\n  image: acme/web\n  tag: v3\n' },
    restored: [],
    skipped: [`${VALUES}: web.tag was changed since the release (now v3)`]
  },
  {
    name: 'a place gone from the tip is skipped, the others put back',
    files: { [VALUES]: 'web:\n  tag: v1\napi:\n  tag: v1\n' },
    request: { images: [image('web', 'v2'), image('api', 'v2')] },
    tip: () => ({ [VALUES]: 'web:\n  tag: v2\n' }),
    expected: { [VALUES]: 'web:\n  tag: v1\n' },
    restored: [`${VALUES} web.tag: v2 → v1`],
    skipped: [`${VALUES}: api.tag is no longer there`]
  },
  {
    name: 'a key with a dot is named in brackets',
    files: { [VALUES]: 'a:\n  "b.c": x\n' },
    request: { changes: JSON.stringify({ [VALUES]: { 'a["b.c"]': 'y' } }) },
    tip: () => ({ [VALUES]: 'a:\n  "b.c": z\n' }),
    expected: { [VALUES]: 'a:\n  "b.c": z\n' },
    restored: [],
    skipped: [`${VALUES}: a["b.c"] was changed since the release (now z)`]
  },
  {
    name: 'a whole map replaced is put back, an item appended is removed',
    files: { [VALUES]: 'a:\n  x: 1 # one\n  w: [2]\nl:\n  - 1\nm: 0\n' },
    request: {
      changes: JSON.stringify({ [VALUES]: { a: { z: 2 }, 'l[-]': { name: 'web', v: 2 } } })
    },
    tip: (after) => ({ [VALUES]: (after[VALUES] ?? '').replace('  - 1\n', '  - 1\n  - 0\n') }),
    expected: { [VALUES]: 'a:\n  x: 1 # one\n  w: [2]\nl:\n  - 1\n  - 0\nm: 0\n' },
    restored: [
      `${VALUES} a: {z: 2} → x: 1 # one\n  w: [2]`,
      `${VALUES} l[-]: {name: web, v: 2} removed`
    ],
    skipped: []
  },
  {
    name: 'an appended item is left when the list holds it twice now',
    files: { [VALUES]: 'l:\n  - 1\n' },
    request: { changes: JSON.stringify({ [VALUES]: { 'l[-]': 2 } }) },
    tip: (after) => ({ [VALUES]: `${after[VALUES] ?? ''}  - 2\n` }),
    expected: { [VALUES]: 'l:\n  - 1\n  - 2\n  - 2\n' },
    restored: [],
    skipped: [`${VALUES}: l[-] is ambiguous now: the list holds 2 items 2; left in place`]
  },
  {
    name: 'a list replaced in a flow map is put back',
    files: { [VALUES]: 'a: {l: [1, 2], n: 1}\n' },
    request: { changes: JSON.stringify({ [VALUES]: { 'a.l': [3] } }) },
    tip: (after) => after,
    expected: { [VALUES]: 'a: {l: [1, 2], n: 1}\n' },
    restored: [`${VALUES} a.l: [3] → [1, 2]`],
    skipped: []
  },
  {
    name: 'the file deleted on the tip: a clear message naming file and paths',
    files: { [VALUES]: 'web:\n  tag: v1\napi:\n  tag: v1\n' },
    request: { images: [image('web', 'v2'), image('api', 'v2')] },
    tip: () => ({}),
    expected: {},
    restored: [],
    skipped: [
      `${VALUES}: the file was deleted since the release, so web.tag, api.tag could not be put back`
    ]
  }
]

describe('restorePlaces', () => {
  it.each(CASES)('$name', async (c) => {
    const { after, places } = await release(c.files, c.request)
    const result = await restore(c.tip(after), places)
    for (const [path, text] of Object.entries(c.expected)) expect(result.files[path]).toBe(text)
    expect(result.restored).toEqual(c.restored)
    expect(result.skipped).toEqual(c.skipped)
  })
})

/** Cases carried over from the former position-based planner: they hold for the new one too. */
const BYTES: { name: string; before: string; overrides: Partial<EditRequest> }[] = [
  {
    name: 'quoting and comments',
    before: "# values\nbackend:\n  tag: old # the backend\nfrontend:\n  tag: 'v1'\n",
    overrides: { images: [image('backend', 'abc1234'), image('frontend', 'abc1234')] }
  },
  {
    name: 'CRLF and a byte order mark',
    before: '\uFEFFa:\r\n  tag: old\r\n  n: 1\r\n',
    overrides: { images: [image('a', '1276e23')] }
  },
  {
    name: 'an empty value',
    before: 'a:\n  tag:\n  n: 1\n',
    overrides: { images: [image('a', 'abc1234')] }
  },
  {
    name: 'an empty value with a comment',
    before: 'a:\n  tag: # none yet\n',
    overrides: { images: [image('a', 'abc1234')] }
  },
  {
    name: 'a key created under an empty value',
    before: 'a:\nb: 1\n',
    overrides: { images: [image('a', 'abc1234')], createMissing: true }
  },
  {
    name: 'a created key at the end of a file without a final line break',
    before: 'a:\n  image: x',
    overrides: { images: [image('a', 'abc1234')], createMissing: true }
  }
]

describe('restorePlaces, byte for byte', () => {
  it.each(BYTES)('gives back the file as it was: $name', async ({ before, overrides }) => {
    const { after, places } = await release({ [VALUES]: before }, overrides)
    expect(after[VALUES]).not.toBe(before)
    const result = await restore(after, places)
    expect(result.files[VALUES]).toBe(before)
    expect(result.skipped).toEqual([])
  })
})
