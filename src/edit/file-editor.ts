import { isMap, Pair, Scalar, YAMLMap } from 'yaml'
import type { Document } from 'yaml'
import { EditError } from '../errors.js'
import {
  detectIndentStep,
  emptyValueInsertPoint,
  lineEnding,
  mapInsertPoint,
  renderInsert
} from './create-keys.js'
import type { InsertPoint } from './create-keys.js'
import type { PathSegment } from './path.js'
import { renderValue } from './render-scalar.js'
import type { QuoteStyle, ScalarValue } from './render-scalar.js'
import { resolvePath } from './resolve-path.js'
import type { Found, Miss, PathContext } from './resolve-path.js'
import { verifyEdit } from './verify.js'
import type { YamlFile } from './yaml-file.js'

/** One value the editor changed, for the log. */
export interface ValueChange {
  readonly label: string
  readonly line: number
  /** The replaced source text, or undefined for a created key. */
  readonly before: string | undefined
  readonly after: string
}

/** How to apply one path. */
export interface SetOptions {
  readonly input: string
  /** The path as the user wrote it (for messages). */
  readonly pathText: string
  /** Create the key (and missing parent maps) when the path does not resolve. */
  readonly create: boolean
  /** Where to start: every document's root unless given. */
  readonly roots?: readonly { readonly doc: Document.Parsed; readonly node: unknown }[]
}

interface Splice {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly label: string
  readonly value: ScalarValue
}

interface Insertion {
  readonly point: InsertPoint
  readonly pairs: Pair[]
}

/**
 * Plans edits of one parsed file: replaced scalars are spliced into the original text, created
 * keys inserted as new lines; `result()` applies them and verifies the outcome.
 */
export class FileEditor {
  readonly changes: ValueChange[] = []
  private readonly splices = new Map<Scalar, Splice>()
  private readonly created = new WeakSet()
  private readonly createdBy = new WeakMap<object, string>()
  private readonly inserts = new Map<object, Insertion>()
  /** How to take back each change made to the parsed nodes, in the order they were made. */
  private readonly undo: (() => void)[] = []
  private step: number | undefined

  constructor(readonly file: YamlFile) {}

  /**
   * Sets `value` at `segments` in every document (or root) where the path resolves; the path must
   * resolve in at least one, unless `create` allows creating it. Returns how many values it matched.
   */
  setPath(segments: readonly PathSegment[], value: ScalarValue, options: SetOptions): number {
    const roots = options.roots ?? this.file.docs.map((doc) => ({ doc, node: doc.contents }))
    const found: Found[] = []
    const misses: { miss: Miss; root: number }[] = []
    roots.forEach((root, index) => {
      const ctx: PathContext = {
        file: this.file,
        doc: root.doc,
        input: options.input,
        pathText: options.pathText
      }
      const result = resolvePath(root.node, segments, ctx)
      found.push(...result.found)
      misses.push(...result.misses.map((miss) => ({ miss, root: index })))
    })
    for (const target of found) {
      this.setScalar(target.node, value, target.inFlow, options.pathText, options.input)
    }
    if (found.length > 0) return found.length

    const creatable = misses.filter(({ miss }) => miss.container && miss.keys)
    const fewest = Math.min(...creatable.map(({ miss }) => miss.keys?.length ?? Infinity))
    const best = creatable.find(({ miss }) => miss.keys?.length === fewest)
    if (options.create && best) {
      for (const { miss, root } of creatable) {
        if (root === best.root && miss.keys?.length === fewest) this.create(miss, value, options)
      }
      return 0
    }
    const shown = best?.miss ?? misses[0]?.miss
    const line = shown ? this.file.lineOf(shown.offset) : undefined
    const reason = shown?.reason ?? 'the file has no YAML document'
    const hint = best && !options.create ? ' Set create-missing: true to create it.' : ''
    throw new EditError(
      `${this.file.path}${line ? `:${line}` : ''}: path ${options.pathText} (${options.input}) does not resolve: ${reason}.${hint}`,
      {
        input: options.input,
        file: this.file.path,
        path: options.pathText,
        ...(line ? { line } : {})
      }
    )
  }

  /** Replaces the value of one scalar node (keeping its quote style) with `value`. */
  setScalar(node: Scalar, value: ScalarValue, inFlow: boolean, label: string, input: string): void {
    const before = this.createdBy.get(node) ?? this.splices.get(node)?.label
    if (this.created.has(node) || this.splices.has(node)) {
      if (!Object.is(node.value, value)) this.conflict(node, before ?? label, label, value, input)
      return
    }
    if (Object.is(node.value, value)) return
    const [start, end] = node.range ?? [0, 0]
    const style = (node.type ?? 'PLAIN') as QuoteStyle
    let text = renderValue(value, style, inFlow)
    if (start === end) {
      // An empty value (`key:` or `key: # comment`): keep a space on both sides of the text.
      if (!' \t'.includes(this.file.text[start - 1] ?? ' ')) text = ` ${text}`
      if (this.file.text[end] === '#') text = `${text} `
    }
    this.splices.set(node, { start, end, text, label, value })
    this.changes.push({
      label,
      line: this.file.lineOf(start),
      before: this.file.text.slice(start, end),
      after: text.trim()
    })
    const old = node.value
    this.undo.push(() => {
      node.value = old
    })
    node.value = value
  }

  private conflict(
    node: Scalar,
    first: string,
    label: string,
    value: ScalarValue,
    input: string
  ): never {
    const line = node.range ? this.file.lineOf(node.range[0]) : undefined
    throw new EditError(
      `${this.file.path}${line ? `:${line}` : ''}: conflicting edits: ${first} sets ${JSON.stringify(node.value)} ` +
        `and ${label} (${input}) sets ${JSON.stringify(value)} on the same value.`,
      { input, file: this.file.path, path: label, ...(line ? { line } : {}) }
    )
  }

  private create(miss: Miss, value: ScalarValue, options: SetOptions): void {
    const keys = miss.keys ?? []
    const container = miss.container
    if (!container || keys.length === 0) return
    let map: YAMLMap
    let insertion: Insertion | undefined
    if (isMap(container)) {
      map = container
      if (!this.created.has(map)) {
        insertion = this.inserts.get(map)
        if (!insertion) {
          insertion = { point: mapInsertPoint(this.file, map), pairs: [] }
          this.inserts.set(map, insertion)
        }
      }
    } else {
      const { pair, empty } = container
      if (this.splices.has(empty)) {
        this.conflict(
          empty,
          this.splices.get(empty)?.label ?? '',
          options.pathText,
          value,
          options.input
        )
      }
      map = new YAMLMap()
      this.created.add(map)
      const old = pair.value
      this.undo.push(() => {
        pair.value = old
      })
      pair.value = map
      this.step ??= detectIndentStep(this.file)
      insertion = {
        point: emptyValueInsertPoint(this.file, pair, empty, this.step),
        pairs: map.items
      }
      this.inserts.set(map, insertion)
    }
    const leaf = new Scalar(value)
    this.created.add(leaf)
    this.createdBy.set(leaf, options.pathText)
    let node: Scalar | YAMLMap = leaf
    for (let i = keys.length - 1; i >= 1; i--) {
      const parent = new YAMLMap()
      parent.items.push(new Pair(new Scalar(keys[i]), node))
      this.created.add(parent)
      node = parent
    }
    const pair = new Pair(new Scalar(keys[0]), node)
    const items = map.items
    this.undo.push(() => {
      const at = items.lastIndexOf(pair)
      if (at >= 0) items.splice(at, 1)
    })
    items.push(pair)
    if (insertion && insertion.pairs !== map.items) insertion.pairs.push(pair)
    this.changes.push({
      label: options.pathText,
      line: this.file.lineOf(miss.offset),
      before: undefined,
      after: renderValue(value, 'PLAIN', false)
    })
  }

  /**
   * Takes back every change made to the parsed nodes, so the file's documents hold the original
   * data again and can be edited anew (a parse cache hands the same nodes to the next run).
   */
  restore(): void {
    for (const undo of this.undo.splice(0).reverse()) undo()
  }

  /** True when at least one value changes or a key is created. */
  get changed(): boolean {
    return this.splices.size > 0 || this.inserts.size > 0
  }

  /** The new text of the file, verified against the intended changes (InternalError if not). */
  result(): string {
    if (!this.changed) return this.file.text
    const eol = lineEnding(this.file.text)
    this.step ??= detectIndentStep(this.file)
    const step = this.step
    const pieces: { start: number; end: number; text: string; order: number }[] = [
      ...[...this.splices.values()].map((s) => ({ ...s, order: 0 })),
      ...[...this.inserts.values()].map((ins) => ({
        start: ins.point.offset,
        end: ins.point.offset,
        text: renderInsert(ins.point, ins.pairs, step, eol),
        order: 1
      }))
    ]
    pieces.sort((a, b) => a.start - b.start || a.order - b.order)
    let out = ''
    let at = 0
    for (const piece of pieces) {
      out += this.file.text.slice(at, piece.start) + piece.text
      at = piece.end
    }
    out += this.file.text.slice(at)
    const rootInserts = this.file.docs.some((doc) => this.inserts.has(doc.contents as object))
    verifyEdit(this.file, pieces, out, rootInserts)
    return out
  }
}
