import { isMap, isScalar, parseDocument } from 'yaml'
import { InputError } from '../errors.js'
import { parsePath } from './path.js'
import type { PathSegment } from './path.js'
import type { ScalarValue } from './render-scalar.js'
import type { EditVars } from './types.js'
import { scalarString } from './render-scalar.js'

/** One `PATH: VALUE` of the `changes` input. */
export interface ChangeEntry {
  readonly pathText: string
  readonly segments: readonly PathSegment[]
  readonly value: ScalarValue
}

/** The `changes` input: entries for the values files, and entries per named file. */
export interface ChangeSet {
  readonly values: readonly ChangeEntry[]
  readonly files: readonly { readonly file: string; readonly entries: readonly ChangeEntry[] }[]
}

const INPUT = 'changes'

/** Replaces `{tag}`, `{sha}` and `{short-sha}` in a string. */
export function substituteVars(text: string, vars: EditVars): string {
  return text
    .replaceAll('{tag}', vars.tag)
    .replaceAll('{short-sha}', vars.shortSha)
    .replaceAll('{sha}', vars.sha)
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}

function entry(text: string, key: unknown, node: unknown, vars: EditVars): ChangeEntry {
  const pathText = scalarString(key)
  if (!isScalar(node)) {
    const line = lineOf(text, (node as { range?: [number] } | null)?.range?.[0] ?? 0)
    throw new InputError(
      `${INPUT}: the value of ${pathText} (line ${line}) is a list or missing; a value must be a string, number, boolean or null ` +
        '(a map marks a file: FILE: {PATH: VALUE}).',
      { input: INPUT, path: pathText, line }
    )
  }
  const raw = node.value
  if (raw !== null && !['string', 'number', 'boolean'].includes(typeof raw)) {
    throw new InputError(
      `${INPUT}: the value of ${pathText} is not a string, number, boolean or null.`,
      {
        input: INPUT,
        path: pathText
      }
    )
  }
  const value = typeof raw === 'string' ? substituteVars(raw, vars) : (raw as ScalarValue)
  return { pathText, segments: parsePath(pathText, INPUT), value }
}

/**
 * Parses the `changes` input (YAML or JSON), in either form yaml-update-action takes:
 * `PATH: VALUE` (for the values files) or `FILE: {PATH: VALUE}`; both may be mixed. String values
 * get `{tag}`, `{sha}` and `{short-sha}` replaced; numbers, booleans and null keep their type.
 */
export function parseChanges(text: string, vars: EditVars): ChangeSet {
  if (text.trim() === '') return { values: [], files: [] }
  const doc = parseDocument(text, { prettyErrors: false })
  const error = doc.errors[0]
  if (error) {
    const line = lineOf(text, error.pos[0])
    throw new InputError(`${INPUT}: not valid YAML or JSON at line ${line}: ${error.message}`, {
      input: INPUT,
      line
    })
  }
  const root = doc.contents
  if (!isMap(root)) {
    throw new InputError(
      `${INPUT}: expected a map of PATH: VALUE or FILE: {PATH: VALUE}, got ${root === null ? 'nothing' : 'a single value or list'}.`,
      { input: INPUT }
    )
  }
  const values: ChangeEntry[] = []
  const files: { file: string; entries: ChangeEntry[] }[] = []
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    if (key === undefined || key === null || typeof key === 'object') {
      throw new InputError(`${INPUT}: every key must be a path or a file name.`, { input: INPUT })
    }
    if (isMap(pair.value)) {
      const entries = pair.value.items.map((inner) =>
        entry(text, isScalar(inner.key) ? inner.key.value : '', inner.value, vars)
      )
      files.push({ file: scalarString(key), entries })
    } else {
      values.push(entry(text, key, pair.value, vars))
    }
  }
  return { values, files }
}
