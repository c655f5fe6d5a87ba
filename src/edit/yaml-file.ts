import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { Alias, Document, Node } from 'yaml'
import { EditError } from '../lib/errors.js'
import { isJsonFile } from './json-text.js'

/**
 * Options for every parse of a file we edit, so the verification parse reads it the same way.
 * The parser's own duplicate-key check compares each key with every earlier key of its map
 * (quadratic on big maps), so it is off and `parseYamlFile` checks keys itself in linear time.
 */
export const PARSE_OPTIONS = {
  prettyErrors: false,
  keepSourceTokens: false,
  uniqueKeys: false
} as const

/**
 * Most nodes a file's aliases may stand for, counted as if every alias were replaced by a copy of
 * its anchored node (nested aliases multiply). Real values files stay far below; an "alias bomb"
 * (a billion nodes from a few hundred bytes) is refused before anything expands it.
 */
const MAX_ALIAS_EXPANSION = 1_000_000

/** One parsed YAML file: its text, its documents and a line lookup for messages. */
export interface YamlFile {
  /** Repository-relative path. */
  readonly path: string
  /** The input that named this file (for error locations). */
  readonly input: string
  readonly text: string
  /** Edited as JSON (a `.json` name, or a text that is JSON): see json-text.ts. */
  readonly json: boolean
  readonly docs: readonly Document.Parsed[]
  /** 1-based line of a character offset. */
  lineOf(offset: number): number
  /** 0-based column of a character offset. */
  columnOf(offset: number): number
  /**
   * The node an alias of this file stands for (the last node anchored with its name before it),
   * found without a scan of the document (yaml's `Alias.resolve` scans it on every call).
   */
  aliasTarget(alias: Alias): Node | undefined
}

/** Start offsets of every line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  let at = text.indexOf('\n')
  while (at !== -1) {
    starts.push(at + 1)
    at = text.indexOf('\n', at + 1)
  }
  return starts
}

function lineLookup(text: string): Pick<YamlFile, 'lineOf' | 'columnOf'> {
  let starts: number[] | undefined
  const lineOf = (offset: number): number => {
    starts ??= lineStarts(text)
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
  const columnOf = (offset: number): number => {
    starts ??= lineStarts(text)
    return offset - (starts[lineOf(offset) - 1] ?? 0)
  }
  return { lineOf, columnOf }
}

function parseFailure(message: string): string {
  return `YAML does not parse: ${message}. Fix the file so that it parses, then re-run.`
}

/** A problem found by the walk over a parsed document, at a character offset. */
interface Finding {
  readonly offset: number
  readonly message: string
}

/**
 * One pass over a document, in document order: finds the first duplicate key of any map (what
 * the parser's `uniqueKeys` check reports, by a Set per map instead of a scan per key) and sums
 * how many nodes the aliases stand for, each anchored node's expanded size computed once.
 */
function checkDocument(
  doc: Document.Parsed,
  targets: Map<Alias, Node | undefined>
): Finding | undefined {
  const anchors = new Map<string, Node>()
  const sizes = new Map<Node, number>()
  let expansion = 0
  let found: Finding | undefined

  const sizeOf = (node: unknown): number => {
    if (found !== undefined || node === null || typeof node !== 'object') return 1
    if (isAlias(node)) return aliasSize(node)
    if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value)
    const n = node as Node
    // Anchored before its children: an alias inside its own anchor is a cycle, counted once.
    if (n.anchor !== undefined) anchors.set(n.anchor, n)
    let size = 1
    if (isMap(n)) {
      checkKeys(n.items)
      for (const pair of n.items) size += sizeOf(pair)
    } else if (isSeq(n)) {
      for (const item of n.items) size += sizeOf(item)
    }
    if (n.anchor !== undefined) sizes.set(n, size)
    return size
  }

  const aliasSize = (alias: Alias): number => {
    const target = anchors.get(alias.source)
    targets.set(alias, target)
    const size = (target && sizes.get(target)) ?? 1
    expansion += size
    if (expansion > MAX_ALIAS_EXPANSION && found === undefined) {
      found = {
        offset: alias.range?.[0] ?? 0,
        message: `YAML aliases would expand to more than ${MAX_ALIAS_EXPANSION} nodes (nested aliases multiply, as in an "alias bomb"); the file is refused rather than expanded. Use fewer nested aliases.`
      }
    }
    return size
  }

  const checkKeys = (pairs: readonly { key: unknown }[]): void => {
    const seen = new Set<unknown>()
    for (const { key } of pairs) {
      if (!isScalar(key)) continue
      // The parser's rule: scalar keys are equal when their values are (===); NaN never is.
      const value = key.value
      if (typeof value === 'number' && Number.isNaN(value)) continue
      if (seen.has(value) && found === undefined) {
        found = { offset: key.range?.[0] ?? 0, message: parseFailure('Map keys must be unique') }
      }
      seen.add(value)
    }
  }

  sizeOf(doc.contents)
  return found
}

/**
 * Parses every document of a file. Throws EditError with the file, the line and the parser's
 * message when any document has an error (warnings are accepted), has a duplicate key, or has
 * aliases that would expand past MAX_ALIAS_EXPANSION nodes.
 */
export function parseYamlFile(path: string, text: string, input: string): YamlFile {
  const docs = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]
  const { lineOf, columnOf } = lineLookup(text)
  const refuse = (offset: number, sentence: string): never => {
    const line = lineOf(offset)
    const column = columnOf(offset) + 1
    throw new EditError(`${path}:${line}:${column}: ${sentence}`, {
      input,
      file: path,
      line,
      column
    })
  }
  for (const doc of docs) {
    const error = doc.errors[0]
    if (error) refuse(error.pos[0], parseFailure(error.message))
  }
  const targets = new Map<Alias, Node | undefined>()
  for (const doc of docs) {
    const finding = checkDocument(doc, targets)
    if (finding) refuse(finding.offset, finding.message)
  }
  const aliasTarget = (alias: Alias): Node | undefined => targets.get(alias)
  return { path, input, text, json: isJsonFile(path, text), docs, lineOf, columnOf, aliasTarget }
}

/**
 * Parsed files by path, reused while their text is unchanged: the preflight and the edit of one
 * run read the same bytes, and parsing them once is enough. Whoever edits a cached file's
 * documents must take the changes back (FileEditor.restore) before the next parse call.
 */
export class ParseCache {
  private readonly files = new Map<string, YamlFile>()

  /** Like parseYamlFile, but returns the earlier parse when `path` had the same text. */
  parse(path: string, text: string, input: string): YamlFile {
    const known = this.files.get(path)
    if (known?.text === text) return known.input === input ? known : { ...known, input }
    const file = parseYamlFile(path, text, input)
    this.files.set(path, file)
    return file
  }
}
