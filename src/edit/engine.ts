import type { Logger } from '../lib/logger.js'
import { computeEdits } from './compute-edits.js'
import { readCurrentValues, type CurrentValue } from './current-values.js'
import type { EditRequest, FileEdit, FileSource } from './types.js'
import { createWorkspaceSource } from './workspace-source.js'
import { writeEdits } from './write-edits.js'
import { ParseCache } from './yaml-file.js'

/**
 * The edit stage's one entry: every YAML change of a run (release, rollback) is planned, read
 * and written through it. It holds the run's parse cache, so a file whose bytes did not change
 * between the preflight and the edit is parsed once.
 */
export interface EditEngine {
  /** Plans every edit of `request` on `source` (writes nothing; see computeEdits). */
  plan(source: FileSource, request: EditRequest, logger: Logger): Promise<FileEdit[]>
  /** The tag (and repository) each image has in the files of `source` now, and why not. */
  current(
    source: FileSource,
    request: EditRequest
  ): Promise<{ values: Map<string, CurrentValue>; reasons: Map<string, string> }>
  /** The files of a folder (the workspace), read-only. */
  folder(root: string): FileSource
  /** Writes planned edits into a folder, all or nothing. */
  write(root: string, edits: readonly FileEdit[]): Promise<void>
}

/** An EditEngine with a parse cache of its own (one per run). */
export function createEditEngine(): EditEngine {
  const parses = new ParseCache()
  return {
    plan: (source, request, logger) => computeEdits(source, request, logger, parses),
    current: (source, request) => readCurrentValues(source, request),
    folder: (root) => createWorkspaceSource(root),
    write: (root, edits) => writeEdits(root, edits)
  }
}
