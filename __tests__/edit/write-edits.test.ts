import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EditError } from '../../src/lib/errors.js'
import { updateWorkTree, writeEdits } from '../../src/edit/write-edits.js'
import { createMemoryLogger } from '../../src/lib/logger.js'

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

describe('writeEdits', () => {
  const read = (path: string): Promise<string> => readFile(join(root, path), 'utf8')

  it('writes only changed files, keeps the mode and leaves no temp file', async () => {
    await chmod(join(root, 'helm/values.yaml'), 0o640)
    const untouched = (await stat(join(root, 'helm/sub/x.yaml'))).mtimeMs
    await writeEdits(root, [
      { path: 'helm/values.yaml', before: 'tag: v1\n', after: 'tag: v2\n' },
      { path: 'helm/sub/x.yaml', before: 'a: 1\n', after: 'a: 1\n' }
    ])
    expect(await read('helm/values.yaml')).toBe('tag: v2\n')
    expect((await stat(join(root, 'helm/values.yaml'))).mode & 0o777).toBe(0o640)
    expect((await stat(join(root, 'helm/sub/x.yaml'))).mtimeMs).toBe(untouched)
    expect(await readdir(join(root, 'helm'))).toEqual(['sub', 'values.yaml'])
  })

  it('writes through a symlink inside the root instead of replacing it', async () => {
    await symlink('helm/values.yaml', join(root, 'link.yaml'))
    await writeEdits(root, [{ path: 'link.yaml', before: 'tag: v1\n', after: 'tag: v3\n' }])
    expect(await read('helm/values.yaml')).toBe('tag: v3\n')
    expect((await stat(join(root, 'link.yaml'))).isFile()).toBe(true)
  })

  it('is all or nothing: a file changed on disk stops every write', async () => {
    const error = await writeEdits(root, [
      { path: 'helm/values.yaml', before: 'tag: v1\n', after: 'tag: v2\n' },
      { path: 'helm/sub/x.yaml', before: 'a: 0\n', after: 'a: 2\n' }
    ]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(
      /helm\/sub\/x\.yaml changed on disk after it was read/
    )
    expect(await read('helm/values.yaml')).toBe('tag: v1\n')
    expect(await readdir(join(root, 'helm'))).toEqual(['sub', 'values.yaml'])
  })

  it('is all or nothing when a folder is not writable', async () => {
    if (process.getuid?.() === 0) {
      // root ignores folder permissions; make the second target unwritable another way.
      await rm(join(root, 'helm/sub/x.yaml'))
      await mkdir(join(root, 'helm/sub/x.yaml'))
    } else {
      await chmod(join(root, 'helm/sub'), 0o500)
    }
    const error = await writeEdits(root, [
      { path: 'helm/values.yaml', before: 'tag: v1\n', after: 'tag: v2\n' },
      { path: 'helm/sub/x.yaml', before: 'a: 1\n', after: 'a: 2\n' }
    ]).catch((e: unknown) => e)
    await chmod(join(root, 'helm/sub'), 0o755)
    expect(error).toBeInstanceOf(EditError)
    expect(await read('helm/values.yaml')).toBe('tag: v1\n')
    expect(await readdir(join(root, 'helm'))).toEqual(['sub', 'values.yaml'])
  })

  it('refuses a symlink that leads outside the root; nothing is written', async () => {
    await symlink(join(outside, 'secret.yaml'), join(root, 'out.yaml'))
    const error = await writeEdits(root, [
      { path: 'helm/values.yaml', before: 'tag: v1\n', after: 'tag: v2\n' },
      { path: 'out.yaml', before: 'a: 1\n', after: 'a: 9\n' }
    ]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(/out\.yaml leads outside the repository/)
    expect(await readFile(join(outside, 'secret.yaml'), 'utf8')).toBe('a: 1\n')
    expect(await read('helm/values.yaml')).toBe('tag: v1\n')
  })

  it('refuses paths outside the root', async () => {
    await expect(writeEdits(root, [{ path: '../x.yaml', before: '', after: 'a' }])).rejects.toThrow(
      EditError
    )
  })
})

describe('updateWorkTree (after a commit landed)', () => {
  const read = (path: string): Promise<string> => readFile(join(root, path), 'utf8')

  it('writes the committed content whatever the file held, keeps the mode, creates a missing file', async () => {
    await chmod(join(root, 'helm/values.yaml'), 0o640)
    const logger = createMemoryLogger()
    const written = await updateWorkTree(
      root,
      [
        // the work tree is behind the tip it was computed on: `before` is not what the file holds
        { path: 'helm/values.yaml', before: 'tag: v0\n', after: 'tag: v2\n' },
        { path: 'helm/sub/x.yaml', before: 'a: 1\n', after: 'a: 1\n' },
        { path: 'new/dir/y.yaml', before: 'b: 1\n', after: 'b: 2\n' }
      ],
      logger
    )
    expect(written).toEqual(['helm/values.yaml', 'new/dir/y.yaml'])
    expect(await read('helm/values.yaml')).toBe('tag: v2\n')
    expect((await stat(join(root, 'helm/values.yaml'))).mode & 0o777).toBe(0o640)
    expect(await read('new/dir/y.yaml')).toBe('b: 2\n')
    expect(await readdir(join(root, 'helm'))).toEqual(['sub', 'values.yaml'])
    expect(logger.lines.filter((line) => line.includes('Not updating'))).toEqual([])
  })

  it('writes through a symlink inside the root', async () => {
    await symlink('helm/values.yaml', join(root, 'link.yaml'))
    const written = await updateWorkTree(
      root,
      [{ path: 'link.yaml', before: 'tag: v1\n', after: 'tag: v3\n' }],
      createMemoryLogger()
    )
    expect(written).toEqual(['link.yaml'])
    expect(await read('helm/values.yaml')).toBe('tag: v3\n')
  })

  it.each([
    ['a file symlink leading outside', 'out.yaml', 'OUTSIDE/secret.yaml', /leads outside/],
    ['a folder symlink leading outside', 'dir', 'OUTSIDE', /leads outside/],
    ['a symlink into .git', 'cfg.yaml', '.git/config', /inside git's \.git folder/]
  ])('skips %s with a warning naming the file', async (_, link, to, why) => {
    await symlink(to.replace('OUTSIDE', outside), join(root, link))
    const path = link === 'dir' ? 'dir/secret.yaml' : link
    const logger = createMemoryLogger()
    const written = await updateWorkTree(
      root,
      [
        { path, before: 'a: 1\n', after: 'a: 9\n' },
        { path: 'helm/values.yaml', before: 'tag: v1\n', after: 'tag: v4\n' }
      ],
      logger
    )
    expect(written).toEqual(['helm/values.yaml'])
    expect(await readFile(join(outside, 'secret.yaml'), 'utf8')).toBe('a: 1\n')
    expect(await read('.git/config')).toBe('')
    const warnings = logger.lines.filter((line) => line.includes('Not updating'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(path)
    expect(warnings[0]).toMatch(why)
  })
})
