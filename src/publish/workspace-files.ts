import { lstat, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { FileEdit } from '../edit/types.js'
import type { Logger } from '../logger.js'
import { checkRepositoryPath } from './tree-source.js'

async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * Writes the committed content of each changed file into the work tree at `root`, so later
 * steps see it. Other files, the index and HEAD are left alone. A path that runs through a
 * symbolic link in the work tree is skipped with a warning rather than followed.
 */
export async function writeWorkspaceFiles(
  root: string,
  edits: readonly FileEdit[],
  logger: Logger
): Promise<string[]> {
  const written: string[] = []
  for (const edit of edits) {
    if (edit.before === edit.after) continue
    const parts = checkRepositoryPath(edit.path)
    let linked = false
    for (let i = 1; i <= parts.length && !linked; i++) {
      linked = await isSymlink(join(root, ...parts.slice(0, i)))
    }
    if (linked) {
      logger.warning(
        `Not updating ${edit.path} in the workspace: the path runs through a symbolic link. The commit has the new content.`
      )
      continue
    }
    const target = join(root, ...parts)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, edit.after, 'utf8')
    written.push(edit.path)
  }
  return written
}
