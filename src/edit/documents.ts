import { EditError } from '../lib/errors.js'
import { formatPath } from './path.js'
import type { PathSegment } from './path.js'
import type { YamlFile } from './yaml-file.js'

/** Which documents of a file a path is applied in. */
interface DocumentScope {
  /** Indexes of the documents to resolve the path in. */
  readonly docs: readonly number[]
  /** The path without its document selector. */
  readonly segments: readonly PathSegment[]
  /**
   * True when the path has no document selector in a file with several documents: it may then
   * change one document only (the one where it resolves), never several without a word.
   */
  readonly single: boolean
}

/**
 * The documents a path applies to. In a file with several documents a leading `[N]` selects
 * document N (0-based, as yaml-update-action numbers them) and a leading `[*]` every document;
 * without either the path must resolve in one document only (`single`). In a one-document file
 * a leading `[N]` indexes a root list, as in any path. Throws EditError for `[N]` past the last
 * document.
 */
export function documentScope(
  file: YamlFile,
  segments: readonly PathSegment[],
  input: string,
  pathText: string
): DocumentScope {
  const all = file.docs.map((_doc, i) => i)
  const first = segments[0]
  if (first?.kind === 'every') return { docs: all, segments: segments.slice(1), single: false }
  if (file.docs.length > 1 && first?.kind === 'index') {
    if (first.index >= file.docs.length) {
      throw new EditError(
        `${file.path}: path ${pathText} (${input}) selects document [${first.index}], but the file has ${file.docs.length} documents ([0] to [${file.docs.length - 1}]).`,
        { input, file: file.path, path: pathText }
      )
    }
    return { docs: [first.index], segments: segments.slice(1), single: false }
  }
  return { docs: all, segments, single: file.docs.length > 1 }
}

/** One document where a path resolved (or could be created), for the message. */
export interface DocumentHit {
  readonly doc: number
  readonly line: number
}

/**
 * The refusal for a path without a document selector that resolves (or could be created) in
 * several documents: names them and says how to pick one or all.
 */
export function ambiguousDocuments(
  file: YamlFile,
  segments: readonly PathSegment[],
  hits: readonly DocumentHit[],
  input: string,
  pathText: string,
  creating: boolean
): EditError {
  const rest = formatPath(segments)
  const join = (p: string): string => (p.startsWith('[') ? p : `.${p}`)
  const where = hits.map((h) => `[${h.doc}] (line ${h.line})`).join(', ')
  const line = hits[0]?.line
  return new EditError(
    `${file.path}: path ${pathText} (${input}) ${creating ? 'could be created' : 'resolves'} in ${hits.length} of the file's ${file.docs.length} documents: ${where}. ` +
      `Say which document: ${hits.map((h) => `[${h.doc}]${join(rest)}`).join(' or ')}` +
      (creating ? '.' : `, or [*]${join(rest)} to change it in every document where it resolves.`),
    { input, file: file.path, path: pathText, ...(line !== undefined ? { line } : {}) }
  )
}
