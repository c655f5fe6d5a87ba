import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml'
import type { Piece } from './verify.js'
import type { YamlFile } from './yaml-file.js'

function onOwnLine(file: YamlFile, offset: number): number | undefined {
  const lineStart = offset - file.columnOf(offset)
  for (let i = lineStart; i < offset; i++) if (file.text[i] !== ' ') return undefined
  return lineStart
}

/** From `start` (a line start) to the start of the line after `last` (an offset in the entry). */
function throughLine(text: string, start: number, last: number): Piece {
  let end = last
  while (end > start && ' \t\r\n'.includes(text[end - 1] ?? '')) end--
  const lineEnd = text.indexOf('\n', end)
  if (lineEnd !== -1) return { start, end: lineEnd + 1, text: '' }
  // The last line of a file without a final line break: take the line break before it.
  const breakAt = text[start - 2] === '\r' ? start - 2 : start - 1
  return { start: Math.max(breakAt, 0), end: text.length, text: '' }
}

/**
 * The removal of one entry of a block map, line-exact: from the start of its key's line to the
 * start of the line after its value (a comment at the end of that line goes with it). At the
 * end of a file without a final line break, the line break before the entry goes instead, so a
 * key appended there is taken out byte for byte. Undefined when the entry does not sit on lines
 * of its own (a flow map, a key after `- `, a next key on the value's last line).
 */
export function removeEntry(file: YamlFile, map: YAMLMap, pair: Pair): Piece | undefined {
  if (map.flow === true) return undefined
  const index = map.items.indexOf(pair)
  const keyStart = (pair.key as Node | null)?.range?.[0]
  if (index < 0 || keyStart === undefined) return undefined
  const start = onOwnLine(file, keyStart)
  if (start === undefined) return undefined
  const text = file.text
  const next = map.items[index + 1]
  if (next) {
    const nextKey = (next.key as Node | null)?.range?.[0]
    const end = nextKey === undefined ? undefined : onOwnLine(file, nextKey)
    return end === undefined ? undefined : { start, end, text: '' }
  }
  const last =
    (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1] ?? keyStart
  return throughLine(text, start, last)
}

/** Where a block-list item starts its line: only spaces, its `-` and spaces before it. */
function itemLine(file: YamlFile, item: Node): number | undefined {
  const at = item.range?.[0]
  if (at === undefined) return undefined
  const lineStart = at - file.columnOf(at)
  return /^ *- +$/.test(file.text.slice(lineStart, at)) ? lineStart : undefined
}

/**
 * The removal of one item of a block list, line-exact, like removeEntry: from the start of its
 * `- ` line to the start of the next item's line (or the line after the item, for the last one).
 * Undefined for a flow list or an item that does not start its own line.
 */
export function removeItem(file: YamlFile, seq: YAMLSeq, item: Node): Piece | undefined {
  if (seq.flow === true) return undefined
  const index = seq.items.indexOf(item)
  const start = index < 0 ? undefined : itemLine(file, item)
  if (start === undefined) return undefined
  const next = seq.items[index + 1] as Node | undefined
  if (next !== undefined) {
    const end = itemLine(file, next)
    return end === undefined ? undefined : { start, end, text: '' }
  }
  return throughLine(file.text, start, item.range?.[1] ?? start)
}
