import { isDeepStrictEqual } from 'node:util'
import { isMap, isNode, isScalar, Scalar } from 'yaml'
import type { Document, Node } from 'yaml'
import { errorMessage } from '../errors.js'
import { formatPath } from './path.js'
import { formatPlace, sameIdentity } from './places.js'
import type { EditedPlace } from './places.js'
import { readText } from './read-text.js'
import { removeEntry } from './remove-key.js'
import { flowText } from './render-node.js'
import { resolvePath } from './resolve-path.js'
import type { Found } from './resolve-path.js'
import type { FileEdit, FileSource } from './types.js'
import { verifyEdit } from './verify.js'
import type { Piece } from './verify.js'
import { parseYamlFile } from './yaml-file.js'
import type { YamlFile } from './yaml-file.js'

/**
 * Restoring recorded places (`rollback-on-failure`): each place an earlier edit changed is found
 * again on another version of its file the way the edit found it (see EditedPlace), and put back
 * only where that version still holds what the edit wrote: a replaced value gets its earlier
 * source text back, a created key is removed line-exactly. Every result is verified like an
 * edit: parsed again, it must hold the data of the file with just those places put back.
 */

/** One place put back. */
export interface RestoredPlace {
  readonly file: string
  /** As users write it, e.g. `services[name=web].tag` (see formatPlace). */
  readonly path: string
  /** The source text the file held (what the edit wrote). */
  readonly from: string
  /** The source text put back; empty for a removed key. */
  readonly to: string
  /** The edit had created the key, and it was removed. */
  readonly removed: boolean
}

/** One place left alone; the reason names its path. */
export interface SkippedPlace {
  readonly file: string
  readonly reason: string
  /** The place still holds a value, but not the one the edit wrote. */
  readonly changedSince: boolean
}

/** The restore of one file: its new text, what was put back and what was left alone. */
export interface FileRestore {
  /** The file's text with the places put back (equal to the file's text when none was). */
  readonly text: string
  readonly restored: RestoredPlace[]
  readonly skipped: SkippedPlace[]
}

/** The restore of every file: the edits to commit and what was put back or left alone. */
export interface RestoreResult {
  readonly edits: FileEdit[]
  readonly restored: RestoredPlace[]
  readonly skipped: SkippedPlace[]
}

/** Where a place is on the file as it is now. */
type Located =
  { readonly found: Found; readonly doc: Document.Parsed } | { readonly missing: string }

/** The documents `place` may be in, the way the edit chose them. */
function candidates(file: YamlFile, place: EditedPlace): Document.Parsed[] | string {
  const ref = place.document
  if (ref.by === 'identity') {
    const docs = file.docs.filter((doc) => sameIdentity(ref, doc))
    if (docs.length === 0) return `is no longer there (no document is ${ref.kind} ${ref.name})`
    if (docs.length > 1) return `is in ${docs.length} documents now (${ref.kind} ${ref.name})`
    return docs
  }
  if (ref.by === 'index') {
    const doc = file.docs[ref.index]
    return doc ? [doc] : `is no longer there (the file has ${file.docs.length} documents)`
  }
  return [...file.docs]
}

/**
 * Finds `place` on `file`: for a set value the value the path leads to, for a created key the
 * map holding it. `nth` of `total`: the same path named several places (a selector matching
 * several items); they are matched in order, and only while the count is the same.
 */
function locate(file: YamlFile, place: EditedPlace, nth: number, total: number): Located {
  const docs = candidates(file, place)
  if (typeof docs === 'string') return { missing: docs }
  const created = place.change === 'created'
  const segments = created ? place.path.slice(0, -1) : place.path
  const hits: { doc: Document.Parsed; found: Found[] }[] = []
  for (const doc of docs) {
    const ctx = {
      file,
      doc,
      input: place.input,
      pathText: formatPath(place.path),
      ...(created ? { collection: 'map' as const } : {})
    }
    const found = resolvePath(doc.contents, segments, ctx).found
    if (found.length > 0) hits.push({ doc, found })
  }
  const [hit, other] = hits
  if (!hit) return { missing: 'is no longer there' }
  if (other) return { missing: `resolves in ${hits.length} documents now` }
  if (hit.found.length !== total) {
    return { missing: `matches ${hit.found.length} places now, not ${total} as at the release` }
  }
  const found = hit.found[nth]
  return found ? { found, doc: hit.doc } : { missing: 'is no longer there' }
}

function sourceOf(file: YamlFile, node: unknown): string {
  if (isScalar(node) && node.range) return file.text.slice(node.range[0], node.range[1])
  return flowText(node)
}

/**
 * Puts back `places` (all of one file) on `file`, the file as it is now. Pure: parsed file in,
 * text out; the file's documents are changed to the expected data for the verification. Throws
 * InternalError when the result does not verify.
 */
export function restoreFile(file: YamlFile, places: readonly EditedPlace[]): FileRestore {
  const restored: RestoredPlace[] = []
  const skipped: SkippedPlace[] = []
  const pieces: Piece[] = []
  const used = new Set<Node>()
  const keyOf = (place: EditedPlace): string => JSON.stringify([place.document, place.path])
  const seen = new Map<string, number>()
  let structural = false
  for (const place of places) {
    const label = formatPlace(place)
    const skip = (why: string, changedSince = false): void => {
      skipped.push({ file: place.file, reason: `${label} ${why}`, changedSince })
    }
    if (place.change === 'replaced' || place.change === 'appended') {
      skip(
        place.change === 'replaced'
          ? 'was replaced as a whole map or list by the release, which a rollback does not undo; put it back by hand'
          : 'got an item appended by the release, which a rollback does not undo; remove it by hand'
      )
      continue
    }
    const key = keyOf(place)
    const nth = seen.get(key) ?? 0
    seen.set(key, nth + 1)
    const total = places.filter((p) => keyOf(p) === key).length
    let located: Located
    try {
      located = locate(file, place, nth, total)
    } catch (error) {
      skip(`cannot be put back: ${errorMessage(error)}`)
      continue
    }
    if ('missing' in located) {
      skip(located.missing)
      continue
    }
    const { found } = located
    if (place.change === 'created') {
      const map = found.node
      const name = place.path.at(-1)
      const pair =
        isMap(map) && name?.kind === 'key'
          ? map.items.find((p) => isScalar(p.key) && String(p.key.value) === name.key)
          : undefined
      if (!isMap(map) || !pair) {
        skip('is no longer there')
        continue
      }
      const now: unknown = isNode(pair.value) ? pair.value.toJSON() : null
      if (!isDeepStrictEqual(now, place.after.data)) {
        skip(`was changed since the release (now ${flowText(pair.value)})`, true)
        continue
      }
      const piece = used.has(pair.key as Node) ? undefined : removeEntry(file, map, pair)
      if (!piece) {
        skip('was created by the release but is not on lines of its own; left in place')
        continue
      }
      used.add(pair.key as Node)
      pieces.push(piece)
      structural = true
      map.items.splice(map.items.indexOf(pair), 1)
      // A block map left with no entry reads as an empty value (`key:`), as before the release.
      if (map.items.length === 0) {
        if (map === located.doc.contents) located.doc.contents = null
        else found.replace(new Scalar(null))
      }
      restored.push({
        file: place.file,
        path: label,
        from: place.after.text,
        to: '',
        removed: true
      })
      continue
    }
    const node = found.node
    if (!isScalar(node) || node.range == null || !place.before) {
      skip(`was changed since the release (now ${sourceOf(file, node)})`, true)
      continue
    }
    if (!isDeepStrictEqual(node.value, place.after.data)) {
      skip(`was changed since the release (now ${sourceOf(file, node)})`, true)
      continue
    }
    if (used.has(node)) continue
    used.add(node)
    let [start, end] = node.range
    const from = file.text.slice(start, end)
    if (place.before.text === '') {
      // The edit put spaces around a value written into an empty one: take them back too.
      if (place.after.text.startsWith(' ') && file.text[start - 1] === ' ') start--
      if (place.after.text.endsWith(' ') && file.text[end] === ' ') end++
    }
    pieces.push({ start, end, text: place.before.text })
    node.value = place.before.data
    restored.push({ file: place.file, path: label, from, to: place.before.text, removed: false })
  }
  if (pieces.length === 0) return { text: file.text, restored, skipped }
  pieces.sort((a, b) => a.start - b.start)
  let text = ''
  let at = 0
  for (const piece of pieces) {
    text += file.text.slice(at, piece.start) + piece.text
    at = piece.end
  }
  text += file.text.slice(at)
  verifyEdit(file, pieces, text, structural)
  return { text, restored, skipped }
}

/**
 * Puts back every recorded place on the files `source` holds (see the module comment). A file
 * deleted, unreadable or not parsing any more is left alone, each of its places skipped with
 * the reason. Returns one FileEdit per file read.
 */
export async function restorePlaces(
  source: FileSource,
  places: readonly EditedPlace[]
): Promise<RestoreResult> {
  const files = new Map<string, EditedPlace[]>()
  for (const place of places) files.set(place.file, [...(files.get(place.file) ?? []), place])
  const result: RestoreResult = { edits: [], restored: [], skipped: [] }
  for (const [path, filePlaces] of files) {
    const input = filePlaces[0]?.input ?? 'rollback-on-failure'
    const paths = filePlaces.map((place) => formatPlace(place)).join(', ')
    const leave = (why: string): void => {
      result.skipped.push({
        file: path,
        reason: `${why}, so ${paths} could not be put back`,
        changedSince: false
      })
    }
    let text: string | undefined
    let file: YamlFile
    try {
      text = await readText(source, path, input)
      if (text === undefined) {
        leave('the file was deleted since the release')
        continue
      }
      file = parseYamlFile(path, text, input)
    } catch (error) {
      leave(`the file cannot be read as YAML any more (${errorMessage(error)})`)
      continue
    }
    const restore = restoreFile(file, filePlaces)
    result.restored.push(...restore.restored)
    result.skipped.push(...restore.skipped)
    result.edits.push({ path, before: text, after: restore.text })
  }
  return result
}
