import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EditError, errorMessage } from '../lib/errors.js'
import { MAX_FILE_BYTES, tooLarge } from './read-text.js'
import type { FileSource } from './types.js'
import { hasGitSegment, normalizeRelativePath, resolveInside } from './workspace-path.js'

async function isFileLink(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

async function listFiles(root: string, folder: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, folder), { withFileTypes: true })
  for (const entry of entries) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`
    // Symlinked folders are not followed: they may loop or lead out of the repository.
    if (entry.isDirectory()) {
      if (!hasGitSegment(entry.name)) await listFiles(root, path, out)
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileLink(join(root, path))))) {
      out.push(path)
    }
  }
}

/**
 * A FileSource over a folder (the workspace or a clone). Refuses `../`, absolute paths and
 * symlinks that lead out of `root`, paths inside `.git/` and files over MAX_FILE_BYTES with an
 * EditError naming the file.
 */
export function createWorkspaceSource(root: string): FileSource {
  return {
    description: root,
    async read(path: string): Promise<Buffer | undefined> {
      const real = await resolveInside(root, path)
      if (real === undefined) return undefined
      const file = normalizeRelativePath(path)
      let size: number
      try {
        size = (await stat(real)).size
      } catch (error) {
        throw new EditError(`${file} cannot be read: ${errorMessage(error)}`, { file })
      }
      // Checked before reading, so a huge file never gets into memory.
      if (size > MAX_FILE_BYTES) throw tooLarge(file, size)
      try {
        return await readFile(real)
      } catch (error) {
        throw new EditError(`${file} cannot be read: ${errorMessage(error)}`, { file })
      }
    },
    async list(): Promise<string[]> {
      const out: string[] = []
      await listFiles(root, '', out)
      return out.sort()
    }
  }
}
