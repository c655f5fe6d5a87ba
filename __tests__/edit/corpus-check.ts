import { expect } from '@jest/globals'
import { isPair, isScalar, parseAllDocuments, visit } from 'yaml'
import type { Scalar } from 'yaml'
import { changedLines, lineAt } from './helpers.js'

/** A value expected to change: the 1-based line holding it and its new data. */
export interface LineEdit {
  readonly line: number
  readonly value: unknown
}

/** The value scalars (not keys) of every document, by 0-based line of their start. */
export function valueScalarsByLine(text: string): Map<number, Scalar> {
  const byLine = new Map<number, Scalar>()
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Scalar(key, node, path) {
        const parent = path.at(-1)
        if (key === 'key' && isPair(parent)) return
        const start = node.range?.[0]
        if (start === undefined) return
        const line = lineAt(text, start)
        if (!byLine.has(line)) byLine.set(line, node)
      }
    })
  }
  return byLine
}

/**
 * Asserts that `after` differs from `before` exactly on the given lines, that on each of them
 * only the value's own span changed (the text before and after it is byte-identical), and that
 * the data of every document equals the original with just those values changed.
 */
export function expectOnlyValuesChanged(
  before: string,
  after: string,
  edits: readonly LineEdit[]
): void {
  const lines = [...new Set(edits.map((e) => e.line - 1))].sort((a, b) => a - b)
  expect(changedLines(before, after)).toEqual(lines)
  const beforeLines = before.split('\n')
  const afterLines = after.split('\n')
  const expectedDocs = parseAllDocuments(before)
  const targets = new Map<number, Scalar>()
  for (const doc of expectedDocs) {
    visit(doc, {
      Scalar(key, node, path) {
        if (key === 'key' && isPair(path.at(-1))) return
        const start = node.range?.[0]
        if (start !== undefined && !targets.has(lineAt(before, start)))
          targets.set(lineAt(before, start), node)
      }
    })
  }
  for (const edit of edits) {
    const node = targets.get(edit.line - 1)
    if (!node || !isScalar(node) || !node.range)
      throw new Error(`no value scalar on line ${edit.line}`)
    const lineStart = before.lastIndexOf('\n', node.range[0] - 1) + 1
    const startCol = node.range[0] - lineStart
    const endCol = node.range[1] - lineStart
    const was = beforeLines[edit.line - 1] ?? ''
    const now = afterLines[edit.line - 1] ?? ''
    const tail = was.slice(endCol)
    expect(now.startsWith(was.slice(0, startCol))).toBe(true)
    expect(now.endsWith(tail)).toBe(true)
    node.value = edit.value
  }
  const actual = parseAllDocuments(after)
  expect(actual.every((d) => d.errors.length === 0)).toBe(true)
  expect(actual.map((d) => d.toJS() as unknown)).toEqual(
    expectedDocs.map((d) => d.toJS() as unknown)
  )
}
