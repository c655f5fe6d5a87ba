import { parse } from 'yaml'
import { goReadsAsNumber } from './go-scalar.js'

/** A value the engine writes: a string, or a typed JSON scalar written plain. */
export type ScalarValue = string | number | boolean | null

/** The quote style of the scalar being replaced (`yaml`'s Scalar.type values we keep). */
export type QuoteStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'

// Characters YAML does not allow raw in a scalar (C0/C1 controls, DEL, surrogates, BOM,
// and the Unicode line/paragraph separators YAML 1.1 treats as line breaks). With the `u` flag the
// surrogate range matches only a lone surrogate, never half of an emoji.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/u

function readsAs(text: string, version: '1.1' | '1.2'): unknown {
  try {
    return parse(text, { version, prettyErrors: false, uniqueKeys: false })
  } catch {
    return Symbol('unparsable')
  }
}

// A release writes the same tag into many places, so each distinct value is read back once.
// Emptied when full, so a long-lived process (tests, benchmarks) cannot grow it without bound.
const plainReadings = new Map<string, boolean>()
const MAX_PLAIN_READINGS = 1000

function readsBackPlain(value: string): boolean {
  let same = plainReadings.get(value)
  if (same === undefined) {
    same = readsAs(value, '1.2') === value && readsAs(value, '1.1') === value
    if (plainReadings.size >= MAX_PLAIN_READINGS) plainReadings.clear()
    plainReadings.set(value, same)
  }
  return same
}

/**
 * True when `value` can be written as a plain scalar that YAML 1.1, YAML 1.2 and Go's YAML reader
 * (Helm's, see go-scalar.ts) all read back as exactly this string.
 */
function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value || NEEDS_ESCAPE.test(value)) return false
  const first = value[0] ?? ''
  if ('[]{}#&*!|>\'"%@`,'.includes(first)) return false
  if ('-?:'.includes(first) && (value.length === 1 || value[1] === ' ')) return false
  if (value.startsWith('---') || value.startsWith('...')) return false
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false
  if (inFlow && /[,[\]{}]/.test(value)) return false
  // Go's reader takes `0X1F`, `0B101`, `0O17` as numbers, which YAML 1.1 and 1.2 keep as strings.
  if (goReadsAsNumber(value)) return false
  return readsBackPlain(value)
}

/** A double-quoted YAML scalar for `value` (escapes only what YAML requires). */
function doubleQuoted(value: string): string {
  let out = '"'
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (NEEDS_ESCAPE.test(ch)) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return `${out}"`
}

/** A single-quoted YAML scalar, or undefined when `value` cannot be written single-quoted on one line. */
function singleQuoted(value: string): string | undefined {
  if (NEEDS_ESCAPE.test(value)) return undefined
  return `'${value.replaceAll("'", "''")}'`
}

/**
 * The source text for a string value replacing a scalar of the given style: the style is kept,
 * except that a plain value that would not read back as the same string in YAML 1.1 and 1.2
 * (e.g. `1276e23`, `0123456`, `on`, `1.10`) and a single-quoted value with control characters
 * become double-quoted.
 */
export function renderString(value: string, style: QuoteStyle, inFlow: boolean): string {
  if (style === 'QUOTE_SINGLE') return singleQuoted(value) ?? doubleQuoted(value)
  if (style === 'PLAIN' && isPlainSafe(value, inFlow)) return value
  return doubleQuoted(value)
}

/**
 * The plain source text of a typed value (number, boolean, null) that reads back as that type;
 * with `float`, a whole number is written as a float (`1.0`).
 */
export function renderTyped(value: number | boolean | null, float = false): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Number.isNaN(value)) return '.nan'
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf'
  if (Object.is(value, -0)) return '-0'
  const text = String(value)
  // YAML 1.1 floats need a dot before the exponent (1e+21 would be a string there).
  if (text.includes('e') && !text.includes('.')) return text.replace('e', '.0e')
  return float && !text.includes('.') ? `${text}.0` : text
}

/**
 * Renders any ScalarValue for a node of the given style (typed values always plain; `float`
 * writes a whole number as a float).
 */
export function renderValue(
  value: ScalarValue,
  style: QuoteStyle,
  inFlow: boolean,
  float = false
): string {
  return typeof value === 'string' ? renderString(value, style, inFlow) : renderTyped(value, float)
}

/** The text of a parsed scalar value for comparisons (keys, `name` fields): '' for non-scalars. */
export function scalarString(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value)
  }
  return value === null ? 'null' : ''
}
