import { isDeepStrictEqual } from 'node:util'
import {
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit
} from 'yaml'
import type { Document, Node, Pair } from 'yaml'
import { InternalError } from '../lib/errors.js'
import { parsesAsJson } from './json-text.js'
import type { YamlFile } from './yaml-file.js'
import { PARSE_OPTIONS } from './yaml-file.js'

/** One replacement of `[start, end)` of the original text (an insertion when start === end). */
export interface Piece {
  readonly start: number
  readonly end: number
  readonly text: string
}

function keyLabel(key: unknown): string {
  return isScalar(key) ? String(key.value) : '(complex key)'
}

/**
 * The first place where two parsed trees hold different data, or undefined when they hold the
 * same. Aliases are compared by the anchor they name, never expanded, so the work is linear in
 * the number of nodes however deeply aliases nest. Scalar keys compare as strings, as they did
 * when both trees were turned into plain objects.
 */
function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  const here = at === '' ? '(document root)' : at
  const child = (label: string): string => (at === '' ? label : `${at}.${label}`)
  if (a === b) return undefined
  if (isAlias(a) || isAlias(b)) {
    return isAlias(a) && isAlias(b) && a.source === b.source ? undefined : here
  }
  if (isNode(a) && isNode(b) && a.anchor !== b.anchor) return here
  if (isScalar(a) && isScalar(b)) {
    return isDeepStrictEqual(a.value, b.value) ? undefined : here
  }
  if (isMap(a) && isMap(b)) {
    if (a.items.length !== b.items.length) return here
    for (const [i, p] of a.items.entries()) {
      const q = b.items[i]
      if (!q) return here
      const label = keyLabel(p.key)
      if (isScalar(p.key) && isScalar(q.key)) {
        if (String(p.key.value) !== String(q.key.value)) return child(label)
      } else if (firstDifference(p.key, q.key, child(label)) !== undefined) {
        return child(label)
      }
      const diff = firstDifference(p.value, q.value, child(label))
      if (diff !== undefined) return diff
    }
    return undefined
  }
  if (isSeq(a) && isSeq(b)) {
    if (a.items.length !== b.items.length) return here
    for (let i = 0; i < a.items.length; i++) {
      const diff = firstDifference(a.items[i], b.items[i], child(String(i)))
      if (diff !== undefined) return diff
    }
    return undefined
  }
  // An empty value is null in a parse and may be an absent node in a built tree.
  const isNull = (n: unknown): boolean => n == null || (isScalar(n) && n.value === null)
  return isNull(a) && isNull(b) ? undefined : here
}

function fail(path: string, what: string): never {
  throw new InternalError(
    `internal error: the edit of ${path} would ${what}; nothing was written. This is a bug in gitops-release, please report it with the file.`,
    { file: path }
  )
}

/** Full check: the whole new text, parsed again, equals the expected documents. */
function verifyFull(path: string, expected: readonly Document[], out: string): void {
  const docs = parseAllDocuments(out, PARSE_OPTIONS)
  const error = docs.find((doc) => doc.errors.length > 0)?.errors[0]
  if (error) fail(path, `not parse (${error.message})`)
  if (docs.length !== expected.length) {
    fail(path, `change the number of documents from ${expected.length} to ${docs.length}`)
  }
  docs.forEach((doc, i) => {
    const diff = firstDifference(doc.contents, expected[i]?.contents, '')
    if (diff !== undefined)
      fail(path, `change more than intended: ${diff} in document ${i + 1} differs`)
  })
}

function hasAnchorsOrAliases(node: unknown): boolean {
  if (node === null || node === undefined) return false
  let found = false
  visit(node as Node, {
    Node(_key, n) {
      if (isAlias(n) || ((isScalar(n) || isCollection(n)) && n.anchor !== undefined)) {
        found = true
        return visit.BREAK
      }
      return undefined
    }
  })
  return found
}

interface Entry {
  readonly pair: Pair
  /** Start of the key's line and end of the entry (the next sibling's line, or the parent's end). */
  readonly from: number
  readonly to: number
}

function isSpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ') return false
  return true
}

/**
 * The innermost block-map entry whose value holds `piece`, descending from the root map while
 * every key of a map starts its own line (only spaces before it). Undefined when even the root
 * entries do not qualify or the piece lies in no entry's value.
 */
function innermostEntry(file: YamlFile, root: unknown, piece: Piece): Entry | undefined {
  let map = root
  let found: Entry | undefined
  let end = file.text.length
  while (isMap(map) && map.flow !== true && map.anchor === undefined) {
    const lineStarts: number[] = []
    for (const pair of map.items) {
      const at = (pair.key as Node | null)?.range?.[0]
      if (!isScalar(pair.key) || at === undefined) return found
      const lineStart = at - file.columnOf(at)
      if (!isSpaces(file.text, lineStart, at)) return found
      lineStarts.push(lineStart)
    }
    const j = map.items.findIndex((pair) => {
      const keyStart = (pair.key as Node).range?.[0] ?? Infinity
      const valueEnd = (pair.value as Node | null)?.range?.[1] ?? -1
      return keyStart <= piece.start && piece.end <= valueEnd
    })
    const pair = map.items[j]
    if (!pair) return found
    found = { pair, from: lineStarts[j] ?? 0, to: lineStarts[j + 1] ?? end }
    end = found.to
    map = pair.value
  }
  return found
}

/**
 * Fast check for single-document files whose root is a block map: a block-map entry whose key
 * starts its line parses the same on its own as inside the file (it ends at the next line with a
 * key at its indentation or less), so only the innermost entries holding an edit are parsed
 * again. Returns false when the file does not qualify or any check fails; the caller then runs
 * the full check, which decides.
 */
function verifyEntries(file: YamlFile, pieces: readonly Piece[], out: string): boolean {
  if (file.docs.length !== 1 || /^%/m.test(file.text)) return false
  const root = file.docs[0]?.contents
  const shift = (offset: number): number =>
    pieces.reduce(
      (sum, p) => (p.start <= offset ? sum + p.text.length - (p.end - p.start) : sum),
      0
    )
  const entries = new Map<Pair, Entry>()
  for (const piece of pieces) {
    const entry = innermostEntry(file, root, piece)
    if (!entry) return false
    entries.set(entry.pair, entry)
  }
  const value = (n: unknown): unknown => (isScalar(n) || isCollection(n) ? n.toJSON() : null)
  for (const { pair, from, to } of entries.values()) {
    if (hasAnchorsOrAliases(pair.key) || hasAnchorsOrAliases(pair.value)) return false
    const docs = parseAllDocuments(out.slice(from + shift(from), to + shift(to)), PARSE_OPTIONS)
    const got = docs[0]?.contents
    if (docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0 || !isMap(got)) return false
    const [entry] = got.items
    if (got.items.length !== 1 || !entry || !isScalar(entry.key) || !isScalar(pair.key))
      return false
    if (!Object.is(entry.key.value, pair.key.value)) return false
    if (!isDeepStrictEqual(value(entry.value), value(pair.value))) return false
  }
  return true
}

/**
 * Requires `out` (the original text with `pieces` applied) to hold exactly the data of the
 * file's documents, whose nodes already carry the intended changes, and a file edited as JSON
 * to still parse as JSON. Any other difference is a bug in the engine: throws InternalError, so
 * nothing gets written.
 */
export function verifyEdit(
  file: YamlFile,
  pieces: readonly Piece[],
  out: string,
  rootInserts: boolean
): void {
  // A file edited as JSON stays JSON (unless it was not valid JSON to begin with).
  if (file.json && !parsesAsJson(out) && parsesAsJson(file.text))
    fail(file.path, 'not be valid JSON')
  if (!rootInserts && verifyEntries(file, pieces, out)) return
  verifyFull(file.path, file.docs, out)
}
