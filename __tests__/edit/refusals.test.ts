import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError, EditError, InputError } from '../../src/lib/errors.js'
import { computeEdits } from '../../src/edit/compute-edits.js'
import type { EditRequest } from '../../src/edit/types.js'
import { createWorkspaceSource } from '../../src/edit/workspace-source.js'
import { writeEdits } from '../../src/edit/write-edits.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { image, request } from './helpers.js'

const VALUES =
  'backend:\n  image: x\n  tag: v1\n  map:\n    a: 1\n  list: [1]\n  block: |\n    text\n  typed: !!int 5\nshared: &s\n  tag: v1\nalias: *s\n'

let root: string
let outside: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gitops-release-edit-'))
  outside = await mkdtemp(join(tmpdir(), 'gitops-release-outside-'))
  await mkdir(join(root, 'helm'))
  await writeFile(join(root, 'helm/values.yaml'), VALUES)
  await writeFile(join(root, 'helm/other.yaml'), 'tag: v1\n')
  await writeFile(join(outside, 'values.yaml'), 'tag: v1\n')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

async function snapshot(): Promise<string[]> {
  return Promise.all(
    ['helm/values.yaml', 'helm/other.yaml'].map((f) => readFile(join(root, f), 'utf8'))
  )
}

/** Runs the edit stage as the action does (compute, then write); returns the error. */
async function refusal(overrides: Partial<EditRequest>): Promise<ActionError> {
  const before = await snapshot()
  const outsideBefore = await readFile(join(outside, 'values.yaml'), 'utf8')
  let caught: unknown
  try {
    const edits = await computeEdits(
      createWorkspaceSource(root),
      request(overrides),
      createMemoryLogger()
    )
    await writeEdits(root, edits)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ActionError)
  // Files untouched.
  expect(await snapshot()).toEqual(before)
  expect(await readFile(join(outside, 'values.yaml'), 'utf8')).toBe(outsideBefore)
  return caught as ActionError
}

const changes = (c: Record<string, unknown>): Partial<EditRequest> => ({
  changes: JSON.stringify(c)
})

describe('editing refusals leave every file untouched', () => {
  it.each<[string, Partial<EditRequest>, RegExp, Record<string, unknown>]>([
    [
      'a path that does not resolve',
      changes({ 'backend.nope': 'v2' }),
      /helm\/values\.yaml:2: path backend\.nope \(changes\) does not resolve: key 'nope' not found in backend/,
      { file: 'helm/values.yaml', path: 'backend.nope', input: 'changes', line: 2 }
    ],
    [
      'a tag-path that does not resolve',
      { images: [image('frontend')] },
      /path frontend\.tag \(tag-path\) does not resolve: key 'frontend' not found in the document root/,
      { file: 'helm/values.yaml', path: 'frontend.tag', input: 'tag-path' }
    ],
    [
      'a path to a map',
      changes({ 'backend.map': 'v2' }),
      /:5: path backend\.map \(changes\) points to a map/,
      { file: 'helm/values.yaml', line: 5 }
    ],
    [
      'a path to a sequence',
      changes({ 'backend.list': 'v2' }),
      /points to a sequence/,
      { line: 6 }
    ],
    [
      'a path to a block scalar',
      changes({ 'backend.block': 'v2' }),
      /points to a block scalar/,
      { line: 7 }
    ],
    [
      'a path to a tagged value',
      changes({ 'backend.typed': 'v2' }),
      /explicit tag tag:yaml\.org,2002:int/,
      { line: 9 }
    ],
    [
      'a path through an alias',
      changes({ 'alias.tag': 'v2' }),
      /goes through the alias \*s; .*&s \(line 10\)/,
      { line: 12, path: 'alias.tag' }
    ],
    [
      'the key __proto__',
      changes({ '__proto__.x': 'v2' }),
      /changes: path "__proto__\.x" uses the key '__proto__'/,
      { input: 'changes' }
    ],
    [
      'the key constructor in tag-path',
      { images: [image('backend')], tagPath: '{name}.constructor' },
      /tag-path: path .* uses the key 'constructor'/,
      { input: 'tag-path' }
    ],
    [
      'conflicting edits',
      { images: [image('backend')], ...changes({ 'backend.tag': 'other' }) },
      /conflicting edits/,
      { file: 'helm/values.yaml', line: 3 }
    ],
    [
      'a values file with ../',
      { valuesFiles: ['../x/values.yaml'], valuesFileIsDefault: false, images: [image('a')] },
      /values-file: \.\.\/x\/values\.yaml is outside the repository/,
      { input: 'values-file', file: '../x/values.yaml' }
    ],
    [
      'an absolute values file',
      { valuesFiles: ['/etc/hosts'], valuesFileIsDefault: false, images: [image('a')] },
      /values-file: \/etc\/hosts is an absolute path/,
      { input: 'values-file' }
    ],
    [
      'a missing values file',
      { valuesFiles: ['helm/nope.yaml'], valuesFileIsDefault: false, images: [image('a')] },
      /values-file: helm\/nope\.yaml does not exist/,
      { input: 'values-file', file: 'helm/nope.yaml' }
    ],
    [
      'a missing changes file',
      changes({ 'helm/nope.yaml': { tag: 'v2' } }),
      /changes: helm\/nope\.yaml does not exist/,
      { input: 'changes', file: 'helm/nope.yaml' }
    ],
    [
      'PATH: VALUE without a values file',
      { valuesFiles: [], ...changes({ tag: 'v2' }) },
      /changes: PATH: VALUE entries need a values file/,
      { input: 'changes' }
    ],
    [
      'changes that do not parse',
      { changes: '{"a": ' },
      /changes: not valid YAML or JSON at line 1/,
      { input: 'changes' }
    ],
    [
      'a changes list value',
      changes({ 'backend.tag': ['a'] }),
      /path backend\.tag \(changes\) points to a scalar \(line \d+\), and the value is a list/,
      { input: 'changes' }
    ],
    [
      'a manifests glob that matches nothing',
      { images: [image('backend')], valuesFiles: [], manifests: ['k8s/**/*.yaml'] },
      /manifests: the glob k8s\/\*\*\/\*\.yaml matches no file/,
      { input: 'manifests' }
    ],
    [
      'a kustomization naming none of the images',
      { images: [image('backend')], valuesFiles: [], kustomizations: ['helm/other.yaml'] },
      /kustomization: no images entry in helm\/other\.yaml names any of the images/,
      { input: 'kustomization' }
    ]
  ])('%s', async (_name, overrides, message, location) => {
    const error = await refusal(overrides)
    expect(error.message).toMatch(message)
    expect(error.location).toMatchObject(location)
  })

  it('YAML that does not parse, with its line', async () => {
    await writeFile(join(root, 'helm/values.yaml'), 'a: 1\nb: [1\nc: 2\n')
    const error = await refusal({ images: [image('a')] })
    expect(error).toBeInstanceOf(EditError)
    expect(error.message).toMatch(/^helm\/values\.yaml:3:1: YAML does not parse: /)
    expect(error.location).toEqual({
      input: 'values-file',
      file: 'helm/values.yaml',
      line: 3,
      column: 1
    })
  })

  it('duplicate keys (what Helm also refuses)', async () => {
    await writeFile(join(root, 'helm/values.yaml'), 'a:\n  tag: 1\n  tag: 2\n')
    const error = await refusal(changes({ 'a.tag': 'v' }))
    expect(error.message).toMatch(
      /helm\/values\.yaml:3:3: YAML does not parse: Map keys must be unique/
    )
  })

  it('a file that is not UTF-8', async () => {
    await writeFile(join(root, 'helm/values.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]))
    const error = await refusal(changes({ a: 'v' }))
    expect(error.message).toBe(
      'values-file: helm/values.yaml is not UTF-8 text; only UTF-8 YAML files are edited.'
    )
  })

  it('a symlink that leads out of the repository', async () => {
    await symlink(join(outside, 'values.yaml'), join(root, 'helm/link.yaml'))
    const error = await refusal({
      valuesFiles: ['helm/link.yaml'],
      valuesFileIsDefault: false,
      images: [image('a')]
    })
    expect(error).toBeInstanceOf(EditError)
    expect(error.message).toMatch(/values-file: helm\/link\.yaml leads outside the repository/)
    expect(error.location).toMatchObject({ input: 'values-file', file: 'helm/link.yaml' })
  })

  it('a symlinked folder that leads out, for a file that does not exist yet', async () => {
    await symlink(outside, join(root, 'out'))
    const error = await refusal(changes({ 'out/new.yaml': { tag: 'v2' } }))
    expect(error.message).toMatch(/changes: out\/new\.yaml leads outside the repository/)
  })

  it('all or nothing: a refusal in one file leaves the other, fine edit unwritten', async () => {
    const error = await refusal(
      changes({ 'helm/other.yaml': { tag: 'v2' }, 'helm/values.yaml': { 'backend.map': 'v2' } })
    )
    expect(error).toBeInstanceOf(EditError)
  })

  it('the errors are typed', async () => {
    expect(await refusal(changes({ '__proto__.x': 1 }))).toBeInstanceOf(InputError)
    expect(await refusal(changes({ 'backend.map': 1 }))).toBeInstanceOf(EditError)
  })
})
