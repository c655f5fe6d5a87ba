import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { runAction } from '../support/run-action.js'
import { tutorialValuesFile } from '../support/tutorial-repo.js'

// The tutorial scenario run as the runner runs it: yaml-update-action replacement mode.
const inputs = {
  images: 'backend\nfrontend',
  build: 'false',
  commit: 'false',
  tag: '2682590'
}

describe('dist/index.js in the tutorial scenario (build: false, commit: false)', () => {
  let workspace: string
  let valuesFile: string
  let original: string

  beforeEach(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'gitops-ws-'))
    await mkdir(path.join(workspace, 'helm'))
    valuesFile = path.join(workspace, 'helm', 'values.yaml')
    await copyFile(tutorialValuesFile, valuesFile)
    original = await readFile(valuesFile, 'utf8')
  })

  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  it('writes both tags as strings, changes nothing else, and sets the outputs', async () => {
    const run = await runAction({ inputs, workspace })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)

    const edited = await readFile(valuesFile, 'utf8')
    const data = parse(edited) as Record<string, { tag: unknown }>
    expect(data.backend?.tag).toBe('2682590')
    expect(data.frontend?.tag).toBe('2682590')

    const before = original.split('\n')
    const after = edited.split('\n')
    expect(after).toHaveLength(before.length)
    const changedLines = before.flatMap((line, i) => (line === after[i] ? [] : [i]))
    expect(changedLines.map((i) => before[i]?.trim())).toEqual(
      expect.arrayContaining(['tag: latest', "tag: '1276e23'"])
    )
    expect(changedLines).toHaveLength(2)
    expect(edited.endsWith('\n')).toBe(original.endsWith('\n'))

    expect(run.outputs.tag).toBe('2682590')
    expect(run.outputs.changed).toBe('true')
    expect(JSON.parse(run.outputs.images ?? '')).toEqual([
      {
        name: 'backend',
        repository: 'docker.io/acme/backend',
        tag: '2682590',
        digest: '',
        ref: 'docker.io/acme/backend:2682590',
        built: false
      },
      {
        name: 'frontend',
        repository: 'docker.io/acme/frontend',
        tag: '2682590',
        digest: '',
        ref: 'docker.io/acme/frontend:2682590',
        built: false
      }
    ])
    expect(run.outputs.diff).toContain('--- a/helm/values.yaml')
    expect(run.outputs.diff).toContain("-  tag: '1276e23'")
    expect(run.outputs['commit-sha']).toBe('')
    expect(run.summary).toContain('helm/values.yaml')

    const again = await runAction({ inputs, workspace })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.changed).toBe('false')
    expect(again.outputs.diff).toBe('')
    expect(await readFile(valuesFile, 'utf8')).toBe(edited)
  })

  it.each([
    ['a path that does not resolve', { 'tag-path': '{name}.image.tag' }, /backend\.image\.tag/],
    [
      'a values file outside the workspace',
      { 'values-file': '../values.yaml' },
      /\.\.\/values\.yaml/
    ],
    ['a missing values file', { 'values-file': 'helm/nope.yaml' }, /helm\/nope\.yaml/]
  ])(
    'refuses %s with one error annotation and leaves the file as it was',
    async (_l, extra, message) => {
      const run = await runAction({ inputs: { ...inputs, ...extra }, workspace })
      expect(run.exitCode).toBe(1)
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(message)
      expect(await readFile(valuesFile, 'utf8')).toBe(original)
    }
  )

  it('annotates YAML that does not parse with the file and line', async () => {
    await writeFile(valuesFile, 'frontend:\n  tag: latest\nbackend: [unclosed\n')
    const run = await runAction({ inputs, workspace })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/file=helm\/values\.yaml/)
    expect(errors[0]).toMatch(/line=\d+/)
  })
  it('writes appends, whole lists and typed values as pasted from yaml-update-action', async () => {
    await writeFile(
      valuesFile,
      'backend:\n  tag: latest\n  args:\n    - --port=80\n  hosts: [a]\n  replicas: 1\nfrontend:\n  tag: latest\n'
    )
    const changes = JSON.stringify({
      'helm/values.yaml': {
        'backend.args[(@.length)]': '--verbose',
        'backend.hosts': ['a', 'b'],
        '$.backend.replicas': "!!int '3'"
      }
    })
    const run = await runAction({ inputs: { ...inputs, changes }, workspace })
    expect(run.exitCode).toBe(0)
    expect(await readFile(valuesFile, 'utf8')).toBe(
      'backend:\n  tag: "2682590"\n  args:\n    - --port=80\n    - --verbose\n  hosts: [a, b]\n  replicas: 3\nfrontend:\n  tag: "2682590"\n'
    )
  })
})
