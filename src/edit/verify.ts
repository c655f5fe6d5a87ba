import { isDeepStrictEqual } from 'node:util'
import { parseAllDocuments } from 'yaml'
import type { Document } from 'yaml'
import { InternalError } from '../errors.js'
import { PARSE_OPTIONS } from './yaml-file.js'

const TO_JS = { maxAliasCount: -1 } as const

function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const key of keys) {
      const diff = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        at === '' ? key : `${at}.${key}`
      )
      if (diff !== undefined) return diff
    }
  }
  return at === '' ? '(document root)' : at
}

/**
 * Parses `out` again and requires it to hold exactly the data of `expected` (the original
 * documents with the intended changes applied to their nodes). Any other difference is a bug in
 * the engine: throws InternalError, so nothing gets written.
 */
export function verifyEdit(path: string, expected: readonly Document[], out: string): void {
  const docs = parseAllDocuments(out, PARSE_OPTIONS)
  const fail = (what: string): never => {
    throw new InternalError(
      `internal error: the edit of ${path} would ${what}; nothing was written. This is a bug in gitops-release, please report it with the file.`,
      { file: path }
    )
  }
  const error = docs.find((doc) => doc.errors.length > 0)?.errors[0]
  if (error) fail(`not parse (${error.message})`)
  if (docs.length !== expected.length) {
    fail(`change the number of documents from ${expected.length} to ${docs.length}`)
  }
  docs.forEach((doc, i) => {
    const want: unknown = expected[i]?.toJS(TO_JS)
    const got: unknown = doc.toJS(TO_JS)
    const diff = firstDifference(got, want, '')
    if (diff !== undefined) {
      fail(`change more than intended: ${diff} in document ${i + 1} differs`)
    }
  })
}
