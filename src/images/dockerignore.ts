import { BuildError, errorMessage } from '../lib/errors.js'

/**
 * `.dockerignore` read exactly as Docker reads it (the CLI's ReadAll, moby's patternmatcher and
 * the archive walk), so the fingerprint covers the files the builder is sent, no more and no
 * fewer. The facts that matter:
 *
 * - A line starting with `#` (before any trimming) is a comment; surrounding white space is
 *   dropped; `!` makes an exception; the pattern is cleaned as Go's `filepath.Clean` does and a
 *   leading `/` removed.
 * - A pattern must be a valid Go `filepath.Match` pattern, else the build fails.
 * - It is then turned into a Go regular expression: `*` is `[^/]*`, `?` is `[^/]`, `**` any
 *   number of folders, `\` escapes, and `[` `]` pass through as they are. So a class is a Go
 *   regexp class: `[^a]` is "not a", while `[!a]` is the class of `!` and `a`.
 * - Patterns without wildcards compare as strings; `**` at the start or end turns into a suffix
 *   or prefix comparison.
 * - A path is decided by the patterns in order, knowing which patterns matched its folder
 *   (moby's MatchesUsingParentResults); an excluded folder is not entered at all unless an
 *   exception pattern's text starts with the folder's path.
 */

/** How a pattern is compared, as moby decides it while compiling. */
type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp'

/** One pattern of a `.dockerignore` file. */
export interface IgnorePattern {
  /** The cleaned pattern, without its `!`. */
  readonly text: string
  /** A `!` line: matching paths are sent after all. */
  readonly exception: boolean
  readonly type: MatchType
  /** The pattern as a regular expression (used when `type` is `regexp`). */
  readonly regex: RegExp
}

/** Go's `strings.TrimSpace` (Unicode white space; unlike String.trim, not U+FEFF). */
function goTrimSpace(text: string): string {
  const space = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u
  const end = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u
  return text.replace(space, '').replace(end, '')
}

/** Go's `filepath.Clean` for `/`-separated paths. */
function goClean(path: string): string {
  if (path === '') return '.'
  const rooted = path.startsWith('/')
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length > 0 && parts.at(-1) !== '..') parts.pop()
      else if (!rooted) parts.push('..')
      continue
    }
    parts.push(part)
  }
  const joined = parts.join('/')
  if (rooted) return `/${joined}`
  return joined === '' ? '.' : joined
}

/** Throws unless `pattern` is valid for Go's `filepath.Match` (what Docker checks first). */
function checkGoPattern(pattern: string): void {
  const chars = Array.from(pattern)
  const bad = (why: string): never => {
    throw new Error(`'${pattern}' is not a valid pattern (${why})`)
  }
  // One character of a class, escapes understood (Go's getEsc).
  const classChar = (at: number): number => {
    const ch = chars[at]
    if (ch === undefined || ch === '-' || ch === ']') bad('malformed character class')
    if (ch === '\\') {
      if (chars[at + 1] === undefined) bad('a class ends in \\')
      return at + 2
    }
    return at + 1
  }
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]
    if (ch === '\\') {
      if (chars[i + 1] === undefined) bad('it ends in \\')
      i += 2
    } else if (ch === '[') {
      i++
      if (chars[i] === '^') i++
      let ranges = 0
      for (;;) {
        if (chars[i] === undefined) bad('a character class is not closed')
        if (chars[i] === ']' && ranges > 0) break
        i = classChar(i)
        if (chars[i] === '-') i = classChar(i + 1)
        ranges++
      }
      i++
    } else {
      i++
    }
  }
}

/** moby's translation of a cleaned pattern into a Go regular expression, and its match type. */
function compileGo(pattern: string): { go: string; type: MatchType } {
  const chars = Array.from(pattern)
  let go = '^'
  let type: MatchType = 'exact'
  for (let pos = 0, i = 0; pos < chars.length; i++) {
    const ch = chars[pos++] ?? ''
    if (ch === '*') {
      if (chars[pos] === '*') {
        pos++
        if (chars[pos] === '/') pos++
        if (pos >= chars.length) {
          if (type === 'exact') {
            type = 'prefix'
          } else {
            go += '.*'
            type = 'regexp'
          }
        } else {
          go += '(.*/)?'
          type = 'regexp'
        }
        if (i === 0) type = 'suffix'
      } else {
        go += '[^/]*'
        type = 'regexp'
      }
    } else if (ch === '?') {
      go += '[^/]'
      type = 'regexp'
    } else if ('.+()|{}$'.includes(ch)) {
      go += `\\${ch}`
    } else if (ch === '\\') {
      if (pos < chars.length) {
        go += `\\${chars[pos++] ?? ''}`
        type = 'regexp'
      } else {
        go += '\\\\'
      }
    } else if (ch === '[' || ch === ']') {
      go += ch
      type = 'regexp'
    } else {
      go += ch
    }
  }
  return { go: `${go}$`, type }
}

const isAsciiAlnum = (ch: string): boolean => /^[A-Za-z0-9]$/.test(ch)
/** A letter, digit or any non-ASCII character: written as it is. */
const isWordLike = (ch: string): boolean => isAsciiAlnum(ch) || (ch.codePointAt(0) ?? 0) > 0x7f
const hexEscape = (ch: string): string =>
  `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`

/**
 * The JavaScript regular expression that matches what a Go (RE2) expression of the shapes
 * `compileGo` makes matches: literals, escaped punctuation, classes, `.`, `*`, `?` and groups.
 * What could mean something else in Go (an escaped letter such as `\d`, a POSIX class `[:x:]`)
 * is refused rather than guessed.
 */
function goToJs(go: string): RegExp {
  const chars = Array.from(go)
  let out = ''
  let inClass = false
  const unsupported = (what: string): never => {
    throw new Error(`${what} is not supported in a .dockerignore pattern here`)
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? ''
    if (ch === '\\') {
      const next = chars[++i] ?? ''
      // Go reads `\d`, `\pL`, `\x41`… as classes or codes, and refuses other escaped letters.
      if (next === '' || isWordLike(next)) unsupported(`the escape \\${next}`)
      out += hexEscape(next)
    } else if (inClass) {
      if (ch === ']') {
        inClass = false
        out += ']'
      } else if (ch === '[' && chars[i + 1] === ':') {
        unsupported('a POSIX character class')
      } else if (ch === '-' || isWordLike(ch)) {
        out += ch
      } else {
        out += hexEscape(ch)
      }
    } else if (ch === '[') {
      inClass = true
      out += '['
      if (chars[i + 1] === '^') {
        i++
        out += '^'
      }
      // In Go a `]` right after `[` or `[^` is a member, not the end.
      if (chars[i + 1] === ']') out += hexEscape(chars[++i] ?? '')
    } else if (ch === '.') {
      // Go's `.` is any character but a newline.
      out += '[^\\n]'
    } else if ('^$*?()'.includes(ch)) {
      out += ch
    } else if (isWordLike(ch)) {
      out += ch
    } else {
      out += hexEscape(ch)
    }
  }
  if (inClass) unsupported('an unclosed character class')
  // `u`: a class or `?` matches one character (code point), as Go matches one rune.
  return new RegExp(out, 'u')
}

function compile(text: string, exception: boolean): IgnorePattern {
  checkGoPattern(text)
  const { go, type } = compileGo(text)
  return { text, exception, type, regex: goToJs(go) }
}

/**
 * The patterns of a `.dockerignore` file (`file` names it in errors), in order. Throws a
 * `BuildError` with the line for a pattern Docker refuses, or one whose meaning cannot be
 * reproduced exactly.
 */
export function parseDockerignore(text: string, file = '.dockerignore'): IgnorePattern[] {
  const patterns: IgnorePattern[] = []
  const lines = text.replace(/^\ufeff/, '').split('\n')
  // bufio.ScanLines: a final newline ends the last line, it does not start an empty one.
  if (lines.at(-1) === '') lines.pop()
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('#')) return
    let pattern = goTrimSpace(line)
    if (pattern === '') return
    const invert = pattern.startsWith('!')
    if (invert) pattern = goTrimSpace(pattern.slice(1))
    if (pattern.length > 0) {
      pattern = goClean(pattern)
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
    }
    // The pattern matcher cleans once more, and only then looks for the `!`.
    let cleaned = goClean(goTrimSpace(invert ? `!${pattern}` : pattern))
    const exception = cleaned.startsWith('!')
    try {
      if (cleaned === '!') throw new Error('illegal exclusion pattern "!"')
      if (exception) cleaned = cleaned.slice(1)
      patterns.push(compile(cleaned, exception))
    } catch (error) {
      throw new BuildError(`${file} line ${index + 1}: ${errorMessage(error)}`, {
        file,
        line: index + 1
      })
    }
  })
  return patterns
}

/** Whether one pattern matches a path (moby's Pattern.match). */
function matches(pattern: IgnorePattern, path: string): boolean {
  const { text } = pattern
  switch (pattern.type) {
    case 'exact':
      return path === text
    case 'prefix':
      return path.startsWith(text.slice(0, -2))
    case 'suffix': {
      const suffix = text.slice(2)
      return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1))
    }
    case 'regexp':
      return pattern.regex.test(path)
  }
}

/** Which patterns matched a folder (or one above it), handed down to what is inside it. */
export type ParentMatches = readonly boolean[]

/**
 * Whether `path` is excluded, given what matched its folder (`parent`; undefined for an entry
 * at the top of the context, or when unknown, as moby treats a zero MatchInfo: then the
 * path's folders are tested too). Returns the matches to hand to the entries of `path`.
 */
export function matchPath(
  path: string,
  patterns: readonly IgnorePattern[],
  parent?: ParentMatches
): { excluded: boolean; matched: boolean[] } {
  let excluded = false
  const matched = patterns.map(() => false)
  patterns.forEach((pattern, index) => {
    let match = parent?.[index] ?? false
    if (!match) {
      if (pattern.exception !== excluded) return
      match = matches(pattern, path)
      if (!match && parent === undefined) {
        const folders = path.split('/').slice(0, -1)
        for (let i = 1; i <= folders.length && !match; i++) {
          match = matches(pattern, folders.slice(0, i).join('/'))
        }
      }
    }
    matched[index] = match
    if (match) excluded = !pattern.exception
  })
  return { excluded, matched }
}

/**
 * Whether Docker walks into an excluded folder: only when an exception pattern's text starts
 * with `folder/` (what is inside is then decided one by one); otherwise nothing below it is sent.
 */
export function entersExcludedFolder(folder: string, patterns: readonly IgnorePattern[]): boolean {
  return patterns.some(
    (pattern) => pattern.exception && `${pattern.text}/`.startsWith(`${folder}/`)
  )
}
