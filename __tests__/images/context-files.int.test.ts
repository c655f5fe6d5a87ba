import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readContextFiles } from '../../src/images/context-files.js'
import { dockerEnvOrWarn } from '../support/docker-env.js'
import { dockerCli, exportImage, removeLocalImages, uniqueSuffix } from '../support/registry.js'

// The fingerprint's list of what is sent, checked against what a real Docker build copies:
// for each .dockerignore, `COPY . /ctx/` is built and the image's files compared with ours.
const found = await dockerEnvOrWarn('the build context integration tests')
const describeDocker = found ? describe : describe.skip

/** `path → type and mode` of everything below `root` (links not followed). */
async function listTree(root: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>()
  const visit = async (folder: string, prefix: string): Promise<void> => {
    for (const name of await readdir(folder)) {
      const path = prefix === '' ? name : `${prefix}/${name}`
      const info = await lstat(join(folder, name))
      const type = info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'symlink' : 'file'
      tree.set(path, `${type} ${(info.mode & 0o7777).toString(8)}`)
      if (info.isDirectory()) await visit(join(folder, name), path)
    }
  }
  await visit(root, '')
  return tree
}

describeDocker('what readContextFiles lists is what Docker sends', () => {
  const env = found!
  const run = uniqueSuffix()
  const refs: string[] = []
  let dir = ''

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'context-int-'))
  })
  afterAll(async () => {
    removeLocalImages(env, refs)
    await rm(dir, { recursive: true, force: true })
  })

  it.each<[string]>([
    [''],
    ['[!a]*.txt'],
    ['[^a]*.txt'],
    ['build\n!**/*.go'],
    ['build\n!build/*.go'],
    ['*\n!src'],
    ['a/b\n!a'],
    ['**foo\n #x\n?.md'],
    ['docs\n!docs/keep.md\n**/*.go\n'],
    ['.dockerignore\nDockerfile\nempty'],
    ['# all but\n*\n!**/*.txt\n!a']
  ])('.dockerignore %j', async (ignore) => {
    const context = join(dir, `case-${refs.length}`)
    const files: Record<string, string> = {
      Dockerfile: 'FROM scratch\nCOPY . /ctx/\n',
      '.dockerignore': ignore,
      'a.txt': 'a',
      'b.txt': 'b',
      '!x.txt': '!',
      'x.md': 'x',
      barfoo: 'bar',
      '#x': 'hash',
      'build/x.go': 'go',
      'build/y.txt': 'y',
      'src/a.js': 'js',
      'src/b/c.go': 'go',
      'a/b/c': 'c',
      'a/c': 'c',
      'docs/keep.md': 'keep',
      'docs/other.md': 'other',
      'secret.txt': 'secret',
      'run.sh': '#!/bin/sh\n'
    }
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(context, path, '..'), { recursive: true })
      await writeFile(join(context, path), text)
    }
    await mkdir(join(context, 'empty'))
    await chmod(join(context, 'secret.txt'), 0o600)
    await chmod(join(context, 'run.sh'), 0o755)
    await chmod(join(context, 'docs'), 0o750)
    await symlink('a.txt', join(context, 'link'))

    const ref = `gitops-test/context-${run}:${refs.length}`
    refs.push(ref)
    dockerCli(env, ['build', '--quiet', '--tag', ref, context], { DOCKER_BUILDKIT: '0' })
    const image = await listTree(
      join(await exportImage(env, ref, join(dir, `export-${refs.length}`)), 'ctx')
    )

    const ours = await readContextFiles(context, { dockerfile: join(context, 'Dockerfile') })
    const listed = new Map(
      ours.map((entry) => [entry.path, `${entry.type} ${entry.mode.toString(8)}`])
    )
    // Files and links: exactly the same set, with the same modes.
    const leaves = (tree: Map<string, string>) =>
      [...tree].filter(([, what]) => !what.startsWith('dir')).sort()
    expect(leaves(listed)).toEqual(leaves(image))
    // Folders: every folder we list is in the image with its mode (the image may also hold
    // the folders of files sent from inside an excluded folder, which are not sent themselves).
    const folders = [...listed].filter(([, what]) => what.startsWith('dir'))
    expect(folders.map(([path]) => [path, image.get(path)])).toEqual(folders)
  })
})
