import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readContextFiles, type ContextOptions } from '../../src/images/context-files.js'
import { BuildError } from '../../src/lib/errors.js'
import type { ContextEntry } from '../../src/images/fingerprint.js'
import { git } from '../support/git-fixtures.js'

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
}

const sha256sum = (path: string): string =>
  execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0] ?? ''

const byPath = (entries: readonly ContextEntry[]): Record<string, ContextEntry> =>
  Object.fromEntries(entries.map((entry) => [entry.path, entry]))

const paths = async (context: string, options?: ContextOptions): Promise<string[]> =>
  (await readContextFiles(context, options)).map((entry) => entry.path).sort()

describe('readContextFiles', () => {
  let dir = ''
  let context = ''

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'context-files-'))
    context = join(dir, 'repo', 'backend')
    await write(join(dir, 'repo'), {
      '.gitignore': 'backend/build/\n*.log\n',
      'backend/Dockerfile': 'FROM scratch\nCOPY . /\n',
      'backend/main.go': 'package main\n',
      'backend/docs/notes.md': 'notes\n',
      'frontend/index.html': '<p>\n'
    })
    await symlink('main.go', join(context, 'link'))
    await symlink('../../frontend', join(context, 'outside'))
    await chmod(join(context, 'main.go'), 0o755)
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lists files, folders and symlinks (as links) with their modes and content ids', async () => {
    const entries = byPath(await readContextFiles(context))
    expect(Object.keys(entries).sort()).toEqual([
      'Dockerfile',
      'docs',
      'docs/notes.md',
      'link',
      'main.go',
      'outside'
    ])
    expect(entries['main.go']).toEqual({
      path: 'main.go',
      type: 'file',
      mode: 0o755,
      id: sha256sum(join(context, 'main.go'))
    })
    expect(entries.docs).toMatchObject({ type: 'dir', id: '' })
    // A link is sent as a link: its target's text, never what it points to.
    expect(entries.link).toMatchObject({ type: 'symlink' })
    expect(entries.outside?.type).toBe('symlink')
    expect(entries.link?.id).not.toBe(entries['main.go']?.id)
  })

  it('sees a mode change (644 → 600) that git does not record', async () => {
    await chmod(join(context, 'docs', 'notes.md'), 0o644)
    const before = byPath(await readContextFiles(context))
    await chmod(join(context, 'docs', 'notes.md'), 0o600)
    const after = byPath(await readContextFiles(context))
    expect(before['docs/notes.md']?.mode).toBe(0o644)
    expect(after['docs/notes.md']?.mode).toBe(0o600)
  })

  it('reads the folder as it is on disk: untracked, git-ignored, nested repositories, submodules', async () => {
    const repo = join(dir, 'repo')
    // A submodule whose work tree holds a change its recorded commit does not.
    const lib = join(dir, 'lib')
    await write(lib, { 'lib.go': 'package lib\n' })
    git(lib, 'init', '-q', '-b', 'main')
    git(lib, 'add', '-A')
    git(lib, 'commit', '-q', '-m', 'lib')
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'init')
    git(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'backend/lib')
    git(repo, 'commit', '-q', '-m', 'submodule')
    await write(context, {
      'lib/lib.go': 'package lib // edited in the work tree\n',
      'build/app.bin': 'ignored by git, sent by docker\n',
      'debug.log': 'also ignored by git\n',
      'vendor/tool/main.go': 'package tool\n'
    })
    // An untracked repository inside the context: git lists it as one folder, Docker sends it.
    git(join(context, 'vendor', 'tool'), 'init', '-q', '-b', 'main')
    const entries = byPath(await readContextFiles(context))
    expect(entries['lib/lib.go']?.id).toBe(sha256sum(join(context, 'lib', 'lib.go')))
    expect(entries['lib/.git']?.type).toBe('file')
    expect(entries['build/app.bin']?.type).toBe('file')
    expect(entries['debug.log']?.type).toBe('file')
    expect(entries['vendor/tool/main.go']?.id).toBe(sha256sum(join(context, 'vendor/tool/main.go')))
    expect(entries['vendor/tool/.git/HEAD']?.type).toBe('file')
  })

  it('sends a .git folder at the top of the context, unless .dockerignore leaves it out', async () => {
    await write(context, { '.git/HEAD': 'ref: refs/heads/main\n' })
    expect(await paths(context)).toContain('.git/HEAD')
    await write(context, { '.dockerignore': '.git\n' })
    expect(await paths(context)).not.toContain('.git/HEAD')
  })

  it('applies CONTEXT/.dockerignore, to .dockerignore and the Dockerfile too', async () => {
    await write(context, {
      '.dockerignore': 'docs\nbuild\n*.log\n!keep.log\n.dockerignore\nDockerfile\n',
      'build/app.bin': 'x',
      'debug.log': 'x',
      'keep.log': 'x'
    })
    expect(await paths(context, { dockerfile: join(context, 'Dockerfile') })).toEqual([
      'keep.log',
      'link',
      'main.go',
      'outside'
    ])
  })

  it('with a Dockerfile.dockerignore (BuildKit) covers what either ignore file lets through', async () => {
    await write(context, {
      '.dockerignore': 'docs\n',
      'Dockerfile.dockerignore': 'main.go\n'
    })
    const dockerfile = join(context, 'Dockerfile')
    const found = await paths(context, { dockerfile })
    expect(found).toContain('docs/notes.md')
    expect(found).toContain('main.go')
    await rm(join(context, 'Dockerfile.dockerignore'))
    expect(await paths(context, { dockerfile })).not.toContain('docs/notes.md')
  })

  it('hashes a large file (streamed) as sha256sum does', async () => {
    await writeFile(join(context, 'big.bin'), Buffer.alloc(3 * 1024 * 1024 + 7, 'x'))
    const entries = byPath(await readContextFiles(context))
    expect(entries['big.bin']?.id).toBe(sha256sum(join(context, 'big.bin')))
  })

  it.each<[string, ContextOptions['limits'], RegExp]>([
    ['too many entries', { entries: 3, bytes: 1e9 }, /sends more than 3 files and folders/],
    ['too many bytes', { entries: 1000, bytes: 10 }, /sends more than 10 bytes to the builder/]
  ])('refuses a context past its limits: %s', async (_title, limits, message) => {
    const error = await readContextFiles(context, { ...(limits ? { limits } : {}) }).catch(
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(BuildError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toMatch(/with \.dockerignore/)
  })

  it('refuses a .dockerignore Docker would refuse', async () => {
    await write(context, { '.dockerignore': 'ok\n[z-\n' })
    await expect(readContextFiles(context)).rejects.toThrow(/^\.dockerignore line 2: /)
    await write(context, { '.dockerignore': '', 'Dockerfile.dockerignore': '!\n' })
    await expect(
      readContextFiles(context, { dockerfile: join(context, 'Dockerfile') })
    ).rejects.toThrow(/^Dockerfile\.dockerignore line 1: illegal exclusion pattern "!"$/)
  })

  it('bounds the files looked at inside excluded folders too', async () => {
    const names = Array.from({ length: 50 }, (_, i) => [`node_modules/m${i}.js`, 'x'] as const)
    await write(context, {
      ...Object.fromEntries(names),
      '.dockerignore': 'node_modules\n!node_modules/keep\n'
    })
    const limits = { entries: 10, bytes: 1e9 }
    await expect(readContextFiles(context, { limits })).rejects.toThrow(
      /has more than 40 files and folders to look at/
    )
  })
})
