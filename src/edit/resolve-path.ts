import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml'
import { EditError } from '../lib/errors.js'
import { assertSafeSegment, formatPath } from './path.js'
import type { PathSegment } from './path.js'
import type { YamlFile } from './yaml-file.js'
import { scalarString } from './render-scalar.js'

/** Which file, path and input a resolution is for (for messages). */
export interface PathContext {
  readonly file: YamlFile
  readonly doc: Document.Parsed
  readonly input: string
  readonly pathText: string
  /** The value to write is a map or list: the path may then lead to a map or list of that kind. */
  readonly collection?: 'map' | 'list'
}

/** A scalar the path leads to (or, for a map or list value, a map or list). */
export interface Found {
  readonly node: Scalar | YAMLMap | YAMLSeq
  /** True inside a flow collection (`{…}`, `[…]`), where plain text may not contain `,[]{}`. */
  readonly inFlow: boolean
  /** Puts another node in this one's place in its parent (a map or list replaced). */
  readonly replace: (node: Node) => void
  /** For a map or list value: the pair whose empty value (`key:`) the path leads to. */
  readonly emptyIn?: Pair
}

/** A list that `[-]` appends to. */
interface Append {
  readonly seq: YAMLSeq
}

/** Where a path stopped, and whether the remaining keys could be created there. */
export interface Miss {
  /** Map to create the remaining keys in, or the empty value (`key:`) of `pair` to turn into one. */
  readonly container?: YAMLMap | { readonly pair: Pair; readonly empty: Scalar }
  /** The keys still to create (set only when every remaining segment is a key). */
  readonly keys?: readonly string[]
  /** Why the path stopped, for the message. */
  readonly reason: string
  /** Offset of the node where it stopped. */
  readonly offset: number
  /** The list whose next item the last segment (an index equal to its length) names. */
  readonly appendTo?: YAMLSeq
}

/** The outcome of resolving one path in one document. */
export interface Resolution {
  readonly found: Found[]
  readonly misses: Miss[]
  readonly appends: Append[]
}

const BLOCK_TYPES = new Set(['BLOCK_LITERAL', 'BLOCK_FOLDED'])
const STR_TAG = 'tag:yaml.org,2002:str'

function offsetOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a map'
  if (isSeq(node)) return 'a sequence'
  if (isScalar(node)) return node.value === null ? 'an empty value' : 'a scalar'
  return 'nothing'
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? scalarString(pair.key.value) : undefined
}

function refuse(ctx: PathContext, offset: number, what: string): never {
  const line = ctx.file.lineOf(offset)
  throw new EditError(`${ctx.file.path}:${line}: path ${ctx.pathText} (${ctx.input}) ${what}`, {
    input: ctx.input,
    file: ctx.file.path,
    line,
    path: ctx.pathText
  })
}

function refuseAlias(ctx: PathContext, alias: Alias): never {
  const anchored = ctx.file.aliasTarget(alias)
  const at = anchored?.range ? ctx.file.text.lastIndexOf(`&${alias.source}`, anchored.range[0]) : -1
  const where = at >= 0 ? ` (line ${ctx.file.lineOf(at)})` : ''
  refuse(
    ctx,
    offsetOf(alias),
    `goes through the alias *${alias.source}; an alias cannot be edited on its own. ` +
      `Edit the anchored node &${alias.source}${where} instead, which changes every alias of it.`
  )
}

function isEmptyValue(node: unknown): node is Scalar {
  return (
    isScalar(node) && node.value === null && node.range != null && node.range[0] === node.range[1]
  )
}

/**
 * Walks `segments` from `root` (a document's contents or any node in it). Returns every scalar
 * the path leads to (a `[field=value]` selector may match several) and, for the branches that
 * stop early, where and why. Throws EditError for a path through an alias, to a map, sequence,
 * block scalar or explicitly tagged value.
 */
export function resolvePath(
  root: unknown,
  segments: readonly PathSegment[],
  ctx: PathContext
): Resolution {
  const result: Resolution = { found: [], misses: [], appends: [] }
  walk(root, 0, false, undefined, () => undefined, segments, ctx, result)
  return result
}

function walk(
  node: unknown,
  i: number,
  inFlow: boolean,
  pair: Pair | undefined,
  replace: (node: Node) => void,
  segments: readonly PathSegment[],
  ctx: PathContext,
  out: Resolution
): void {
  if (isAlias(node)) refuseAlias(ctx, node)
  if (i === segments.length) {
    if (ctx.collection !== undefined && pair && !inFlow && isEmptyValue(node)) {
      // `key:` with nothing after it: the map or list goes on the lines below.
      out.found.push({ node, inFlow, replace, emptyIn: pair })
      return
    }
    out.found.push({ node: checkTarget(node, ctx), inFlow, replace })
    return
  }
  const segment = segments[i]
  if (segment === undefined) return
  assertSafeSegment(segment, ctx.input, ctx.pathText)
  const here = formatPath(segments.slice(0, i)) || 'the document root'
  const remainingKeys = (): string[] | undefined => {
    const rest = segments.slice(i)
    return rest.every((s) => s.kind === 'key') ? rest.map((s) => s.key) : undefined
  }

  if (isMap(node)) {
    if (segment.kind !== 'key') {
      const single =
        i === 0 && segment.kind === 'index' && ctx.file.docs.length === 1
          ? `; a leading [${segment.index}] selects a document only in a file with several documents, and this one has one: write ${formatPath(segments.slice(1)) || 'a key'}`
          : segment.kind === 'append'
            ? '; [-] appends to a list only'
            : ''
      out.misses.push({
        reason: `${here} is a map (line ${ctx.file.lineOf(offsetOf(node))}), not a sequence${single}`,
        offset: offsetOf(node)
      })
      return
    }
    const next = node.items.find((p) => keyText(p) === segment.key)
    if (next) {
      const setValue = (n: Node): void => {
        next.value = n
      }
      walk(next.value, i + 1, node.flow === true, next, setValue, segments, ctx, out)
      return
    }
    const merges = node.items.some((p) => keyText(p) === '<<')
      ? ' (keys merged in with << cannot be edited through the merging map)'
      : ''
    out.misses.push({
      container: node,
      keys: remainingKeys(),
      reason: `key '${segment.key}' not found in ${here} (line ${ctx.file.lineOf(offsetOf(node))})${merges}`,
      offset: offsetOf(node)
    })
    return
  }

  if (isSeq(node)) {
    const flow = node.flow === true
    if (segment.kind === 'select') {
      let matched = false
      for (const item of node.items) {
        const target = isAlias(item) ? ctx.file.aliasTarget(item) : item
        if (!isMap(target)) continue
        const field = target.items.find((p) => keyText(p) === segment.field)
        if (!field || !isScalar(field.value) || scalarString(field.value.value) !== segment.value)
          continue
        if (isAlias(item)) refuseAlias(ctx, item)
        matched = true
        const at = node.items.indexOf(item)
        walk(item, i + 1, flow, undefined, itemSetter(node, at), segments, ctx, out)
      }
      if (!matched) {
        out.misses.push({
          reason: `no item with ${segment.field}=${segment.value} in the sequence ${here} (line ${ctx.file.lineOf(offsetOf(node))})`,
          offset: offsetOf(node)
        })
      }
      return
    }
    if (segment.kind === 'append') {
      out.appends.push({ seq: node })
      return
    }
    const index =
      segment.kind === 'index'
        ? segment.index
        : segment.kind === 'key' && /^[0-9]+$/.test(segment.key)
          ? Number(segment.key)
          : undefined
    if (index === undefined) {
      out.misses.push({
        reason:
          `${here} is a sequence (line ${ctx.file.lineOf(offsetOf(node))}), not a map` +
          (segment.kind === 'key'
            ? ` with the key '${segment.key}'; pick an item first: ${formatPath(segments.slice(0, i))}[0].${segment.key} or ${formatPath(segments.slice(0, i))}[name=…].${segment.key}`
            : ''),
        offset: offsetOf(node)
      })
      return
    }
    if (index >= node.items.length) {
      const last = i === segments.length - 1
      const next = last && index === node.items.length
      out.misses.push({
        reason:
          `index ${index} is out of range: the sequence ${here} (line ${ctx.file.lineOf(offsetOf(node))}) has ${node.items.length} items` +
          (next
            ? ` (to add an item, write ${formatPath([...segments.slice(0, i), { kind: 'append' }])} or set create-missing: true)`
            : ''),
        offset: offsetOf(node),
        ...(next ? { appendTo: node } : {})
      })
      return
    }
    walk(node.items[index], i + 1, flow, undefined, itemSetter(node, index), segments, ctx, out)
    return
  }

  const keys = remainingKeys()
  if (pair && !inFlow && isEmptyValue(node) && keys) {
    out.misses.push({
      container: { pair, empty: node },
      keys,
      reason: `${here} is an empty value (line ${ctx.file.lineOf(offsetOf(node))}), not a map`,
      offset: offsetOf(node)
    })
    return
  }
  out.misses.push({
    reason: `${here} is ${describe(node)}${isScalar(node) ? ` (line ${ctx.file.lineOf(offsetOf(node))})` : ''}, not a map or sequence`,
    offset: offsetOf(isScalar(node) ? node : undefined)
  })
}

function itemSetter(seq: YAMLSeq, index: number): (node: Node) => void {
  return (node) => {
    seq.items[index] = node
  }
}

function checkTarget(node: unknown, ctx: PathContext): Scalar | YAMLMap | YAMLSeq {
  const line = (n: unknown): string => `line ${ctx.file.lineOf(offsetOf(n as Node))}`
  if (ctx.collection !== undefined) {
    const kind = isMap(node) ? 'map' : isSeq(node) ? 'list' : undefined
    if (kind === undefined) {
      refuse(
        ctx,
        offsetOf(node as Node),
        `points to ${describe(node)} (${line(node)}), and the value is a ${ctx.collection}; a map or list value ` +
          'replaces only a map or list, or is created where nothing is (create-missing, [-]). ' +
          `Set its fields one by one (${ctx.pathText}.KEY: VALUE), or make the value in the file a ${ctx.collection} first.`
      )
    }
    if (kind !== ctx.collection) {
      refuse(
        ctx,
        offsetOf(node as Node),
        `points to a ${kind} (${line(node)}), and the value is a ${ctx.collection}; a ${kind} is replaced only by a ${kind}.`
      )
    }
    if ((node as YAMLMap).anchor !== undefined) {
      refuse(
        ctx,
        offsetOf(node as Node),
        `points to the anchored ${kind} &${(node as YAMLMap).anchor ?? ''} (${line(node)}); replacing it would change or break its aliases. Set its fields one by one.`
      )
    }
    return node as YAMLMap | YAMLSeq
  }
  if (isMap(node) || isSeq(node)) {
    refuse(
      ctx,
      offsetOf(node),
      `points to ${describe(node)} (${line(node)}), not to a scalar value; a string, number, boolean or null replaces only a scalar. ` +
        `Name a key inside it, e.g. ${ctx.pathText}.tag, or give a ${isMap(node) ? 'map' : 'list'} as the value to replace it whole.`
    )
  }
  if (!isScalar(node)) {
    if (isPair(node)) refuse(ctx, 0, 'points to a key, not a value')
    refuse(ctx, 0, 'points to nothing')
  }
  if (node.type !== undefined && BLOCK_TYPES.has(node.type)) {
    refuse(
      ctx,
      offsetOf(node),
      'points to a block scalar (| or >); the text of block scalars is never edited. Use a plain or quoted value.'
    )
  }
  if (node.tag !== undefined && node.tag !== STR_TAG) {
    refuse(
      ctx,
      offsetOf(node),
      `points to a value with the explicit tag ${node.tag}; tagged values are not replaced. Remove the tag first.`
    )
  }
  return node
}
