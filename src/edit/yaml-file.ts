import { parseAllDocuments } from 'yaml'
import type { Document } from 'yaml'
import { EditError } from '../errors.js'

/** Options for every parse of a file we edit, so the verification parse reads it the same way. */
export const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false } as const

/** One parsed YAML file: its text, its documents and a line lookup for messages. */
export interface YamlFile {
  /** Repository-relative path. */
  readonly path: string
  /** The input that named this file (for error locations). */
  readonly input: string
  readonly text: string
  readonly docs: readonly Document.Parsed[]
  /** 1-based line of a character offset. */
  lineOf(offset: number): number
  /** 0-based column of a character offset. */
  columnOf(offset: number): number
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

/**
 * Parses every document of a file. Throws EditError with the file, the line and the parser's
 * message when any document has an error (warnings are accepted).
 */
export function parseYamlFile(path: string, text: string, input: string): YamlFile {
  const docs = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]
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
  for (const doc of docs) {
    const error = doc.errors[0]
    if (error) {
      const line = lineOf(error.pos[0])
      const column = columnOf(error.pos[0]) + 1
      throw new EditError(
        `${path}:${line}:${column}: YAML does not parse: ${error.message}. Fix the file so that it parses, then re-run.`,
        { input, file: path, line, column }
      )
    }
  }
  return { path, input, text, docs, lineOf, columnOf }
}
