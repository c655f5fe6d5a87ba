import { createReadStream, type Stats } from 'node:fs'
import { lstat, readFile, readdir, readlink } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'
import { BuildError, errorMessage } from '../lib/errors.js'
import {
  entersExcludedFolder,
  matchPath,
  parseDockerignore,
  type IgnorePattern,
  type ParentMatches
} from './dockerignore.js'
import { contentId, type ContextEntry } from './fingerprint.js'
import { runLimited } from './run-limited.js'

/** How much of a context is fingerprinted before giving up (the image is then built). */
interface ContextLimits {
  /** Entries (files, folders, links) sent to the builder. */
  readonly entries: number
  /** Bytes of file content sent to the builder. */
  readonly bytes: number
}

/** Defaults: far above a sensible build context, low enough to bound a run's time. */
const CONTEXT_LIMITS: ContextLimits = { entries: 100_000, bytes: 2 * 1024 ** 3 }

/** Files hashed at once. */
const HASH_PARALLEL = 8

/** Files up to this size are read whole; larger ones are streamed through the hash. */
const READ_WHOLE_BYTES = 1024 * 1024

/** What to read a context with. */
export interface ContextOptions {
  /** Absolute path of the Dockerfile (a `Dockerfile.dockerignore` next to it counts too). */
  readonly dockerfile?: string
  readonly limits?: ContextLimits
}

/**
 * The entries of a build context exactly as Docker sends them to the builder: the folder as it
 * is on disk (untracked files, nested repositories, submodule work trees and `.git` included),
 * filtered by `.dockerignore` with Docker's own rules, with modes, folders and symlinks (as
 * links). An ignored `.dockerignore` or Dockerfile is not sent (the CLI sends them, the builder
 * drops them; the Dockerfile's content is part of the fingerprint anyway). When a
 * Dockerfile-specific ignore file (`Dockerfile.dockerignore`, which BuildKit prefers) exists next
 * to the Dockerfile, what either file lets through is covered, since which one applies depends
 * on the builder. Throws a `BuildError` past `limits`.
 */
export async function readContextFiles(
  context: string,
  options: ContextOptions = {}
): Promise<ContextEntry[]> {
  const limits = options.limits ?? CONTEXT_LIMITS
  const readIgnore = (path: string): Promise<string | undefined> =>
    readFile(path, 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    })
  const variants = [
    { file: '.dockerignore', text: (await readIgnore(join(context, '.dockerignore'))) ?? '' }
  ]
  if (options.dockerfile !== undefined) {
    const file = `${options.dockerfile}.dockerignore`
    const text = await readIgnore(file)
    if (text !== undefined) variants.push({ file: basename(file), text })
  }
  const found = new Map<string, { entry: ContextEntry; size: number; full: string }>()
  for (const { file, text } of variants) {
    await walk(context, parseDockerignore(text, file), limits, found)
  }
  const files = [...found.values()]
  const hashed = await runLimited(files, HASH_PARALLEL, async ({ entry, size, full }) =>
    entry.type === 'file' ? { ...entry, id: await hashFile(full, size) } : entry
  )
  return hashed.map((result) => {
    if (!result.ok) throw result.error
    return result.value
  })
}

function entryType(info: Stats): ContextEntry['type'] | undefined {
  if (info.isFile()) return 'file'
  if (info.isDirectory()) return 'dir'
  if (info.isSymbolicLink()) return 'symlink'
  // Docker's archive leaves sockets out.
  if (info.isSocket()) return undefined
  return 'other'
}

async function walk(
  context: string,
  patterns: readonly IgnorePattern[],
  limits: ContextLimits,
  found: Map<string, { entry: ContextEntry; size: number; full: string }>
): Promise<void> {
  let entries = found.size
  // Excluded entries are looked at too (inside a folder an exception reaches into): bounded too.
  let looked = 0
  const lookLimit = limits.entries * 4
  let bytes = [...found.values()].reduce((sum, item) => sum + item.size, 0)
  const tooLarge = (what: string): never => {
    throw new BuildError(
      `the build context ${context} ${what}; ` +
        'skip-unchanged does not fingerprint a context that large (leave out what the image ' +
        'does not need with .dockerignore)'
    )
  }
  const visit = async (folder: string, prefix: string, parent?: ParentMatches): Promise<void> => {
    let names: string[]
    try {
      names = await readdir(folder)
    } catch (error) {
      throw new BuildError(`cannot list ${folder}: ${errorMessage(error)}`)
    }
    for (const name of names.sort()) {
      const path = prefix === '' ? name : `${prefix}/${name}`
      const full = join(folder, name)
      if (++looked > lookLimit) tooLarge(`has more than ${lookLimit} files and folders to look at`)
      const info = await lstat(full)
      const type = entryType(info)
      if (type === undefined) continue
      const { excluded, matched } = matchPath(path, patterns, parent)
      if (excluded) {
        // Not sent; inside it only what an exception names may be.
        if (type === 'dir' && entersExcludedFolder(path, patterns)) {
          await visit(full, path, matched)
        }
        continue
      }
      if (!found.has(path)) {
        if (++entries > limits.entries)
          tooLarge(`sends more than ${limits.entries} files and folders to the builder`)
        const size = type === 'file' ? info.size : 0
        bytes += size
        if (bytes > limits.bytes) tooLarge(`sends more than ${limits.bytes} bytes to the builder`)
        const id = type === 'symlink' ? contentId(await readlink(full, { encoding: 'buffer' })) : ''
        found.set(path, { entry: { path, type, mode: info.mode & 0o7777, id }, size, full })
      }
      if (type === 'dir') await visit(full, path, matched)
    }
  }
  await visit(context, '')
}

async function hashFile(path: string, size: number): Promise<string> {
  if (size <= READ_WHOLE_BYTES) return contentId(await readFile(path))
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
