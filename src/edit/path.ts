import { InputError } from '../errors.js'

/** One step of a YAML path: a map key, a sequence index, or a `[field=value]` selector. */
export type PathSegment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'select'; readonly field: string; readonly value: string }

/** Keys that would reach JavaScript object internals; never accepted in a path. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype'
])

class Cursor {
  pos = 0
  constructor(
    readonly text: string,
    readonly input: string
  ) {}

  peek(): string | undefined {
    return this.text[this.pos]
  }

  fail(expected: string): never {
    const found = this.pos < this.text.length ? `'${this.text[this.pos] ?? ''}'` : 'the end'
    throw new InputError(
      `${this.input}: malformed path "${this.text}" at position ${this.pos + 1}: expected ${expected}, found ${found}\n` +
        `  ${this.text}\n  ${' '.repeat(this.pos)}^`,
      { input: this.input, path: this.text }
    )
  }
}

/**
 * Parses `a.b`, `a[0]`, `a["b.c"]`, `a['b.c']` and `a[name=x]` into segments.
 * Throws InputError (naming `input`, the path and the position) for malformed paths and
 * for the keys `__proto__`, `constructor` and `prototype`.
 */
export function parsePath(text: string, input: string): PathSegment[] {
  const cur = new Cursor(text, input)
  const segments: PathSegment[] = []
  if (text.length === 0) cur.fail('a key')
  let first = true
  while (cur.pos < text.length) {
    const ch = cur.peek()
    if (ch === '[') {
      segments.push(parseBracket(cur))
    } else {
      if (!first) {
        if (ch !== '.') cur.fail("'.' or '['")
        cur.pos++
      }
      segments.push(checkKey(cur, { kind: 'key', key: parseBareKey(cur) }))
    }
    first = false
  }
  return segments
}

function parseBareKey(cur: Cursor): string {
  const start = cur.pos
  while (cur.pos < cur.text.length && !'.[]'.includes(cur.text[cur.pos] ?? '')) cur.pos++
  if (cur.pos === start) cur.fail('a key')
  return cur.text.slice(start, cur.pos)
}

function parseBracket(cur: Cursor): PathSegment {
  const open = cur.pos
  cur.pos++
  const ch = cur.peek()
  let segment: PathSegment
  if (ch === '"' || ch === "'") {
    segment = { kind: 'key', key: parseQuoted(cur) }
  } else if (ch !== undefined && /[0-9]/.test(ch)) {
    const start = cur.pos
    while (/[0-9]/.test(cur.peek() ?? '')) cur.pos++
    if (cur.peek() !== ']') cur.fail("a digit or ']'")
    segment = { kind: 'index', index: Number(cur.text.slice(start, cur.pos)) }
  } else {
    const start = cur.pos
    while (cur.pos < cur.text.length && !'=[]'.includes(cur.text[cur.pos] ?? '')) cur.pos++
    if (cur.pos === start) cur.fail('an index, a quoted key or FIELD=VALUE')
    const field = cur.text.slice(start, cur.pos)
    if (cur.peek() !== '=') cur.fail("'=' (a selector is [FIELD=VALUE])")
    cur.pos++
    let value: string
    const q = cur.peek()
    if (q === '"' || q === "'") {
      value = parseQuoted(cur)
    } else {
      const vstart = cur.pos
      while (cur.pos < cur.text.length && !'[]'.includes(cur.text[cur.pos] ?? '')) cur.pos++
      value = cur.text.slice(vstart, cur.pos)
    }
    segment = { kind: 'select', field, value }
  }
  if (cur.peek() !== ']') cur.fail("']'")
  cur.pos++
  const next = cur.peek()
  if (next !== undefined && next !== '.' && next !== '[') cur.fail("'.', '[' or the end")
  return checkKey(cur, segment, open)
}

function parseQuoted(cur: Cursor): string {
  const quote = cur.peek()
  cur.pos++
  let out = ''
  for (;;) {
    const ch = cur.peek()
    if (ch === undefined) cur.fail(`a closing ${quote === '"' ? 'double' : 'single'} quote`)
    if (quote === "'" && ch === "'") {
      if (cur.text[cur.pos + 1] === "'") {
        out += "'"
        cur.pos += 2
        continue
      }
      cur.pos++
      return out
    }
    if (quote === '"' && ch === '"') {
      cur.pos++
      return out
    }
    if (quote === '"' && ch === '\\') {
      const esc = cur.text[cur.pos + 1]
      if (esc !== '"' && esc !== '\\') {
        cur.pos++
        cur.fail(`'"' or '\\' after a backslash`)
      }
      out += esc
      cur.pos += 2
      continue
    }
    out += ch
    cur.pos++
  }
}

function checkKey(cur: Cursor, segment: PathSegment, at = cur.pos): PathSegment {
  assertSafeSegment(segment, cur.input, cur.text, ` (near position ${at + 1})`)
  return segment
}

/** Throws InputError when a segment names `__proto__`, `constructor` or `prototype`. */
export function assertSafeSegment(
  segment: PathSegment,
  input: string,
  pathText: string,
  where = ''
): void {
  const name =
    segment.kind === 'key' ? segment.key : segment.kind === 'select' ? segment.field : undefined
  if (name !== undefined && FORBIDDEN_KEYS.has(name)) {
    throw new InputError(
      `${input}: path "${pathText}" uses the key '${name}'${where}, which is refused: ` +
        `'__proto__', 'constructor' and 'prototype' are never edited`,
      { input, path: pathText }
    )
  }
}

/** Renders segments back to the canonical path text (used in messages). */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = ''
  for (const segment of segments) {
    if (segment.kind === 'index') out += `[${segment.index}]`
    else if (segment.kind === 'select') out += `[${segment.field}=${quoteIfNeeded(segment.value)}]`
    else if (/^[^.[\]"']+$/.test(segment.key)) out += out === '' ? segment.key : `.${segment.key}`
    else out += `[${JSON.stringify(segment.key)}]`
  }
  return out
}

function quoteIfNeeded(value: string): string {
  return /^[^[\]"']*$/.test(value) ? value : JSON.stringify(value)
}

/**
 * Replaces `{name}` inside every key and selector of a parsed path template (so an image name
 * with dots stays one key); refuses a result that names a forbidden key.
 */
export function fillTemplate(
  segments: readonly PathSegment[],
  name: string,
  input: string
): PathSegment[] {
  const filled = segments.map((segment): PathSegment => {
    if (segment.kind === 'key') return { kind: 'key', key: segment.key.replaceAll('{name}', name) }
    if (segment.kind === 'select') {
      return {
        kind: 'select',
        field: segment.field.replaceAll('{name}', name),
        value: segment.value.replaceAll('{name}', name)
      }
    }
    return segment
  })
  const text = formatPath(filled)
  for (const segment of filled) assertSafeSegment(segment, input, text)
  return filled
}
