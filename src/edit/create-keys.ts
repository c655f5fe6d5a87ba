import { isMap, isScalar } from 'yaml'
import type { Node, Pair, Scalar, YAMLMap } from 'yaml'
import { renderString, renderValue, scalarString } from './render-scalar.js'
import type { ScalarValue } from './render-scalar.js'
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

function renderKey(key: unknown, flow: boolean): string {
  return renderString(scalarString(key), 'PLAIN', flow)
}

function scalarText(node: unknown, flow: boolean): string {
  return renderValue((node as Scalar).value as ScalarValue, 'PLAIN', flow)
}

function blockLines(pairs: readonly Pair[], indent: number, step: number): string[] {
  const lines: string[] = []
  const pad = ' '.repeat(indent)
  for (const pair of pairs) {
    const key = renderKey((pair.key as Scalar).value, false)
    if (isMap(pair.value)) {
      lines.push(`${pad}${key}:`, ...blockLines(pair.value.items, indent + step, step))
    } else {
      lines.push(`${pad}${key}: ${scalarText(pair.value, false)}`)
    }
  }
  return lines
}

function flowText(pairs: readonly Pair[]): string {
  return pairs
    .map((pair) => {
      const key = renderKey((pair.key as Scalar).value, true)
      const value = isMap(pair.value)
        ? `{${flowText(pair.value.items)}}`
        : scalarText(pair.value, true)
      return `${key}: ${value}`
    })
    .join(', ')
}

/** The text inserted at `point` for the new `pairs`. */
export function renderInsert(
  point: InsertPoint,
  pairs: readonly Pair[],
  step: number,
  eol: string
): string {
  if (point.flow) return (point.afterItem ? ', ' : '') + flowText(pairs)
  const lines = blockLines(pairs, point.indent, step)
  return point.atEof ? lines.map((l) => eol + l).join('') : lines.map((l) => l + eol).join('')
}
