import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkBuildContexts } from '../../src/images/check-contexts.js'
import { InputError } from '../../src/lib/errors.js'
import type { ImageSpec } from '../../src/image-spec.js'

let workspace = ''

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'contexts-'))
  await mkdir(join(workspace, 'backend'))
  await writeFile(join(workspace, 'backend', 'Dockerfile'), 'FROM scratch\n')
  await mkdir(join(workspace, 'nodockerfile'))
  await mkdir(join(workspace, 'docker'))
  await writeFile(join(workspace, 'docker', 'web.Dockerfile'), 'FROM scratch\n')
  await writeFile(join(workspace, 'file'), 'x')
  await mkdir(join(workspace, 'dirdockerfile', 'Dockerfile'), { recursive: true })
})

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
})

const image = (over: Partial<ImageSpec>): ImageSpec => ({
  name: 'backend',
  context: 'backend',
  repository: 'r/backend',
  buildArgs: [],
  line: 3,
  ...over
})

describe('checkBuildContexts', () => {
  it.each<[string, Partial<ImageSpec>]>([
    ['default Dockerfile', {}],
    [
      'explicit Dockerfile elsewhere',
      { context: 'nodockerfile', dockerfile: 'docker/web.Dockerfile' }
    ]
  ])('accepts %s', async (_title, over) => {
    await expect(checkBuildContexts({ workspace, images: [image(over)] })).resolves.toBeUndefined()
  })

  it.each<[string, Partial<ImageSpec>, RegExp]>([
    ['missing context', { context: 'nope' }, /line 3.*context 'nope'.*'backend' does not exist/],
    ['context is a file', { context: 'file' }, /context 'file'.*is not a folder/],
    [
      'missing default Dockerfile',
      { context: 'nodockerfile' },
      /Dockerfile 'nodockerfile\/Dockerfile'.*does not exist/
    ],
    [
      'missing explicit Dockerfile',
      { dockerfile: 'docker/none' },
      /Dockerfile 'docker\/none'.*does not exist/
    ],
    ['Dockerfile is a folder', { context: 'dirdockerfile' }, /is not a file/]
  ])('refuses %s', async (_title, over, message) => {
    const promise = checkBuildContexts({
      workspace,
      images: [image({}), image({ ...over, line: 3 })]
    })
    await expect(promise).rejects.toThrow(InputError)
    await expect(promise).rejects.toThrow(message)
    await expect(promise).rejects.toMatchObject({ location: { input: 'images', line: 3 } })
  })
})
