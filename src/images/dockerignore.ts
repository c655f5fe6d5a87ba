/**
 * `.dockerignore` as Docker reads it (moby's patternmatcher), for the fingerprint of a build
 * context: which files the builder is sent. Rules: one pattern per line; `#` lines are comments;
 * blank lines are ignored; surrounding white space and a leading `/` are dropped; `!` makes an
 * exception; the last pattern that matches a path (or one of its parent folders) decides.
 * In a pattern `*` matches within one path segment, `?` one character other than `/`, `**`
 * any number of segments (none included), `[…]` a character class and `\` escapes.
 */

/** One parsed pattern. */
export interface IgnorePattern {
  /** The pattern as cleaned (no `!`, no leading `/`). */
  readonly text: string
  /** A `!` line: matching paths are sent after all. */
  readonly exception: boolean
  readonly regex: RegExp
}

/** Path cleaning as Go's filepath.Clean does it for a relative pattern. */
function cleanPath(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length > 0 && parts.at(-1) !== '..') parts.pop()
      continue
    }
    parts.push(part)
  }
  return parts.join('/') || '.'
}

function toRegex(pattern: string): RegExp {
  let out = '^'
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++
        if (pattern[i + 1] === '/') i++
        // `**` at the end matches everything below; elsewhere any number of whole segments.
        out += i + 1 >= pattern.length ? '.*' : '(?:.*/)?'
      } else {
        out += '[^/]*'
      }
    } else if (ch === '?') {
      out += '[^/]'
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i++
      out += escapeChar(pattern.charAt(i))
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end === -1) {
        out += '\\['
        continue
      }
      let body = pattern.slice(i + 1, end)
      if (body.startsWith('!')) body = `^${body.slice(1)}`
      out += `[${body.replace(/\\(?!\])/g, '\\\\')}]`
      i = end
    } else {
      out += escapeChar(ch)
    }
  }
  return new RegExp(`${out}$`, 's')
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch
}

/** The patterns of a `.dockerignore` file, in order. */
export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = []
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const exception = line.startsWith('!')
    if (exception) line = line.slice(1).trim()
    line = cleanPath(line.replace(/^\/+/, ''))
    if (line === '.' && !exception) continue
    patterns.push({ text: line, exception, regex: toRegex(line) })
  }
  return patterns
}

/**
 * True when `path` (context-relative, `/`-separated) is not sent to the builder: the last
 * pattern that matches it or one of its parent folders is not an exception.
 */
export function isExcluded(path: string, patterns: readonly IgnorePattern[]): boolean {
  const parts = path.split('/')
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
  let excluded = false
  for (const pattern of patterns) {
    if (prefixes.some((prefix) => pattern.regex.test(prefix))) excluded = !pattern.exception
  }
  return excluded
}
