import { isMap, isScalar, isSeq, parseDocument, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml'
import { InputError } from '../lib/errors.js'
import { FORBIDDEN_KEYS } from './path.js'
import type { ScalarValue } from './render-scalar.js'

/** A number given as `!!float`: written as a float even when it is whole (`1.0`). */
export class FloatValue {
  constructor(readonly value: number) {}
}

/**
 * A value to write: a scalar, a list, or a map (a JavaScript Map, so key order is kept and no
 * key can reach object internals).
 */
export type EditValue =
  ScalarValue | FloatValue | readonly EditValue[] | ReadonlyMap<string, EditValue>

/** The scalar of a non-collection value, and whether it is written as a float. */
export function scalarOf(value: ScalarValue | FloatValue): { value: ScalarValue; float: boolean } {
  return value instanceof FloatValue ? { value: value.value, float: true } : { value, float: false }
}

/** True for a scalar node the engine made from a `!!float` value. */
export function isFloatNode(node: Scalar): boolean {
  return node.minFractionDigits !== undefined && node.minFractionDigits > 0
}

/** A map or list value. */
type CollectionValue = readonly EditValue[] | ReadonlyMap<string, EditValue>

/** True for a map or list value. */
export function isCollectionValue(value: EditValue): value is CollectionValue {
  return Array.isArray(value) || value instanceof Map
}

/** The YAML node holding `value` (for the engine's own copy of the documents). */
export function toNode(value: EditValue): Scalar | YAMLMap | YAMLSeq {
  if (value instanceof Map) {
    const map = new YAMLMap()
    for (const [key, item] of value as ReadonlyMap<string, EditValue>)
      map.items.push(new Pair(new Scalar(key), toNode(item)))
    return map
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq()
    for (const item of value as readonly EditValue[]) seq.items.push(toNode(item))
    return seq
  }
  if (value instanceof FloatValue) {
    const scalar = new Scalar(value.value)
    scalar.minFractionDigits = 1
    return scalar
  }
  return new Scalar(value)
}

const CORE_TAGS: Readonly<Record<string, string>> = {
  'tag:yaml.org,2002:str': 'str',
  'tag:yaml.org,2002:int': 'int',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'bool',
  'tag:yaml.org,2002:null': 'null'
}

const TAG_HELP =
  "a typed value is written !!str, !!int, !!float, !!bool or !!null followed by the value, e.g. !!bool 'true' or !!int '123456'"

/**
 * The value of a scalar with the explicit tag `tag` (`tag:yaml.org,2002:int`, …) whose parsed
 * value is `value`, checked against the tag; undefined when it does not fit (`!!int 'abc'`)
 * or the tag is not one of str, int, float, bool, null.
 */
export function typedValue(tag: string, value: unknown): ScalarValue | FloatValue | undefined {
  const kind = CORE_TAGS[tag]
  if (kind === 'str') return typeof value === 'string' ? value : String(value)
  if (kind === 'bool') return typeof value === 'boolean' ? value : undefined
  if (kind === 'null') return value === null || value === '' ? null : undefined
  if (kind === 'int')
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined
  if (kind === 'float') {
    if (typeof value === 'number') return new FloatValue(value)
    // YAML 1.2 reads `!!float 1` as unresolved; YAML 1.1 (and yaml-update-action) take it.
    return typeof value === 'string' && /^[-+]?[0-9]+$/.test(value)
      ? new FloatValue(Number(value))
      : undefined
  }
  return undefined
}

/**
 * Reads a string that starts with `!!` the way yaml-update-action users write typed values
 * (`!!bool 'true'`, `!!int '123456'`, `!!str 0123`). Throws InputError naming `where` and the
 * text when it is not one of those tags, or the value does not fit its tag.
 */
export function parseTaggedString(
  text: string,
  where: string,
  input: string
): ScalarValue | FloatValue {
  const doc = parseDocument(text, { prettyErrors: false })
  const node = doc.contents
  const tag = isScalar(node) ? node.tag : undefined
  const value =
    doc.errors.length === 0 && tag !== undefined && !isMap(node) && !isSeq(node)
      ? typedValue(tag, (node as Scalar).value)
      : undefined
  if (value === undefined) {
    const known = tag !== undefined && CORE_TAGS[tag] !== undefined
    throw new InputError(
      `${input}: the value of ${where} is ${JSON.stringify(text)}, which starts with !! but ` +
        (known
          ? `is not a valid ${CORE_TAGS[tag] ?? ''} value`
          : `is not one of the tags !!str, !!int, !!float, !!bool, !!null`) +
        `; ${TAG_HELP}. To write this text as a string, give !!str '${text.replaceAll("'", "''")}'.`,
      { input, path: where }
    )
  }
  assertExact(value, text, where, input)
  return value
}

/**
 * Throws InputError naming `where` when the typed `value`, read from the source text `source`,
 * cannot be written exactly: a whole number beyond ±(2^53 − 1) that is not a `!!float` (a
 * JavaScript number holds it rounded, `12345678901234567890` would become
 * `12345678901234567000`), or a number that overflows a 64-bit float (`1e400` would become
 * `.inf`) unless the source says `.inf` or `.nan` itself.
 */
export function assertExact(
  value: EditValue,
  source: string,
  where: string,
  input: string,
  line?: number
): void {
  const number = value instanceof FloatValue ? value.value : value
  if (typeof number !== 'number') return
  const at = line === undefined ? '' : ` (line ${line})`
  // The digits alone, without a `!!int '…'` tag and quotes around them, for the hint.
  const digits = source.replace(/^!!\w+\s*/, '').replace(/^(['"])(.*)\1$/, '$2')
  const refuse = (why: string): never => {
    throw new InputError(
      `${input}: the value of ${where}${at} is ${source}, ${why}; it is refused. To write it as text, give it as a string ('${digits.replaceAll("'", "''")}' in YAML).`,
      { input, path: where, ...(line === undefined ? {} : { line }) }
    )
  }
  if (!Number.isFinite(number) && !/\.(?:inf|nan)\b/i.test(source)) {
    refuse(
      `which is out of the range of a 64-bit float and would be written as ${number > 0 ? '.inf' : '-.inf'}`
    )
  }
  if (!(value instanceof FloatValue) && Number.isInteger(number) && !Number.isSafeInteger(number)) {
    refuse(
      `a whole number beyond ±(2^53 − 1) that cannot be written exactly (it would become ${String(number)})`
    )
  }
}

/** Throws InputError when a key of a map value is `__proto__`, `constructor` or `prototype`. */
export function assertSafeValueKey(key: string, where: string, input: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new InputError(
      `${input}: the value of ${where} has the key '${key}', which is refused: '__proto__', 'constructor' and 'prototype' are never written`,
      { input, path: where }
    )
  }
}
