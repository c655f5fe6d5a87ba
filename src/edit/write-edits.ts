import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ActionError, EditError, errorMessage } from '../lib/errors.js'
import type { Logger } from '../lib/logger.js'
import type { FileEdit } from './types.js'
import { normalizeRelativePath, resolveInside } from './workspace-path.js'

interface Prepared {
  readonly edit: FileEdit
  readonly target: string
  readonly temp: string
  /** The target's mode; undefined for a file that did not exist (the umask decides). */
  readonly mode: number | undefined
}

function tempBeside(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.gitops-release-${randomBytes(6).toString('hex')}.tmp`
  )
}

async function writeTemp(
  target: string,
  content: string,
  mode: number | undefined,
  temps: string[]
): Promise<string> {
  const temp = tempBeside(target)
  temps.push(temp)
  await writeFile(temp, content, { flag: 'wx', ...(mode === undefined ? {} : { mode }) })
  if (mode !== undefined) await chmod(temp, mode)
  return temp
}

function cannotWrite(edit: FileEdit, error: unknown, consequence: string): ActionError {
  if (error instanceof ActionError) return error
  return new EditError(`${edit.path} cannot be written: ${errorMessage(error)}. ${consequence}`, {
    file: edit.path
  })
}

/**
 * Where the content of `path` goes under `root`: the real file (a symlink is followed when it
 * stays inside the root, outside the `.git` folder; EditError otherwise), or for a missing file
 * its place under the real root, when `create` allows one.
 */
async function targetOf(root: string, path: string, create: boolean): Promise<string> {
  const real = await resolveInside(root, path)
  if (real !== undefined) return real
  if (!create) throw new EditError(`${path} no longer exists; no file was changed.`, { file: path })
  return join(await realpath(root), ...normalizeRelativePath(path).split('/'))
}

async function modeOf(target: string): Promise<number | undefined> {
  try {
    return (await stat(target)).mode & 0o7777
  } catch {
    return undefined
  }
}

async function prepare(root: string, edit: FileEdit, temps: string[]): Promise<Prepared> {
  const target = await targetOf(root, edit.path, false)
  const current = await readFile(target, 'utf8')
  if (current !== edit.before) {
    throw new EditError(
      `${edit.path} changed on disk after it was read; no file was changed. Re-run to edit the new content.`,
      { file: edit.path }
    )
  }
  const mode = await modeOf(target)
  return { edit, target, mode, temp: await writeTemp(target, edit.after, mode, temps) }
}

/**
 * Writes the changed files of `edits` under `root`, all or nothing: every new content goes to a
 * temp file beside its target (keeping the file mode) first, then the temps are renamed over the
 * targets. On a failure the temps are removed and files already renamed are restored.
 * Unchanged edits (after === before) are skipped. A symlinked file is written through to the
 * file it points to; one leading outside the root or into `.git` is refused (EditError).
 */
export async function writeEdits(root: string, edits: readonly FileEdit[]): Promise<void> {
  const changed = edits.filter((edit) => edit.after !== edit.before)
  const temps: string[] = []
  const prepared: Prepared[] = []
  const cleanup = (): Promise<unknown> =>
    Promise.all(temps.map((temp) => rm(temp, { force: true })))
  for (const edit of changed) {
    try {
      prepared.push(await prepare(root, edit, temps))
    } catch (error) {
      await cleanup()
      throw cannotWrite(edit, error, 'No file was changed.')
    }
  }
  const renamed: Prepared[] = []
  for (const item of prepared) {
    try {
      await rename(item.temp, item.target)
      renamed.push(item)
    } catch (error) {
      for (const done of renamed) {
        const temp = await writeTemp(done.target, done.edit.before, done.mode, temps)
        await rename(temp, done.target)
      }
      await cleanup()
      throw cannotWrite(item.edit, error, 'No file was changed.')
    }
  }
}

/**
 * Brings the work tree at `root` up to a commit that already landed: each changed file gets the
 * committed content (`after`), whatever the work tree held, each written atomically (temp file
 * and rename, keeping the mode; a missing file and its folders are created). The same symlink
 * rule as writeEdits applies; a file it refuses, or that cannot be written, is skipped with a
 * warning (the commit has the new content). Returns the paths written.
 */
export async function updateWorkTree(
  root: string,
  edits: readonly FileEdit[],
  logger: Logger
): Promise<string[]> {
  const written: string[] = []
  for (const edit of edits) {
    if (edit.before === edit.after) continue
    const temps: string[] = []
    try {
      const target = await targetOf(root, edit.path, true)
      await mkdir(dirname(target), { recursive: true })
      await rename(await writeTemp(target, edit.after, await modeOf(target), temps), target)
      written.push(edit.path)
    } catch (error) {
      await Promise.all(temps.map((temp) => rm(temp, { force: true })))
      const reason = cannotWrite(edit, error, 'The commit has the new content.').message
      logger.warning(`Not updating ${edit.path} in the workspace: ${reason}`)
    }
  }
  return written
}
