import { isMap, isScalar } from 'yaml'
import type { Document } from 'yaml'
import { formatPath } from './path.js'
import type { PathSegment } from './path.js'
import { scalarString } from './render-scalar.js'
import type { YamlFile } from './yaml-file.js'

/**
 * How an edit found the document it changed, so a later version of the file can be searched the
 * same way: a Kubernetes document by its kind, name and namespace (wherever it has moved to);
 * otherwise by the `[N]` the path named, or as the one document where the path resolves.
 */
type DocumentRef =
  | { readonly by: 'path' }
  | { readonly by: 'index'; readonly index: number }
  | {
      readonly by: 'identity'
      readonly kind: string
      readonly name: string
      readonly namespace?: string
    }

/** What the edit did at a place. */
export type PlaceChange =
  /** A scalar's value was replaced. */
  | 'set'
  /** The key did not exist; this run created it (with everything under it). */
  | 'created'
  /** A whole map or list was replaced, or an empty value filled with one. */
  | 'replaced'
  /** An item was appended to a list. */
  | 'appended'

/** A value as the file holds it: its source text and its data. */
export interface PlaceValue {
  readonly text: string
  readonly data: unknown
}

/**
 * One place an edit changed, named the way the edit found it so that it can be found again on
 * another version of the file (never by position): the document (see DocumentRef), the path from
 * that document's root as resolved (a list item by its `[field=value]` selector when the path
 * named one, a kustomization entry by its name), and for a manifest container image the
 * repository it was matched by. For a created key, `path` ends at the first key this run created.
 */
export interface EditedPlace {
  /** Repository-relative path of the file. */
  readonly file: string
  /** The input that asked for the edit (values-file, changes, kustomization, manifests). */
  readonly input: string
  readonly document: DocumentRef
  readonly path: readonly PathSegment[]
  /** For a manifest container image: the repository the edit matched. */
  readonly repository?: string
  readonly change: PlaceChange
  /** What the place held before; undefined for a created key or an appended item. */
  readonly before: PlaceValue | undefined
  /** What this run wrote there (for a created key: the data of everything it created). */
  readonly after: PlaceValue
}

/** Where an edit is about to change something: the identity part of an EditedPlace. */
export type PlaceWhere = Pick<EditedPlace, 'input' | 'document' | 'path' | 'repository'>

function field(node: unknown, key: string): unknown {
  return isMap(node)
    ? node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value
    : undefined
}

function text(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? scalarString(node.value) : undefined
}

/** A document's kind, name and namespace when it has a kind and a metadata.name. */
function documentIdentity(
  doc: Document.Parsed
): Extract<DocumentRef, { by: 'identity' }> | undefined {
  const kind = text(field(doc.contents, 'kind'))
  const metadata = field(doc.contents, 'metadata')
  const name = text(field(metadata, 'name'))
  if (kind === undefined || name === undefined) return undefined
  const namespace = text(field(metadata, 'namespace'))
  return { by: 'identity', kind, name, ...(namespace === undefined ? {} : { namespace }) }
}

/**
 * How to find `doc` of `file` again: by its identity when it has one; by index when the path
 * chose the document by position (`[N]`, `[*]`) in a file with several; else as the document
 * where the path resolves.
 */
export function documentRef(file: YamlFile, doc: Document.Parsed, byIndex: boolean): DocumentRef {
  const identity = documentIdentity(doc)
  if (identity) return identity
  if (byIndex && file.docs.length > 1) return { by: 'index', index: file.docs.indexOf(doc) }
  return { by: 'path' }
}

/** True when `doc` is the document `ref` names by identity. */
export function sameIdentity(ref: DocumentRef, doc: Document.Parsed): boolean {
  if (ref.by !== 'identity') return false
  const identity = documentIdentity(doc)
  return (
    identity?.kind === ref.kind &&
    identity.name === ref.name &&
    identity.namespace === ref.namespace
  )
}

/**
 * The place as users read it, in the path grammar: `services[name=web].tag`, with the document
 * first when the edit found it by identity (`[kind=Deployment,name=web]`) or by index (`[1]`).
 */
export function formatPlace(place: Pick<EditedPlace, 'document' | 'path'>): string {
  const rest = formatPath(place.path)
  const doc = place.document
  let prefix = ''
  if (doc.by === 'index') prefix = `[${doc.index}]`
  else if (doc.by === 'identity') {
    const namespace = doc.namespace === undefined ? '' : `,namespace=${doc.namespace}`
    prefix = `[kind=${doc.kind},name=${doc.name}${namespace}]`
  }
  if (prefix === '') return rest === '' ? '(document root)' : rest
  return rest === '' || rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`
}
