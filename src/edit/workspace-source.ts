import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EditError, errorMessage } from '../errors.js'
import type { FileSource } from './types.js'
import { normalizeRelativePath, resolveInside } from './workspace-path.js'

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
      if (entry.name !== '.git') await listFiles(root, path, out)
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileLink(join(root, path))))) {
      out.push(path)
    }
  }
}

/**
 * A FileSource over a folder (the workspace or a clone). Refuses `../`, absolute paths and
 * symlinks that lead out of `root` with an EditError naming the file.
 */
export function createWorkspaceSource(root: string): FileSource {
  return {
    description: root,
    async read(path: string): Promise<Buffer | undefined> {
      const real = await resolveInside(root, path)
      if (real === undefined) return undefined
      try {
        return await readFile(real)
      } catch (error) {
        const file = normalizeRelativePath(path)
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
