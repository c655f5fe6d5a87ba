import { isMap, isScalar, isSeq } from 'yaml'
import type { Scalar } from 'yaml'
import { isFloatNode } from './edit-value.js'
import { jsonScalar, jsonString } from './json-text.js'
import { renderString, renderValue, scalarString } from './render-scalar.js'
import type { ScalarValue } from './render-scalar.js'

/** How new block content is laid out, taken from the file being edited. */
export interface BlockLayout {
  /** Indentation step of nested maps. */
  readonly step: number
  /** Column of a list's `-` relative to its parent key (0: `key:\n- a`, or the step). */
  readonly seqIndent: number
  /** Column of an item's content relative to its `-` (2 for `- a`). */
  readonly itemOffset: number
  /** The file is edited as JSON: new flow content is written as JSON (see json-text.ts). */
  readonly json?: boolean
}

function isEmptyCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && node.items.length === 0
}

function keyText(key: unknown, flow: boolean): string {
  return renderString(scalarString(isScalar(key) ? key.value : key), 'PLAIN', flow)
}

/**
 * A node (scalar, map or list built by the engine) as flow text: `{a: 1, b: [x]}`, or with
 * `json` as JSON: `{"a": 1, "b": ["x"]}`.
 */
export function flowText(node: unknown, json = false): string {
  if (isMap(node)) {
    const key = (k: unknown): string =>
      json ? jsonString(scalarString(isScalar(k) ? k.value : k)) : keyText(k, true)
    return `{${node.items.map((p) => `${key(p.key)}: ${flowText(p.value, json)}`).join(', ')}}`
  }
  if (isSeq(node)) return `[${node.items.map((item) => flowText(item, json)).join(', ')}]`
  const value = (node as Scalar).value as ScalarValue
  const float = isFloatNode(node as Scalar)
  return json ? jsonScalar(value, float) : renderValue(value, 'PLAIN', true, float)
}

/**
 * The lines of a map or list node in block layout, its keys (or `-`) at column `col`. Empty
 * maps and lists inside are written `{}` and `[]`; scalars plain when that reads back as the
 * same value in YAML 1.1 and 1.2, else double-quoted.
 */
export function blockLines(node: unknown, col: number, layout: BlockLayout): string[] {
  const pad = ' '.repeat(col)
  const lines: string[] = []
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = `${pad}${keyText(pair.key, false)}:`
      const value = pair.value
      if (isEmptyCollection(value) || !(isMap(value) || isSeq(value))) {
        lines.push(`${key} ${isEmptyCollection(value) ? flowText(value) : flowScalar(value)}`)
      } else {
        lines.push(
          key,
          ...blockLines(value, col + (isMap(value) ? layout.step : layout.seqIndent), layout)
        )
      }
    }
    return lines
  }
  if (isSeq(node)) return node.items.flatMap((item) => seqItemLines(item, col, layout))
  return [`${pad}${flowScalar(node)}`]
}

/** The lines of one list item (`- …`) in block layout, its `-` at column `col`. */
export function seqItemLines(item: unknown, col: number, layout: BlockLayout): string[] {
  const pad = ' '.repeat(col)
  if (isEmptyCollection(item) || !(isMap(item) || isSeq(item))) {
    return [`${pad}- ${isEmptyCollection(item) ? flowText(item) : flowScalar(item)}`]
  }
  const inner = blockLines(item, col + layout.itemOffset, layout)
  const first = inner[0] ?? ''
  return [
    `${pad}-${' '.repeat(layout.itemOffset - 1)}${first.slice(col + layout.itemOffset)}`,
    ...inner.slice(1)
  ]
}

function flowScalar(node: unknown): string {
  return renderValue(
    (node as Scalar).value as ScalarValue,
    'PLAIN',
    false,
    isFloatNode(node as Scalar)
  )
}
