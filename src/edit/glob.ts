const cache = new Map<string, RegExp>()

/** True when `pattern` contains glob characters (`*`, `?`). */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern)
}

function toRegExp(pattern: string): RegExp {
  let source = ''
  const parts = pattern.split('/')
  parts.forEach((part, i) => {
    const last = i === parts.length - 1
    if (part === '**') {
      // `**` as a whole segment: zero or more folders (or, last, anything below).
      source += last ? '.*' : '(?:[^/]*/)*'
      return
    }
    for (const ch of part) {
      if (ch === '*') source += '[^/]*'
      else if (ch === '?') source += '[^/]'
      else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
    }
    if (!last) source += '/'
  })
  return new RegExp(`^${source}$`)
}

/**
 * Matches a repository-relative POSIX path against a glob: `*` and `?` stay within one path
 * segment, a `**` segment spans any number of folders.
 */
export function matchesGlob(path: string, pattern: string): boolean {
  let re = cache.get(pattern)
  if (!re) {
    re = toRegExp(pattern)
    cache.set(pattern, re)
  }
  return re.test(path)
}
