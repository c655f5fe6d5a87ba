import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { computeEdits } from '../../src/edit/compute-edits.js'
import { createMemorySource } from '../support/memory-source.js'
import type { EditRequest, FileEdit, ImageTarget } from '../../src/edit/types.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { corpusDir } from '../support/corpus.js'

/** The repository root (this file is __tests__/edit/helpers.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A corpus file's text, e.g. corpusFile('values/bitnami__charts__redis.yaml'). */
export function corpusFile(relative: string): string {
  return readFileSync(join(corpusDir(), relative), 'utf8')
}

/** A request with everything off; override what a test needs. */
export function request(overrides: Partial<EditRequest> = {}): EditRequest {
  return {
    images: [],
    valuesFiles: ['helm/values.yaml'],
    valuesFileIsDefault: true,
    tagPath: '{name}.tag',
    kustomizations: [],
    manifests: [],
    pinDigest: false,
    changes: '',
    createMissing: false,
    vars: { tag: '2682590', sha: '2682590aabbccddeeff00112233445566778899a', shortSha: '2682590' },
    ...overrides
  }
}

/** An image target on Docker Hub. */
export function image(name: string, tag = '2682590', digest = ''): ImageTarget {
  return { name, repository: `docker.io/acme/${name}`, tag, digest }
}

/** Runs computeEdits over in-memory files. */
export async function run(
  files: Record<string, string>,
  overrides: Partial<EditRequest> = {}
): Promise<{ edits: FileEdit[]; after: (path: string) => string; log: string[] }> {
  const logger = createMemoryLogger()
  const edits = await computeEdits(createMemorySource(files), request(overrides), logger)
  const after = (path: string): string => {
    const edit = edits.find((e) => e.path === path)
    if (!edit) throw new Error(`no edit for ${path}`)
    return edit.after
  }
  return { edits, after, log: logger.lines }
}

/** Edits one file through the `changes` FILE: {PATH: VALUE} form; returns the new text. */
export async function editFile(
  text: string,
  changes: Record<string, unknown>,
  overrides: Partial<EditRequest> = {}
): Promise<string> {
  const { after } = await run(
    { 'f.yaml': text },
    { changes: JSON.stringify({ 'f.yaml': changes }), ...overrides }
  )
  return after('f.yaml')
}

/** 0-based indexes of the lines that differ (texts must have the same number of lines). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n')
  const b = after.split('\n')
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`)
  return a.flatMap((line, i) => (line === b[i] ? [] : [i]))
}

/** 0-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1
}
