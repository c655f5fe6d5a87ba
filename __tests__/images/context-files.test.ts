import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { chmod, cp, mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readContextFiles } from '../../src/images/context-files.js'
import { gitBlobId } from '../../src/images/fingerprint.js'
import { createProcessRunner } from '../../src/lib/exec.js'
import { git } from '../support/git-fixtures.js'

const runner = createProcessRunner([], process.env)

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
}

const paths = async (context: string): Promise<string[]> =>
  (await readContextFiles(context, runner)).map((file) => file.path).sort()

describe('readContextFiles', () => {
  let dir = ''
  let repo = ''
  let context = ''

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'context-files-'))
    repo = join(dir, 'repo')
    context = join(repo, 'backend')
    await write(repo, {
      '.gitignore': 'backend/build/\n*.log\n',
      'backend/Dockerfile': 'FROM scratch\nCOPY . /\n',
      'backend/main.go': 'package main\n',
      'backend/docs/notes.md': 'notes\n',
      'frontend/index.html': '<p>\n'
    })
    await symlink('main.go', join(context, 'link'))
    await chmod(join(context, 'main.go'), 0o755)
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'init')
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lists the tracked files of the context by their blob ids, relative to the context', async () => {
    const files = await readContextFiles(context, runner)
    const byPath = Object.fromEntries(files.map((file) => [file.path, file]))
    expect(Object.keys(byPath).sort()).toEqual(['Dockerfile', 'docs/notes.md', 'link', 'main.go'])
    expect(byPath['main.go']).toEqual({
      path: 'main.go',
      mode: '100755',
      id: git(repo, 'rev-parse', 'HEAD:backend/main.go')
    })
    expect(byPath.link?.mode).toBe('120000')
  })

  it('gives the same list in a git work tree and in a plain copy of the folder', async () => {
    const copy = join(dir, 'copy')
    await cp(context, copy, { recursive: true, verbatimSymlinks: true })
    const sorted = (list: Awaited<ReturnType<typeof readContextFiles>>) =>
      [...list].sort((a, b) => a.path.localeCompare(b.path))
    expect(sorted(await readContextFiles(copy, runner))).toEqual(
      sorted(await readContextFiles(context, runner))
    )
  })

  it('reads changed, untracked and git-ignored files as they are now; leaves deleted ones out', async () => {
    await write(context, {
      'main.go': 'package main // changed\n',
      'generated.txt': 'made by an earlier step\n',
      'build/app.bin': 'ignored by git, sent by docker\n',
      'debug.log': 'also ignored by git\n'
    })
    await unlink(join(context, 'docs', 'notes.md'))
    const files = await readContextFiles(context, runner)
    const byPath = Object.fromEntries(files.map((file) => [file.path, file]))
    expect(Object.keys(byPath).sort()).toEqual([
      'Dockerfile',
      'build/app.bin',
      'debug.log',
      'generated.txt',
      'link',
      'main.go'
    ])
    expect(byPath['main.go']?.id).toBe(gitBlobId(Buffer.from('package main // changed\n')))
    expect(byPath['main.go']?.mode).toBe('100755')
  })

  it('applies CONTEXT/.dockerignore, tracked or not', async () => {
    await write(context, {
      '.dockerignore': 'docs\nbuild\n*.log\n!keep.log\n',
      'build/app.bin': 'x',
      'debug.log': 'x',
      'keep.log': 'x'
    })
    expect(await paths(context)).toEqual([
      '.dockerignore',
      'Dockerfile',
      'keep.log',
      'link',
      'main.go'
    ])
  })

  it.each<[string, string, string[]]>([
    [
      'an excluded folder',
      'node_modules\n',
      ['.dockerignore', 'Dockerfile', 'a/b.txt', 'build/keep', 'build/x']
    ],
    [
      'an exception inside an excluded folder',
      'build\n!build/keep\n',
      ['.dockerignore', 'Dockerfile', 'a/b.txt', 'build/keep', 'node_modules/m.js']
    ]
  ])('outside a git work tree applies .dockerignore: %s', async (_title, ignore, expected) => {
    const plain = join(dir, 'plain')
    await write(plain, {
      '.dockerignore': ignore,
      Dockerfile: 'FROM scratch\n',
      'a/b.txt': 'b',
      'node_modules/m.js': 'm',
      'build/keep': 'k',
      'build/x': 'x'
    })
    expect(await paths(plain)).toEqual(expected)
  })

  it('outside a git work tree lists every file but .git', async () => {
    const plain = join(dir, 'plain')
    await write(plain, { Dockerfile: 'FROM scratch\n', 'a/b.txt': 'b', '.git/HEAD': 'x' })
    expect(await paths(plain)).toEqual(['Dockerfile', 'a/b.txt'])
  })
})
