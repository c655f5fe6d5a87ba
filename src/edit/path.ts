import { InputError } from '../lib/errors.js'

/**
 * One step of a YAML path: a map key, a sequence index, a `[field=value]` selector, `[-]`
 * (append an item to a sequence; last step only) or `[*]` (every document; first step only).
 */
export type PathSegment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'select'; readonly field: string; readonly value: string }
  | { readonly kind: 'append' }
  | { readonly kind: 'every' }

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
 * Parses `a.b`, `a[0]`, `a["b.c"]`, `a['b.c']` and `a[name=x]` into segments. For paths
 * pasted from yaml-update-action (JSONPath) it also takes a leading `$.` or `$` (the root),
 * the filter `[?(@.name=='x')]` (the same as `[name=x]`), `[(@.length)]` (the same as `[-]`,
 * append) and a leading `[*]` (every document). Throws InputError (naming `input`, the path
 * and the position) for malformed paths, for other JSONPath syntax and for the keys
 * `__proto__`, `constructor` and `prototype`.
 */
export function parsePath(text: string, input: string): PathSegment[] {
  const cur = new Cursor(text, input)
  const segments: PathSegment[] = []
  if (text.length === 0) cur.fail('a key')
  if (text === '$') {
    throw new InputError(
      `${input}: path "$" is the whole document; name the key to change, e.g. $.backend.version or backend.version`,
      { input, path: text }
    )
  }
  // JSONPath's root: `$.a.b` and `$[0].a` are `a.b` and `[0].a` (yaml-update-action adds it itself).
  if (text.startsWith('$.')) cur.pos = 2
  else if (text.startsWith('$[')) cur.pos = 1
  let first = true
  while (cur.pos < text.length) {
    const ch = cur.peek()
    if (ch === '[') {
      const segment = parseBracket(cur)
      placeSpecial(cur, segment, segments.length)
      segments.push(segment)
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

function placeSpecial(cur: Cursor, segment: PathSegment, at: number): void {
  if (segment.kind === 'every' && at !== 0) {
    throw new InputError(
      `${cur.input}: path "${cur.text}": [*] selects every document and is only allowed at the start ` +
        `of the path (e.g. [*].image.tag); to change every item of a list, name each item ([0], [1], …) or use [FIELD=VALUE]`,
      { input: cur.input, path: cur.text }
    )
  }
  if (segment.kind === 'append' && cur.pos !== cur.text.length) {
    throw new InputError(
      `${cur.input}: path "${cur.text}": [-] (append) must end the path; give the whole new item as the value, ` +
        `e.g. ${cur.text.slice(0, cur.text.lastIndexOf('[', cur.pos - 1))}[-]: {name: x, image: y}`,
      { input: cur.input, path: cur.text }
    )
  }
}

const FILTER =
  /^\?\(\s*@\.([^\s=!<>()'"]+)\s*={2,3}\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?[0-9][0-9.]*|true|false|null))\s*\)\]/

/** `[?(@.field=='value')]` (JSONPath filter) as a selector; cur is after `[`, at `?`. */
function parseFilter(cur: Cursor): PathSegment {
  const rest = cur.text.slice(cur.pos)
  const m = FILTER.exec(rest)
  if (!m) {
    throw new InputError(
      `${cur.input}: path "${cur.text}": only the JSONPath filter [?(@.FIELD=='VALUE')] is understood ` +
        `(it is written [FIELD=VALUE] here, e.g. containers[name=node].image)`,
      { input: cur.input, path: cur.text }
    )
  }
  const quoted = m[2] ?? m[3]
  const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (m[4] ?? '')
  // Leave the cursor on the closing bracket, like the other bracket forms.
  cur.pos += m[0].length - 1
  return { kind: 'select', field: m[1] ?? '', value }
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
  if (ch === '?') {
    segment = parseFilter(cur)
  } else if (cur.text.startsWith('(@.length)]', cur.pos) || cur.text.startsWith('-]', cur.pos)) {
    cur.pos = cur.text.indexOf(']', cur.pos)
    segment = { kind: 'append' }
  } else if (cur.text.startsWith('*]', cur.pos)) {
    cur.pos++
    segment = { kind: 'every' }
  } else if (ch === '"' || ch === "'") {
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
    if (segment.kind === 'append') out += '[-]'
    else if (segment.kind === 'every') out += '[*]'
    else if (segment.kind === 'index') out += `[${segment.index}]`
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
