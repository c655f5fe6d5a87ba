import { EditError } from '../lib/errors.js'
import { FloatValue } from './edit-value.js'
import type { EditValue } from './edit-value.js'
import { renderTyped } from './render-scalar.js'
import type { ScalarValue } from './render-scalar.js'

// JSON allows these raw in a string, but YAML 1.1 takes U+2028/U+2029 as line breaks and YAML
// does not allow DEL, C1 controls or a BOM raw; escaped, the text is the same in both.
const ESCAPE_FOR_YAML = /[\u007f-\u009f\u2028\u2029\ufeff]/g

/**
 * True when a file is edited as JSON: its name ends in `.json`, or its whole text is a JSON
 * object or array (a values file named `values` that holds JSON).
 */
export function isJsonFile(path: string, text: string): boolean {
  if (/\.json$/i.test(path)) return true
  const start = text.replace(/^\ufeff/, '').trimStart()[0]
  if (start !== '{' && start !== '[') return false
  return parsesAsJson(text)
}

/** True when `text` (a BOM allowed) is valid JSON. */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\ufeff/, ''))
    return true
  } catch {
    return false
  }
}

/** A JSON string literal for `value`, which YAML reads as the same string. */
export function jsonString(value: string): string {
  return JSON.stringify(value).replace(
    ESCAPE_FOR_YAML,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
  )
}

/**
 * The JSON text of a scalar: a string in double quotes, a number, boolean or null as a JSON
 * literal (`float` writes a whole number as `1.0`). Numbers must be finite (see assertJsonValue).
 */
export function jsonScalar(value: ScalarValue, float = false): string {
  return typeof value === 'string' ? jsonString(value) : renderTyped(value, float)
}

function nonFinite(value: EditValue): number | undefined {
  if (value instanceof Map) {
    for (const item of (value as ReadonlyMap<string, EditValue>).values()) {
      const found = nonFinite(item)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (Array.isArray(value)) {
    for (const item of value as readonly EditValue[]) {
      const found = nonFinite(item)
      if (found !== undefined) return found
    }
    return undefined
  }
  const number = value instanceof FloatValue ? value.value : value
  return typeof number === 'number' && !Number.isFinite(number) ? number : undefined
}

/**
 * Throws EditError naming the file, the path and the input when `value` holds a number JSON
 * cannot write (`.inf`, `-.inf`, `.nan`).
 */
export function assertJsonValue(
  value: EditValue,
  where: { readonly file: string; readonly path: string; readonly input: string }
): void {
  const bad = nonFinite(value)
  if (bad === undefined) return
  throw new EditError(
    `${where.file}: path ${where.path} (${where.input}) sets ${renderTyped(bad)}, which JSON cannot write; a JSON file is edited as JSON. Give a finite number, or the text as a string.`,
    { input: where.input, file: where.file, path: where.path }
  )
}
