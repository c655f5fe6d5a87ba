import { isMap, isScalar, isSeq, YAMLMap } from 'yaml'
import type { Node, Pair, Scalar, YAMLSeq } from 'yaml'
import { blockLines as nodeLines, flowText as nodeFlow, seqItemLines } from './render-node.js'
import type { BlockLayout } from './render-node.js'
import type { YamlFile } from './yaml-file.js'

/** Where new keys go and how they are laid out. */
export interface InsertPoint {
  readonly offset: number
  /** Column of the new keys (block layout). */
  readonly indent: number
  readonly flow: boolean
  /** Block: the insertion is at the end of a file without a final newline. */
  readonly atEof: boolean
  /** Flow: whether the map already has items (then `, ` goes first). */
  readonly afterItem: boolean
}

/** The line ending the file uses (CRLF when its first line ends with one). */
export function lineEnding(text: string): string {
  const at = text.indexOf('\n')
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n'
}

/** The indentation step of nested block maps in the file (2 when nothing tells). */
export function detectIndentStep(file: YamlFile): number {
  for (const doc of file.docs) {
    const step = findStep(doc.contents, file)
    if (step !== undefined) return step
  }
  return 2
}

function findStep(node: unknown, file: YamlFile): number | undefined {
  if (!isMap(node) || node.flow === true) return undefined
  for (const pair of node.items) {
    const child = pair.value
    if (isMap(child) && child.flow !== true && child.items.length > 0) {
      const parentKey = (pair.key as Node | null)?.range?.[0]
      const childKey = (child.items[0]?.key as Node | null)?.range?.[0]
      if (parentKey !== undefined && childKey !== undefined) {
        const step = file.columnOf(childKey) - file.columnOf(parentKey)
        if (step > 0) return step
      }
    }
  }
  return undefined
}

function endOfLine(text: string, from: number): { offset: number; atEof: boolean } {
  const at = text.indexOf('\n', from)
  return at === -1 ? { offset: text.length, atEof: true } : { offset: at + 1, atEof: false }
}

/** Where to add keys to an existing map: after its last item's line, at its first key's column. */
export function mapInsertPoint(file: YamlFile, map: YAMLMap): InsertPoint {
  const text = file.text
  const real = map.items.filter((p) => (p.key as Node | null)?.range !== undefined)
  const last = real.at(-1)
  const lastKey = last?.key as Node | null | undefined
  const lastValue = last?.value as Node | null | undefined
  if (map.flow === true) {
    const end = lastValue?.range?.[1] ?? lastKey?.range?.[1]
    if (end !== undefined)
      return { offset: end, indent: 0, flow: true, atEof: false, afterItem: true }
    const close = text.lastIndexOf('}', (map.range?.[1] ?? 1) - 1)
    return { offset: close, indent: 0, flow: true, atEof: false, afterItem: false }
  }
  const firstKey = real[0]?.key as Node | null | undefined
  const indent = file.columnOf(firstKey?.range?.[0] ?? 0)
  let end = lastValue?.range?.[1] ?? lastKey?.range?.[1] ?? 0
  const keepsTrailingLines =
    isScalar(lastValue) && (lastValue.type === 'BLOCK_LITERAL' || lastValue.type === 'BLOCK_FOLDED')
  if (keepsTrailingLines && text[end - 1] === '\n') {
    return { offset: end, indent, flow: false, atEof: false, afterItem: false }
  }
  // Back over trailing whitespace, so a file ending in spaces gets the key on its own line.
  while (end > 0 && ' \t\r\n'.includes(text[end - 1] ?? '')) end--
  return { indent, flow: false, afterItem: false, ...endOfLine(text, end) }
}

/** Where to add keys under an empty value (`key:` or `key: # c`): the next line, one step in. */
export function emptyValueInsertPoint(
  file: YamlFile,
  pair: Pair,
  empty: Scalar,
  step: number
): InsertPoint {
  const keyStart = (pair.key as Node | null)?.range?.[0] ?? 0
  const indent = file.columnOf(keyStart) + step
  return { indent, flow: false, afterItem: false, ...endOfLine(file.text, empty.range?.[0] ?? 0) }
}

/**
 * The file's layout for new block content: its map indentation step, and whether its lists
 * are indented under their key (`key:\n  - a`) or not (`key:\n- a`).
 */
export function detectLayout(file: YamlFile): BlockLayout {
  const step = detectIndentStep(file)
  let seqIndent: number | undefined
  const visit = (node: unknown): void => {
    if (seqIndent !== undefined || !isMap(node) || node.flow === true) return
    for (const pair of node.items) {
      const child = pair.value
      const keyAt = (pair.key as Node | null)?.range?.[0]
      if (isSeq(child) && child.flow !== true && child.range && keyAt !== undefined) {
        seqIndent = Math.max(0, file.columnOf(child.range[0]) - file.columnOf(keyAt))
        return
      }
      visit(child)
    }
  }
  for (const doc of file.docs) visit(doc.contents)
  return { step, seqIndent: seqIndent ?? step, itemOffset: 2, json: file.json }
}

/** Where to append an item to an existing list: after its last item, with its `-` column. */
export function seqInsertPoint(file: YamlFile, seq: YAMLSeq): InsertPoint & { itemOffset: number } {
  const text = file.text
  const last = seq.items.at(-1) as Node | null | undefined
  if (seq.flow === true) {
    const end = last?.range?.[1]
    if (end !== undefined) {
      return { offset: end, indent: 0, flow: true, atEof: false, afterItem: true, itemOffset: 2 }
    }
    const close = text.lastIndexOf(']', (seq.range?.[1] ?? 1) - 1)
    return { offset: close, indent: 0, flow: true, atEof: false, afterItem: false, itemOffset: 2 }
  }
  const dash = seq.range?.[0] ?? 0
  const indent = file.columnOf(dash)
  const first = seq.items[0] as Node | null | undefined
  const firstAt = first?.range?.[0]
  const itemOffset =
    firstAt !== undefined && file.lineOf(firstAt) === file.lineOf(dash)
      ? Math.max(2, file.columnOf(firstAt) - indent)
      : 2
  let end = last?.range?.[1] ?? seq.range?.[1] ?? 0
  while (end > 0 && ' \t\r\n'.includes(text[end - 1] ?? '')) end--
  return { indent, flow: false, afterItem: false, itemOffset, ...endOfLine(text, end) }
}

/** The text inserted at `point` for new list `items` (appended to a list). */
export function renderItemsInsert(
  point: InsertPoint,
  items: readonly unknown[],
  layout: BlockLayout,
  eol: string
): string {
  if (point.flow) {
    return items
      .map((item, i) => (point.afterItem || i > 0 ? ', ' : '') + nodeFlow(item, layout.json))
      .join('')
  }
  const lines = items.flatMap((item) => seqItemLines(item, point.indent, layout))
  return point.atEof ? lines.map((l) => eol + l).join('') : lines.map((l) => l + eol).join('')
}

function pairsMap(pairs: readonly Pair[]): YAMLMap {
  const map = new YAMLMap()
  map.items.push(...pairs)
  return map
}

/** The text inserted at `point` for the new `pairs`. */
export function renderInsert(
  point: InsertPoint,
  pairs: readonly Pair[],
  layout: BlockLayout,
  eol: string
): string {
  if (point.flow) {
    return (point.afterItem ? ', ' : '') + nodeFlow(pairsMap(pairs), layout.json).slice(1, -1)
  }
  const lines = nodeLines(pairsMap(pairs), point.indent, layout)
  return point.atEof ? lines.map((l) => eol + l).join('') : lines.map((l) => l + eol).join('')
}
