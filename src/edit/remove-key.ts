import type { Node, Pair, YAMLMap } from 'yaml'
import type { Piece } from './verify.js'
import type { YamlFile } from './yaml-file.js'

function onOwnLine(file: YamlFile, offset: number): number | undefined {
  const lineStart = offset - file.columnOf(offset)
  for (let i = lineStart; i < offset; i++) if (file.text[i] !== ' ') return undefined
  return lineStart
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
  let end =
    (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1] ?? keyStart
  while (end > start && ' \t\r\n'.includes(text[end - 1] ?? '')) end--
  const lineEnd = text.indexOf('\n', end)
  if (lineEnd !== -1) return { start, end: lineEnd + 1, text: '' }
  // The last line of a file without a final line break: take the line break before it.
  const breakAt = text[start - 2] === '\r' ? start - 2 : start - 1
  return { start: Math.max(breakAt, 0), end: text.length, text: '' }
}
