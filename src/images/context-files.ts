import { lstat, readFile, readdir, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import type { ProcessRunner } from '../lib/exec.js'
import { isExcluded, parseDockerignore } from './dockerignore.js'
import { gitBlobId, type ContextFile } from './fingerprint.js'

/**
 * The files of a build context the builder is sent, with git object ids, for the fingerprint.
 *
 * In a git work tree, git's view is used: tracked files by the blob id in the index (nothing is
 * read), except those changed or deleted in the work tree (read and hashed as they are now);
 * untracked files, ignored ones included, are read and hashed too, since `docker build` sends
 * them just the same (a file an earlier step generated changes the image). Outside a work tree
 * every file is read. In both cases `.git` is left out and `CONTEXT/.dockerignore` is applied
 * the way Docker applies it, so an excluded file changes nothing.
 */
export async function readContextFiles(
  context: string,
  git: ProcessRunner
): Promise<ContextFile[]> {
  const ignore = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => '')
  const patterns = parseDockerignore(ignore)
  // Filtered before anything is read, so an excluded node_modules costs no hashing.
  const sent = (path: string): boolean => patterns.length === 0 || !isExcluded(path, patterns)
  const prunable = !patterns.some((pattern) => pattern.exception)
  return (await gitWorkTree(context, git))
    ? fromGit(context, git, sent)
    : fromFolder(context, sent, prunable)
}

/** The content id and mode of a file on disk; undefined for folders and other non-files. */
export async function hashPath(path: string): Promise<{ mode: string; id: string } | undefined> {
  const info = await lstat(path).catch(() => undefined)
  if (info === undefined) return undefined
  if (info.isSymbolicLink()) {
    return { mode: '120000', id: gitBlobId(Buffer.from(await readlink(path), 'utf8')) }
  }
  if (!info.isFile()) return undefined
  return {
    mode: (info.mode & 0o111) !== 0 ? '100755' : '100644',
    id: gitBlobId(await readFile(path))
  }
}

async function gitWorkTree(context: string, git: ProcessRunner): Promise<boolean> {
  try {
    const result = await git.run('git', ['-C', context, 'rev-parse', '--is-inside-work-tree'])
    return result.exitCode === 0 && result.stdout.trim() === 'true'
  } catch {
    return false
  }
}

async function lsFiles(context: string, git: ProcessRunner, args: string[]): Promise<string[]> {
  const result = await git.run('git', ['-C', context, 'ls-files', '-z', ...args, '--', '.'])
  if (result.exitCode !== 0) {
    throw new Error(`git ls-files ${args.join(' ')} failed in ${context}: ${result.stderr.trim()}`)
  }
  return result.stdout.split('\0').filter((entry) => entry !== '')
}

async function fromGit(
  context: string,
  git: ProcessRunner,
  sent: (path: string) => boolean
): Promise<ContextFile[]> {
  const [staged, modified, deleted, others] = await Promise.all([
    lsFiles(context, git, ['--stage']),
    lsFiles(context, git, ['--modified']),
    lsFiles(context, git, ['--deleted']),
    lsFiles(context, git, ['--others'])
  ])
  const gone = new Set(deleted)
  const reread = new Set(modified)
  const files = new Map<string, ContextFile>()
  for (const entry of staged) {
    // `MODE OBJECT STAGE<TAB>PATH`; a conflicted path has several stages, one is enough.
    const match = /^(\d{6}) ([0-9a-f]{40,64}) \d\t(.+)$/s.exec(entry)
    if (match === null) continue
    const [, mode = '', id = '', path = ''] = match
    if (files.has(path) || gone.has(path) || !sent(path)) continue
    if (reread.has(path) && mode !== '160000') continue
    files.set(path, { path, mode, id })
  }
  for (const path of [...reread, ...others]) {
    if (files.has(path) || gone.has(path) || !sent(path)) continue
    const hashed = await hashPath(join(context, path))
    if (hashed !== undefined) files.set(path, { path, ...hashed })
  }
  return [...files.values()]
}

async function fromFolder(
  context: string,
  sent: (path: string) => boolean,
  prunable: boolean
): Promise<ContextFile[]> {
  const files: ContextFile[] = []
  const walk = async (folder: string, prefix: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(folder, { withFileTypes: true })
    } catch (error) {
      throw new Error(`cannot list ${folder}: ${errorMessage(error)}`, { cause: error })
    }
    for (const entry of entries) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (path === '.git') continue
      const full = join(folder, entry.name)
      if (entry.isDirectory()) {
        // Without `!` exceptions nothing below an excluded folder can be sent.
        if (prunable && !sent(path)) continue
        await walk(full, path)
        continue
      }
      if (!sent(path)) continue
      const hashed = await hashPath(full)
      if (hashed !== undefined) files.push({ path, ...hashed })
    }
  }
  await walk(context, '')
  return files
}
