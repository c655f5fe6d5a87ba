import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { InputError } from '../lib/errors.js'
import { assertExact, assertSafeValueKey, parseTaggedString, typedValue } from './edit-value.js'
import type { EditValue } from './edit-value.js'
import { nestingDepth } from './nesting.js'
import { parsePath } from './path.js'
import type { PathSegment } from './path.js'
import type { EditVars } from './types.js'
import { scalarString } from './render-scalar.js'

/** One `PATH: VALUE` of the `changes` input. */
export interface ChangeEntry {
  readonly pathText: string
  readonly segments: readonly PathSegment[]
  /** A scalar, or (in the FILE: {PATH: VALUE} form, or as a list) a map or list. */
  readonly value: EditValue
}

/** The `changes` input: entries for the values files, and entries per named file. */
interface ChangeSet {
  readonly values: readonly ChangeEntry[]
  readonly files: readonly { readonly file: string; readonly entries: readonly ChangeEntry[] }[]
}

const INPUT = 'changes'

/**
 * Deepest nesting (maps and lists inside each other) the `changes` input may have. Values files
 * nest a few levels; the limit only keeps a hostile input from exhausting the parser's stack.
 */
const MAX_CHANGES_DEPTH = 100

/** Replaces `{tag}`, `{sha}` and `{short-sha}` in a string. */
function substituteVars(text: string, vars: EditVars): string {
  return text
    .replaceAll('{tag}', vars.tag)
    .replaceAll('{short-sha}', vars.shortSha)
    .replaceAll('{sha}', vars.sha)
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}

function lineAt(text: string, node: unknown): number {
  return lineOf(text, (node as { range?: [number] } | null)?.range?.[0] ?? 0)
}

/**
 * The value of one YAML node of the input: strings get `{tag}`, `{sha}` and `{short-sha}`
 * replaced, and a string starting with `!!` (`"!!bool 'true'"`) is read as that typed value,
 * as yaml-update-action does; a node tagged in the YAML itself keeps its tag's type.
 */
function toValue(
  text: string,
  node: unknown,
  where: string,
  file: string,
  vars: EditVars
): EditValue {
  const line = lineAt(text, node)
  if (isAlias(node)) {
    throw new InputError(
      `${INPUT}: the value of ${where} (line ${line}) is the alias *${node.source}; write the value itself.`,
      { input: INPUT, path: where, line }
    )
  }
  if (isMap(node)) {
    const out = new Map<string, EditValue>()
    for (const pair of node.items) {
      if (!isScalar(pair.key) || typeof pair.key.value === 'object') {
        throw new InputError(
          `${INPUT}: a key inside the value of ${where} (line ${line}) is not a string; map keys must be plain text.`,
          { input: INPUT, path: where, line }
        )
      }
      const key = scalarString(pair.key.value)
      assertSafeValueKey(key, where, INPUT)
      if (key === '<<') {
        throw new InputError(
          `${INPUT}: the value of ${where} for ${file} (line ${lineAt(text, pair.key)}) has the key '<<', which Helm's YAML reader takes as a merge key (it merges the map under it into the value) rather than a key named <<; it is refused.`,
          { input: INPUT, path: where, line: lineAt(text, pair.key) }
        )
      }
      out.set(key, toValue(text, pair.value, where, file, vars))
    }
    return out
  }
  if (isSeq(node)) return node.items.map((item) => toValue(text, item, where, file, vars))
  if (!isScalar(node)) return null
  const raw = node.value
  if (node.tag !== undefined) {
    const value = typedValue(node.tag, raw)
    if (value === undefined) {
      throw new InputError(
        `${INPUT}: the value of ${where} (line ${line}) has the tag ${node.tag}, which is refused or does not fit the value ${JSON.stringify(String(node.source ?? raw))}; ` +
          "use !!str, !!int, !!float, !!bool or !!null with a value of that type, e.g. !!bool 'true'.",
        { input: INPUT, path: where, line }
      )
    }
    assertExact(value, String(node.source ?? raw), where, INPUT, line)
    return typeof value === 'string' ? substituteVars(value, vars) : value
  }
  if (raw !== null && !['string', 'number', 'boolean'].includes(typeof raw)) {
    throw new InputError(
      `${INPUT}: the value of ${where} (line ${line}) is not a string, number, boolean, null, map or list.`,
      { input: INPUT, path: where, line }
    )
  }
  if (typeof raw !== 'string') {
    assertExact(raw as EditValue, String(node.source ?? raw), where, INPUT, line)
    return raw as EditValue
  }
  const value = substituteVars(raw, vars)
  return value.startsWith('!!') ? parseTaggedString(value, where, INPUT) : value
}

function entry(
  text: string,
  key: unknown,
  node: unknown,
  file: string,
  vars: EditVars
): ChangeEntry {
  const pathText = scalarString(key)
  const segments = parsePath(pathText, INPUT)
  return { pathText, segments, value: toValue(text, node, pathText, file, vars) }
}

/**
 * How many members the top-level JSON object in `text` has, counting repeats of a key (which
 * JSON.parse folds into one). `text` must be valid JSON holding one object.
 */
function topLevelMembers(text: string): number {
  let depth = 0
  let commas = 0
  let empty = true
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') {
      inString = true
      if (depth === 1) empty = false
    } else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
    else if (c === ',' && depth === 1) commas++
  }
  return empty ? 0 : commas + 1
}

/**
 * The common case read without the YAML parser: a JSON object of `PATH: "string"` entries. It
 * gives what the YAML reading gives for such input (YAML is a superset of JSON), and returns
 * undefined for anything else (a repeated key, which YAML refuses and JSON.parse folds; a
 * non-string value; a very long key), which then goes the YAML way with its line numbers.
 */
function parseJsonChanges(text: string, vars: EditVars): ChangeSet | undefined {
  // A tab between JSON tokens is whitespace to JSON, but may be refused as indentation by YAML.
  if (!text.trimStart().startsWith('{') || text.includes('\t')) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  const pairs = Object.entries(parsed)
  if (pairs.length !== topLevelMembers(text)) return undefined
  // YAML caps an implicit key at 1024 characters; leave such keys to its error.
  if (pairs.some(([key, value]) => typeof value !== 'string' || key.length > 1000)) {
    return undefined
  }
  const values = pairs.map(([pathText, raw]): ChangeEntry => {
    const segments = parsePath(pathText, INPUT)
    const value = substituteVars(raw as string, vars)
    return {
      pathText,
      segments,
      value: value.startsWith('!!') ? parseTaggedString(value, pathText, INPUT) : value
    }
  })
  return { values, files: [] }
}

/**
 * Parses the `changes` input (YAML or JSON), in either form yaml-update-action takes:
 * `PATH: VALUE` (for the values files) or `FILE: {PATH: VALUE}`; both may be mixed (at the top
 * level a map value marks a file; inside a file's map a value may be a map or list). String
 * values get `{tag}`, `{sha}` and `{short-sha}` replaced; numbers, booleans and null keep their
 * type; `!!int '1'`-style typed values (in the YAML, or as a string) become that type.
 */
export function parseChanges(text: string, vars: EditVars): ChangeSet {
  if (text.trim() === '') return { values: [], files: [] }
  const json = parseJsonChanges(text, vars)
  if (json !== undefined) return json
  const nesting = nestingDepth(text, MAX_CHANGES_DEPTH)
  if (nesting.depth > MAX_CHANGES_DEPTH) {
    throw new InputError(
      `${INPUT}: the input nests more than ${MAX_CHANGES_DEPTH} levels of maps and lists inside each other (at line ${nesting.line}); it is refused unparsed.`,
      { input: INPUT, line: nesting.line }
    )
  }
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
      const line = lineAt(text, pair.key)
      throw new InputError(
        `${INPUT}: the key at line ${line} is ${key === null || key === undefined ? 'empty' : 'not text'}; every key must be a path (backend.image.tag) or a file name (FILE: {PATH: VALUE}).`,
        { input: INPUT, line }
      )
    }
    if (isMap(pair.value)) {
      const name = scalarString(key)
      if (/^\$|[[\]]/.test(name)) {
        const line = lineAt(text, pair.value)
        throw new InputError(
          `${INPUT}: ${name} (line ${line}) has a map as its value, which marks a file (FILE: {PATH: VALUE}), ` +
            `but ${name} looks like a path. To set a map value, name the file: {values.yaml: {${JSON.stringify(name)}: {…}}}.`,
          { input: INPUT, path: name, line }
        )
      }
      const entries = pair.value.items.map((inner) =>
        entry(
          text,
          isScalar(inner.key) ? inner.key.value : '',
          inner.value,
          scalarString(key),
          vars
        )
      )
      files.push({ file: scalarString(key), entries })
    } else {
      values.push(entry(text, key, pair.value, 'the values files', vars))
    }
  }
  return { values, files }
}
