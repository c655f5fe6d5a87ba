import { isDeepStrictEqual } from 'node:util'
import { isMap, isNode, isScalar, isSeq, Scalar } from 'yaml'
import type { Document, Node, Pair } from 'yaml'
import { errorMessage } from '../lib/errors.js'
import { formatPath } from './path.js'
import type { PathSegment } from './path.js'
import { formatPlace, sameIdentity } from './places.js'
import type { EditedPlace } from './places.js'
import { readText } from './read-text.js'
import { removeEntry, removeItem } from './remove-key.js'
import { sameRepository, splitReference } from '../lib/image-ref.js'
import { findImages } from './manifests.js'
import { flowText } from './render-node.js'
import { scalarString } from './render-scalar.js'
import { resolvePath } from './resolve-path.js'
import type { Found, PathContext } from './resolve-path.js'
import type { FileEdit, FileSource } from './types.js'
import { verifyEdit } from './verify.js'
import type { Piece } from './verify.js'
import { parseYamlFile } from './yaml-file.js'
import type { YamlFile } from './yaml-file.js'

/**
 * Restoring recorded places (`rollback-on-failure`): each place an earlier edit changed is found
 * again on another version of its file the way the edit found it (see EditedPlace), and put back
 * only where that version still holds what the edit wrote: a replaced value, map or list gets its
 * earlier source text back, a created key or an appended list item is removed line-exactly.
 * Every result is verified like an edit: parsed again, it must hold the data of the file with
 * just those places put back.
 */

/** One place put back. */
export interface RestoredPlace {
  readonly file: string
  /** As users write it, e.g. `services[name=web].tag` (see formatPlace). */
  readonly path: string
  /** The source text the file held (what the edit wrote). */
  readonly from: string
  /** The source text put back; empty for a removed key or item. */
  readonly to: string
  /** The edit had created the key or appended the item, and it was removed. */
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
interface FileRestore {
  /** The file's text with the places put back (equal to the file's text when none was). */
  readonly text: string
  readonly restored: RestoredPlace[]
  readonly skipped: SkippedPlace[]
}

/** The restore of every file: the edits to commit and what was put back or left alone. */
interface RestoreResult {
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
 * Finds `place` on `file`: for a set value (or a replaced map or list) what the path leads to,
 * for a created key the map holding it, for an appended item the list. `nth` of `total`: the same path named several places (a selector matching
 * several items); they are matched in order, and only while the count is the same.
 */
function locate(file: YamlFile, place: EditedPlace, nth: number, total: number): Located {
  const docs = candidates(file, place)
  if (typeof docs === 'string') return { missing: docs }
  const created = place.change === 'created'
  const appended = place.change === 'appended'
  // A created key is found through its map, an appended item through its list; a replaced map
  // or list is itself what is found.
  const segments = created || appended ? place.path.slice(0, -1) : place.path
  const collection: PathContext['collection'] = created
    ? 'map'
    : appended || (place.change === 'replaced' && Array.isArray(place.after.data))
      ? 'list'
      : place.change === 'replaced'
        ? 'map'
        : undefined
  const hits: { doc: Document.Parsed; found: Found[] }[] = []
  for (const doc of docs) {
    const ctx: PathContext = {
      file,
      doc,
      input: place.input,
      pathText: formatPath(place.path),
      ...(collection ? { collection } : {})
    }
    // A created key is looked for in the maps that hold it, not in every map its parent path reaches.
    const found = resolvePath(doc.contents, segments, ctx).found.filter(
      (f) => !created || keyIn(f.node, place.path.at(-1)) !== undefined
    )
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

/** The pair of `map` whose key the path segment `name` names. */
function keyIn(map: unknown, name: PathSegment | undefined): Pair | undefined {
  if (!isMap(map) || name?.kind !== 'key') return undefined
  return map.items.find((p) => isScalar(p.key) && scalarString(p.key.value) === name.key)
}

function sourceOf(file: YamlFile, node: unknown): string {
  if (isScalar(node) && node.range) return file.text.slice(node.range[0], node.range[1])
  return node === undefined ? 'nothing' : flowText(node)
}

/** One place's part of a restore: the text to splice in, or why the place is left alone. */
type Step =
  | {
      readonly piece: Piece
      readonly restored: Pick<RestoredPlace, 'from' | 'to' | 'removed'>
      /** The piece removes lines (the whole file is verified again). */
      readonly structural: boolean
    }
  | { readonly why: string; readonly changedSince: boolean }

const changed = (file: YamlFile, node: unknown): Step => ({
  why: `was changed since the release (now ${sourceOf(file, node)})`,
  changedSince: true
})

/**
 * For a manifest image: the one container image of the document(s) with the repository the edit
 * matched that still holds what it wrote, as the edit found images by repository. Undefined when
 * there is not exactly one.
 */
function imageByRepository(
  file: YamlFile,
  place: EditedPlace,
  used: ReadonlySet<Node>
): Scalar | undefined {
  const repository = place.repository
  if (repository === undefined) return undefined
  const docs = candidates(file, place)
  if (typeof docs === 'string') return undefined
  try {
    const images = docs
      .flatMap((doc) => findImages(doc, '', file))
      .map((image) => image.node)
      .filter(
        (node) =>
          !used.has(node) &&
          isDeepStrictEqual(node.value, place.after.data) &&
          sameRepository(splitReference(String(node.value)).repository, repository)
      )
    return images.length === 1 ? images[0] : undefined
  } catch {
    return undefined
  }
}

/** A value the edit replaced: its earlier source text, where the file still holds ours. */
function putBack(file: YamlFile, place: EditedPlace, located: Located, used: Set<Node>): Step {
  let node: unknown = 'found' in located ? located.found.node : undefined
  const holds = (n: unknown): n is Scalar =>
    isScalar(n) && n.range != null && isDeepStrictEqual(n.value, place.after.data)
  // A manifest image is looked for by its repository when its container is gone by that name
  // (renamed since) or was reached by position (a container without a name); never in place
  // of a named container that holds another value now (someone changed it since).
  const byPosition = place.path.some((segment) => segment.kind === 'index')
  if (node === undefined || (byPosition && (!holds(node) || used.has(node)))) {
    node = imageByRepository(file, place, used) ?? node
  }
  if ('missing' in located && node === undefined) {
    return { why: located.missing, changedSince: false }
  }
  if (!holds(node) || !place.before) return changed(file, node)
  const range = node.range
  if (used.has(node) || !range) return { why: 'was already put back', changedSince: false }
  used.add(node)
  let [start, end] = range
  const from = file.text.slice(start, end)
  if (place.before.text === '') {
    // The edit put spaces around a value written into an empty one: take them back too.
    if (place.after.text.startsWith(' ') && file.text[start - 1] === ' ') start--
    if (place.after.text.endsWith(' ') && file.text[end] === ' ') end++
  }
  node.value = place.before.data
  return {
    piece: { start, end, text: place.before.text },
    restored: { from, to: place.before.text, removed: false },
    structural: false
  }
}

/**
 * A map or list the edit replaced whole: its earlier source text, where the file still holds the
 * data the edit wrote. Not for one filled into an empty value (its lines are the edit's own), nor
 * for one holding anchors or aliases (the data alone cannot say what they were).
 */
function putBackCollection(
  file: YamlFile,
  place: EditedPlace,
  located: Located,
  used: Set<Node>
): Step {
  if ('missing' in located) return { why: located.missing, changedSince: false }
  const { found, doc } = located
  const node = found.node
  if (!(isMap(node) || isSeq(node)) || !isDeepStrictEqual(node.toJSON(), place.after.data)) {
    return changed(file, node)
  }
  const before = place.before
  if (!before || before.text === '' || /[&*]/.test(before.text)) {
    return {
      why: 'was replaced as a whole map or list by the release in a way a rollback does not undo; put it back by hand',
      changedSince: false
    }
  }
  const [start, rawEnd] = node.range ?? [0, 0]
  if (used.has(node) || rawEnd === 0) return { why: 'was already put back', changedSince: false }
  used.add(node)
  let end = rawEnd
  // The edit replaced the text up to the last character of the block, as the tip holds it now.
  if (node.flow !== true && !found.inFlow) {
    while (end > start && ' \t\r\n'.includes(file.text[end - 1] ?? '')) end--
  }
  found.replace(doc.createNode(before.data))
  return {
    piece: { start, end, text: before.text },
    restored: { from: flowText(node), to: before.text, removed: false },
    structural: true
  }
}

/** An item the edit appended to a list: the one item equal to it, removed line-exactly. */
function removeAppended(
  file: YamlFile,
  place: EditedPlace,
  located: Located,
  used: Set<Node>
): Step {
  if ('missing' in located) return { why: located.missing, changedSince: false }
  const seq = located.found.node
  if (!isSeq(seq)) return { why: 'is no longer there', changedSince: false }
  const equal = seq.items.filter(
    (item): item is Node =>
      isNode(item) && !used.has(item) && isDeepStrictEqual(item.toJSON(), place.after.data)
  )
  const [item, other] = equal
  if (!item) return { why: `is no longer there (no item ${place.after.text})`, changedSince: false }
  if (other) {
    return {
      why: `is ambiguous now: the list holds ${equal.length} items ${place.after.text}; left in place`,
      changedSince: false
    }
  }
  const piece = removeItem(file, seq, item)
  if (!piece) {
    return {
      why: 'was appended by the release but is not on lines of its own; left in place',
      changedSince: false
    }
  }
  used.add(item)
  seq.items.splice(seq.items.indexOf(item), 1)
  return { piece, restored: { from: place.after.text, to: '', removed: true }, structural: true }
}

/** A key the edit created: removed line-exactly, where it still holds what the edit wrote. */
function removeCreated(
  file: YamlFile,
  place: EditedPlace,
  located: Located,
  used: Set<Node>
): Step {
  if ('missing' in located) return { why: located.missing, changedSince: false }
  const { found, doc } = located
  const map = found.node
  const pair = keyIn(map, place.path.at(-1))
  if (!isMap(map) || !pair) return { why: 'is no longer there', changedSince: false }
  const now: unknown = isNode(pair.value) ? pair.value.toJSON() : null
  if (!isDeepStrictEqual(now, place.after.data)) return changed(file, pair.value)
  const key = pair.key as Node
  const piece = used.has(key) ? undefined : removeEntry(file, map, pair)
  if (!piece) {
    return {
      why: 'was created by the release but is not on lines of its own; left in place',
      changedSince: false
    }
  }
  used.add(key)
  map.items.splice(map.items.indexOf(pair), 1)
  // A block map left with no entry reads as an empty value (`key:`), as before the release.
  if (map.items.length === 0) {
    if (map === doc.contents) doc.contents = null
    else found.replace(new Scalar(null))
  }
  return { piece, restored: { from: place.after.text, to: '', removed: true }, structural: true }
}

/**
 * Puts back `places` (all of one file) on `file`, the file as it is now. Pure: parsed file in,
 * text out; the file's documents are changed to the expected data for the verification. Throws
 * InternalError when the result does not verify.
 */
function restoreFile(file: YamlFile, places: readonly EditedPlace[]): FileRestore {
  const restored: RestoredPlace[] = []
  const skipped: SkippedPlace[] = []
  const pieces: Piece[] = []
  const used = new Set<Node>()
  const keyOf = (place: EditedPlace): string => JSON.stringify([place.document, place.path])
  const seen = new Map<string, number>()
  let structural = false
  for (const place of places) {
    const label = formatPlace(place)
    const key = keyOf(place)
    const nth = seen.get(key) ?? 0
    seen.set(key, nth + 1)
    const total = places.filter((p) => keyOf(p) === key).length
    let located: Located
    try {
      located = locate(file, place, nth, total)
    } catch (error) {
      located = { missing: `cannot be put back: ${errorMessage(error)}` }
    }
    const step =
      place.change === 'created'
        ? removeCreated(file, place, located, used)
        : place.change === 'replaced'
          ? putBackCollection(file, place, located, used)
          : place.change === 'appended'
            ? removeAppended(file, place, located, used)
            : putBack(file, place, located, used)
    if ('why' in step) {
      skipped.push({
        file: place.file,
        reason: `${label} ${step.why}`,
        changedSince: step.changedSince
      })
      continue
    }
    pieces.push(step.piece)
    structural ||= step.structural
    restored.push({ ...step.restored, file: place.file, path: label })
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
