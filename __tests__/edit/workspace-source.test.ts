import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EditError } from '../../src/lib/errors.js'
import { createWorkspaceSource } from '../../src/edit/workspace-source.js'

let root: string
let outside: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gitops-release-ws-'))
  outside = await mkdtemp(join(tmpdir(), 'gitops-release-out-'))
  await mkdir(join(root, 'helm/sub'), { recursive: true })
  await mkdir(join(root, '.git'))
  await writeFile(join(root, '.git/config'), '')
  await writeFile(join(root, 'helm/values.yaml'), 'tag: v1\n')
  await writeFile(join(root, 'helm/sub/x.yaml'), 'a: 1\n')
  await writeFile(join(outside, 'secret.yaml'), 'a: 1\n')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

describe('createWorkspaceSource', () => {
  it('reads files by relative path and returns undefined for missing ones', async () => {
    const source = createWorkspaceSource(root)
    expect((await source.read('./helm//values.yaml'))?.toString()).toBe('tag: v1\n')
    expect(await source.read('helm/none.yaml')).toBeUndefined()
    expect(await source.read('none/none.yaml')).toBeUndefined()
  })

  it('lists files without .git and without following symlinked folders', async () => {
    await symlink(outside, join(root, 'out'))
    await symlink(join(root, 'helm/values.yaml'), join(root, 'link.yaml'))
    expect(await createWorkspaceSource(root).list()).toEqual([
      'helm/sub/x.yaml',
      'helm/values.yaml',
      'link.yaml'
    ])
  })

  it('reads a symlink that stays inside', async () => {
    await symlink(join(root, 'helm/values.yaml'), join(root, 'link.yaml'))
    expect((await createWorkspaceSource(root).read('link.yaml'))?.toString()).toBe('tag: v1\n')
  })

  it.each([
    ['../secret.yaml', 'is outside the repository'],
    ['helm/../../secret.yaml', 'is outside the repository'],
    ['/etc/hosts', 'is an absolute path'],
    ['C:\\x.yaml', 'is an absolute path'],
    ['.', 'is the repository folder'],
    ['', 'is not a file path']
  ])('refuses %p', async (path, message) => {
    const error = await createWorkspaceSource(root)
      .read(path)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toContain(message)
    expect((error as EditError).location).toEqual({ file: path })
  })

  it('refuses symlinks that lead out, to files and through folders', async () => {
    await symlink(join(outside, 'secret.yaml'), join(root, 'helm/leak.yaml'))
    await symlink(outside, join(root, 'out'))
    const source = createWorkspaceSource(root)
    await expect(source.read('helm/leak.yaml')).rejects.toThrow(
      /helm\/leak\.yaml leads outside the repository/
    )
    await expect(source.read('out/secret.yaml')).rejects.toThrow(/leads outside/)
    await expect(source.read('out/missing.yaml')).rejects.toThrow(/leads outside/)
  })
})
