import { randomBytes } from 'node:crypto'
import { chmod, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ActionError, EditError, errorMessage } from '../errors.js'
import type { FileEdit } from './types.js'
import { resolveInside } from './workspace-path.js'

interface Prepared {
  readonly edit: FileEdit
  readonly target: string
  readonly temp: string
  readonly mode: number
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
  mode: number,
  temps: string[]
): Promise<string> {
  const temp = tempBeside(target)
  temps.push(temp)
  await writeFile(temp, content, { flag: 'wx', mode })
  await chmod(temp, mode)
  return temp
}

function cannotWrite(edit: FileEdit, error: unknown): ActionError {
  if (error instanceof ActionError) return error
  return new EditError(
    `${edit.path} cannot be written: ${errorMessage(error)}. No file was changed.`,
    {
      file: edit.path
    }
  )
}

async function prepare(root: string, edit: FileEdit, temps: string[]): Promise<Prepared> {
  const target = await resolveInside(root, edit.path)
  if (target === undefined) {
    throw new EditError(`${edit.path} no longer exists; no file was changed.`, { file: edit.path })
  }
  const current = await readFile(target, 'utf8')
  if (current !== edit.before) {
    throw new EditError(
      `${edit.path} changed on disk after it was read; no file was changed. Re-run to edit the new content.`,
      { file: edit.path }
    )
  }
  const mode = (await stat(target)).mode & 0o7777
  return { edit, target, mode, temp: await writeTemp(target, edit.after, mode, temps) }
}

/**
 * Writes the changed files of `edits` under `root`, all or nothing: every new content goes to a
 * temp file beside its target (keeping the file mode) first, then the temps are renamed over the
 * targets. On a failure the temps are removed and files already renamed are restored.
 * Unchanged edits (after === before) are skipped. Symlinked files are written through to the
 * file they point to (inside the root).
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
      throw cannotWrite(edit, error)
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
      throw cannotWrite(item.edit, error)
    }
  }
}
