import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { Document, Node } from 'yaml'
import { InternalError } from '../errors.js'

/**
 * Rollback planning: from what a release changed in a file (its text before and after) and the
 * file as the branch tip holds it now, the tip's text with each changed value put back, but only
 * where the tip still holds the value the release wrote. Pure: text in, text out.
 *
 * Releases edit by replacing scalar source text (see src/edit), so a release's changes are
 * exactly the scalars whose source text differs between `before` and `after`. A rollback replaces
 * those scalars' source text on the tip with the text they had before, so when nobody touched the
 * file since, the result is byte-identical to `before`.
 */

/** One step of a path through a YAML document: a map key or a sequence index. */
export type PathStep = string | number

/** A place the release changed: document index, path, and the source text on both sides. */
export interface ChangedPlace {
  readonly document: number
  readonly path: readonly PathStep[]
  /** The scalar's source text before the release ('' for an empty value or a created key). */
  readonly before: string
  /** The release created this key (there was nothing to put back). */
  readonly created: boolean
  /**
   * For a value that was empty before: the whole line holding it, before and after the release.
   * An empty value has no text of its own, so the line is what is put back.
   */
  readonly lines?: { readonly before: string; readonly after: string }
  /** The scalar's source text the release wrote. */
  readonly after: string
}

/** The plan for one file. */
export interface FileRollback {
  /** The tip's text with the restorable places put back (equal to the tip when none is). */
  readonly text: string
  /** Places put back. */
  readonly restored: readonly ChangedPlace[]
  /** Places left alone, with why (someone changed them since, or the release created them). */
  readonly skipped: readonly { readonly place: ChangedPlace; readonly reason: string }[]
  /** Documents in the tip's text, for `formatPath`. */
  readonly documents: number
}

const PARSE = { uniqueKeys: false, keepSourceTokens: false } as const

/** A path as users write it: `a.b[0]`, with keys that need it in brackets (`a["b.c"]`). */
export function formatPath(place: ChangedPlace, documents: number): string {
  let text = documents > 1 ? `[${place.document}]` : ''
  for (const step of place.path) {
    if (typeof step === 'number') text += `[${step}]`
    else if (/^[A-Za-z0-9_-]+$/.test(step)) text += text === '' ? step : `.${step}`
    else text += `[${JSON.stringify(step)}]`
  }
  return text === '' ? '(document root)' : text
}

function parse(text: string): Document.Parsed[] {
  return parseAllDocuments(text, PARSE) as Document.Parsed[]
}

function source(text: string, node: Node): string {
  const range = node.range
  return range ? text.slice(range[0], range[1]) : ''
}

/** The line holding `offset` (without its line feed) and where it starts. */
function lineAround(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const end = text.indexOf('\n', offset)
  return { start, text: text.slice(start, end === -1 ? text.length : end) }
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value)
  return undefined
}

/** Every scalar whose source text differs between two parallel trees, with its path. */
function collect(
  beforeText: string,
  afterText: string,
  before: unknown,
  after: unknown,
  document: number,
  path: PathStep[],
  out: ChangedPlace[]
): void {
  if (isScalar(after)) {
    const afterSource = source(afterText, after)
    if (!isScalar(before)) {
      if (before === undefined || before === null) {
        out.push({
          document,
          path: [...path],
          before: '',
          after: afterSource,
          created: true
        })
      }
      return
    }
    const beforeSource = source(beforeText, before)
    if (beforeSource !== afterSource) {
      out.push({
        document,
        path: [...path],
        before: beforeSource,
        after: afterSource,
        created: false,
        ...(beforeSource === ''
          ? {
              lines: {
                before: lineAround(beforeText, before.range?.[0] ?? 0).text,
                after: lineAround(afterText, after.range?.[0] ?? 0).text
              }
            }
          : {})
      })
    }
    return
  }
  if (isMap(after)) {
    const beforeItems = new Map<string, unknown>()
    if (isMap(before)) {
      for (const pair of before.items) {
        const key = keyOf(pair.key)
        if (key !== undefined && !beforeItems.has(key)) beforeItems.set(key, pair.value)
      }
    }
    const seen = new Set<string>()
    for (const pair of after.items) {
      const key = keyOf(pair.key)
      if (key === undefined || seen.has(key)) continue
      seen.add(key)
      path.push(key)
      collect(beforeText, afterText, beforeItems.get(key), pair.value, document, path, out)
      path.pop()
    }
    return
  }
  if (isSeq(after)) {
    after.items.forEach((item, index) => {
      path.push(index)
      collect(
        beforeText,
        afterText,
        isSeq(before) ? before.items[index] : undefined,
        item,
        document,
        path,
        out
      )
      path.pop()
    })
  }
}

/** The places a release changed in one file. */
export function changedPlaces(before: string, after: string): ChangedPlace[] {
  const beforeDocs = parse(before)
  const afterDocs = parse(after)
  const places: ChangedPlace[] = []
  afterDocs.forEach((doc, index) => {
    collect(before, after, beforeDocs[index]?.contents, doc.contents, index, [], places)
  })
  return places
}

/** The node at `path` in a document, or undefined when the path does not resolve. */
function nodeAt(root: unknown, path: readonly PathStep[]): unknown {
  let node = root
  for (const step of path) {
    if (typeof step === 'number') {
      if (!isSeq(node)) return undefined
      node = node.items[step]
    } else {
      if (!isMap(node)) return undefined
      node = node.items.find((pair) => keyOf(pair.key) === step)?.value
    }
    if (node === undefined || node === null) return undefined
  }
  return node
}

/** Plans the rollback of one file: see the module comment. */
export function planRollback(before: string, after: string, tip: string): FileRollback {
  const places = changedPlaces(before, after)
  const tipDocs = parse(tip)
  const documents = tipDocs.length
  const restored: ChangedPlace[] = []
  const skipped: { place: ChangedPlace; reason: string }[] = []
  const pieces: { start: number; end: number; text: string }[] = []
  for (const place of places) {
    if (place.created) {
      skipped.push({ place, reason: `${formatPath(place, documents)} was created by the release` })
      continue
    }
    const node = nodeAt(tipDocs[place.document]?.contents, place.path)
    if (!isScalar(node) || node.range === undefined || node.range === null) {
      skipped.push({ place, reason: `${formatPath(place, documents)} is no longer there` })
      continue
    }
    const now = source(tip, node)
    const line = lineAround(tip, node.range[0])
    if (now !== place.after || (place.lines !== undefined && line.text !== place.lines.after)) {
      skipped.push({
        place,
        reason: `${formatPath(place, documents)} was changed since the release (now ${now})`
      })
      continue
    }
    restored.push(place)
    pieces.push(
      place.lines === undefined
        ? { start: node.range[0], end: node.range[1], text: place.before }
        : { start: line.start, end: line.start + line.text.length, text: place.lines.before }
    )
  }
  pieces.sort((a, b) => b.start - a.start)
  let text = tip
  for (const piece of pieces) text = text.slice(0, piece.start) + piece.text + text.slice(piece.end)
  verify(tip, text, restored)
  return { text, restored, skipped, documents }
}

/** The rolled-back text must differ from the tip in exactly the restored places, as planned. */
function verify(tip: string, text: string, restored: readonly ChangedPlace[]): void {
  if (parse(text).some((doc) => doc.errors.length > 0)) {
    throw new InternalError(
      'internal error: a planned rollback does not parse; nothing was written.'
    )
  }
  const changed = changedPlaces(tip, text)
  const expected = restored.map((place) =>
    JSON.stringify([place.document, place.path, place.before])
  )
  const actual = changed.map((place) => JSON.stringify([place.document, place.path, place.after]))
  if (JSON.stringify(actual.sort()) !== JSON.stringify([...expected].sort())) {
    throw new InternalError(
      'internal error: a planned rollback would change more than the release did; nothing was written.'
    )
  }
}
