import { isDeepStrictEqual } from 'node:util'
import { isMap, isNode, isScalar, isSeq, Pair, Scalar, visit, YAMLMap } from 'yaml'
import type { Document, Node, YAMLSeq } from 'yaml'
import { EditError } from '../lib/errors.js'
import {
  detectIndentStep,
  detectLayout,
  emptyValueInsertPoint,
  lineEnding,
  mapInsertPoint,
  renderInsert,
  renderItemsInsert,
  seqInsertPoint
} from './create-keys.js'
import type { InsertPoint } from './create-keys.js'
import { ambiguousDocuments, documentScope, type DocumentHit } from './documents.js'
import { isCollectionValue, scalarOf, toNode } from './edit-value.js'
import type { EditValue } from './edit-value.js'
import { assertJsonValue, jsonScalar } from './json-text.js'
import type { PathSegment } from './path.js'
import { documentRef } from './places.js'
import type { EditedPlace, PlaceChange, PlaceValue, PlaceWhere } from './places.js'
import { blockLines, flowText } from './render-node.js'
import type { BlockLayout } from './render-node.js'
import { renderValue } from './render-scalar.js'
import type { QuoteStyle, ScalarValue } from './render-scalar.js'
import { resolvePath } from './resolve-path.js'
import type { Found, Miss, PathContext, Resolution } from './resolve-path.js'
import { verifyEdit } from './verify.js'
import type { YamlFile } from './yaml-file.js'

/** One value the editor changed, for the log. */
interface ValueChange {
  readonly label: string
  readonly line: number
  /** The replaced source text, or undefined for a created key. */
  readonly before: string | undefined
  readonly after: string
}

/** How to apply one path. */
interface SetOptions {
  readonly input: string
  /** The path as the user wrote it (for messages). */
  readonly pathText: string
  /** Create the key (and missing parent maps) when the path does not resolve. */
  readonly create: boolean
  /** Where to start: every document's root unless given. */
  readonly roots?: readonly { readonly doc: Document.Parsed; readonly node: unknown }[]
  /** With `roots`: the path from the document's root to them, for the recorded places. */
  readonly prefix?: readonly PathSegment[]
}

interface Splice {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly label: string
  /** For a replaced map or list: renders its text when the file is written (keys created in it later included). */
  readonly render?: () => string
}

interface Insertion {
  readonly point: InsertPoint
  readonly pairs: Pair[]
  /** New list items (for an insertion into a list). */
  readonly items?: Node[]
}

/**
 * Plans edits of one parsed file: replaced scalars are spliced into the original text, created
 * keys inserted as new lines; `result()` applies them and verifies the outcome.
 */
export class FileEditor {
  readonly changes: ValueChange[] = []
  private readonly splices = new Map<Node, Splice>()
  private readonly created = new WeakSet()
  private readonly createdBy = new WeakMap<object, string>()
  private readonly inserts = new Map<object, Insertion>()
  /** How to take back each change made to the parsed nodes, in the order they were made. */
  private readonly undo: (() => void)[] = []
  private step: number | undefined
  private layoutCache: BlockLayout | undefined
  /** Each changed place, made when asked for (a created key's data is complete only then). */
  private readonly recorded: (() => EditedPlace)[] = []
  /** Lists were appended to or maps/lists replaced: the whole file is verified again. */
  private structural = false

  constructor(readonly file: YamlFile) {}

  /**
   * Sets `value` at `segments` in the documents the path selects (see documentScope: `[N]`
   * picks document N of a multi-document file, `[*]` every document; without either the path
   * must resolve in one document only); the path must resolve, unless `create` allows creating
   * it or it ends in `[-]` (append). A map or list value replaces only a map or list, or is
   * created or appended. Returns how many values it matched.
   */
  setPath(segments: readonly PathSegment[], value: EditValue, options: SetOptions): number {
    const where = { file: this.file.path, path: options.pathText, input: options.input }
    if (this.file.json) assertJsonValue(value, where)
    const scope = options.roots
      ? { docs: [], segments, single: false }
      : documentScope(this.file, segments, options.input, options.pathText)
    const ambiguous = (hits: readonly DocumentHit[], creating: boolean): EditError =>
      ambiguousDocuments(this.file, scope.segments, hits, options.input, options.pathText, creating)
    const roots =
      options.roots ??
      this.file.docs
        .filter((_doc, i) => scope.docs.includes(i))
        .map((doc) => ({ doc, node: doc.contents }))
    const byIndex =
      !options.roots &&
      (segments[0]?.kind === 'every' ||
        (this.file.docs.length > 1 && segments[0]?.kind === 'index'))
    const whereOf = (root: number): PlaceWhere | undefined => {
      const doc = roots[root]?.doc
      return doc === undefined
        ? undefined
        : {
            input: options.input,
            document: documentRef(this.file, doc, byIndex),
            path: [...(options.prefix ?? []), ...scope.segments]
          }
    }
    const collection = value instanceof Map ? 'map' : Array.isArray(value) ? 'list' : undefined
    const found: { target: Found; root: number }[] = []
    const appends: { seq: YAMLSeq; root: number }[] = []
    const misses: { miss: Miss; root: number }[] = []
    roots.forEach((root, index) => {
      const ctx: PathContext = {
        file: this.file,
        doc: root.doc,
        input: options.input,
        pathText: options.pathText,
        ...(collection ? { collection } : {})
      }
      const result: Resolution = resolvePath(root.node, scope.segments, ctx)
      found.push(...result.found.map((target) => ({ target, root: index })))
      appends.push(...result.appends.map(({ seq }) => ({ seq, root: index })))
      misses.push(...result.misses.map((miss) => ({ miss, root: index })))
    })
    const hitRoots = new Set([...found, ...appends].map((h) => h.root))
    if (scope.single && hitRoots.size > 1) {
      const hits = [...hitRoots].map((root) => {
        const node = [
          ...found.map((f) => ({ root: f.root, node: f.target.node })),
          ...appends.map((a) => ({ root: a.root, node: a.seq }))
        ].find((h) => h.root === root)?.node
        return { doc: scope.docs[root] ?? root, line: this.file.lineOf(node?.range?.[0] ?? 0) }
      })
      throw ambiguous(hits, false)
    }
    for (const { target, root } of found) {
      if (isCollectionValue(value)) {
        const before: unknown = target.emptyIn ? null : target.node.toJSON()
        this.noting(whereOf(root), 'replaced', before, value, () => {
          this.replaceCollection(target, value, options)
        })
      } else
        this.setScalar(
          target.node as Scalar,
          scalarOf(value).value,
          target.inFlow,
          options.pathText,
          options.input,
          scalarOf(value).float,
          whereOf(root)
        )
    }
    for (const { seq, root } of appends) {
      this.noting(whereOf(root), 'appended', undefined, value, () => {
        this.append(seq, value, options, false)
      })
    }
    if (found.length > 0 || appends.length > 0) return found.length + appends.length

    const appendable = misses.filter(({ miss }) => miss.appendTo)
    const creatable = misses.filter(({ miss }) => miss.container && miss.keys)
    const fewest = Math.min(...creatable.map(({ miss }) => miss.keys?.length ?? Infinity))
    const best = creatable.find(({ miss }) => miss.keys?.length === fewest)
    if (options.create && (appendable.length > 0 || best)) {
      const candidates = new Set(
        appendable.length > 0
          ? appendable.map((a) => a.root)
          : creatable.filter(({ miss }) => miss.keys?.length === fewest).map((c) => c.root)
      )
      // Creating in several documents is never guessed, not even for [*]: say which one.
      const every = segments[0]?.kind === 'every'
      if ((scope.single || every) && candidates.size > 1) {
        const hits = [...candidates].map((root) => {
          const miss = [...appendable, ...creatable].find((m) => m.root === root)?.miss
          return { doc: scope.docs[root] ?? root, line: this.file.lineOf(miss?.offset ?? 0) }
        })
        throw ambiguous(hits, true)
      }
      if (appendable.length > 0) {
        for (const { miss, root } of appendable) {
          const seq = miss.appendTo
          if (seq) {
            this.noting(whereOf(root), 'appended', undefined, value, () => {
              this.append(seq, value, options, true)
            })
          }
        }
        return 0
      }
      for (const { miss, root } of creatable) {
        if (root === best?.root && miss.keys?.length === fewest)
          this.create(miss, value, options, whereOf(root))
      }
      return 0
    }
    const shownMiss = best ?? appendable[0] ?? misses[0]
    const shown = shownMiss?.miss
    const line = shown ? this.file.lineOf(shown.offset) : undefined
    const reason = shown?.reason ?? 'the file has no YAML document'
    const docNote =
      shownMiss && this.file.docs.length > 1
        ? ` (in document [${scope.docs[shownMiss.root] ?? shownMiss.root}])`
        : ''
    const hint = best && !options.create ? ' Set create-missing: true to create it.' : ''
    throw new EditError(
      `${this.file.path}${line ? `:${line}` : ''}: path ${options.pathText} (${options.input}) does not resolve: ${reason}${docNote}.${hint}`,
      {
        input: options.input,
        file: this.file.path,
        path: options.pathText,
        ...(line ? { line } : {})
      }
    )
  }

  /** Every place changed so far, named so it can be found again (see places.ts). */
  get places(): EditedPlace[] {
    return this.recorded.map((make) => make())
  }

  /**
   * Runs one change of a map or list and records it as a place when it changed something
   * (`before`: the data it held, undefined when nothing was there; `value`: what it writes).
   */
  private noting(
    where: PlaceWhere | undefined,
    change: PlaceChange,
    before: unknown,
    value: EditValue,
    action: () => void
  ): void {
    const mark = this.changes.length
    action()
    const made = this.changes[this.changes.length - 1]
    if (where === undefined || made === undefined || this.changes.length === mark) return
    const was: PlaceValue | undefined =
      made.before === undefined ? undefined : { text: made.before, data: before }
    const path = this.file.path
    const data: unknown = toNode(value).toJSON()
    const after = { text: made.after, data }
    this.recorded.push(() => ({ ...where, file: path, change, before: was, after }))
  }

  private get layout(): BlockLayout {
    this.layoutCache ??= detectLayout(this.file)
    return this.layoutCache
  }

  /** Marks every node of a new subtree as written by `label` (a later edit of it must agree). */
  private adopt(node: Node, label: string): void {
    visit(node, {
      Node: (_key, n) => {
        this.created.add(n)
        this.createdBy.set(n, label)
      }
    })
  }

  /** Replaces a whole map or list with `value` (a map or list of the same kind). */
  private replaceCollection(target: Found, value: EditValue, options: SetOptions): void {
    const old = target.node as YAMLMap | YAMLSeq
    const node = toNode(value)
    if (this.created.has(old) || this.splices.has(old)) {
      this.conflict(
        old as unknown as Scalar,
        this.createdBy.get(old) ?? this.splices.get(old)?.label ?? options.pathText,
        options.pathText,
        value,
        options.input
      )
    }
    if (target.emptyIn) {
      this.fillEmpty(target, node as YAMLMap | YAMLSeq, value, options)
      return
    }
    // Equal data: nothing to write (a re-run, or the same value written another way).
    if (isDeepStrictEqual(old.toJSON(), node.toJSON())) return
    const [start, rawEnd] = old.range ?? [0, 0]
    // An earlier path changed something inside: the two edits would overlap.
    const inside = [...this.splices.values()].find((s) => s.start >= start && s.end <= rawEnd)
    const insideInsert = [...this.inserts.values()].find(
      (ins) => ins.point.offset > start && ins.point.offset < rawEnd
    )
    if (inside || insideInsert) {
      const line = this.file.lineOf(start)
      throw new EditError(
        `${this.file.path}:${line}: conflicting edits: ${inside?.label ?? 'an earlier path'} changes a value inside ` +
          `${options.pathText}, which ${options.pathText} (${options.input}) replaces whole. Put that value into the new ${isMap(old) ? 'map' : 'list'} instead.`,
        { input: options.input, file: this.file.path, path: options.pathText, line }
      )
    }
    let end = rawEnd
    const flow = old.flow === true || target.inFlow
    if (!flow) while (end > start && ' \t\r\n'.includes(this.file.text[end - 1] ?? '')) end--
    const col = this.file.columnOf(start)
    const render = (): string => {
      const empty = (isMap(node) || isSeq(node)) && node.items.length === 0
      if (flow || empty) return flowText(node, this.file.json)
      return blockLines(node, col, this.layout).join(lineEnding(this.file.text)).slice(col)
    }
    this.structural = true
    this.splices.set(old, { start, end, text: '', label: options.pathText, render })
    this.undo.push(() => {
      target.replace(old)
    })
    target.replace(node)
    this.adopt(node, options.pathText)
    this.changes.push({
      label: options.pathText,
      line: this.file.lineOf(start),
      before: this.file.text.slice(start, end),
      after: flowText(node)
    })
  }

  /** Writes a map or list under an empty `key:`, on the lines below it, in the file's layout. */
  private fillEmpty(
    target: Found,
    node: YAMLMap | YAMLSeq,
    value: EditValue,
    options: SetOptions
  ): void {
    const empty = target.node as Scalar
    const pair = target.emptyIn
    if (!pair || this.splices.has(empty) || this.created.has(empty)) {
      this.conflict(
        empty,
        this.splices.get(empty)?.label ?? options.pathText,
        options.pathText,
        value,
        options.input
      )
    }
    this.step ??= detectIndentStep(this.file)
    const base = emptyValueInsertPoint(this.file, pair, empty, this.step)
    const keyColumn = base.indent - this.step
    if (node.items.length === 0) {
      // `key: {}` / `key: []`, in the place of the empty value.
      this.setScalarText(empty, flowText(node), options.pathText)
    } else if (isMap(node)) {
      this.inserts.set(node, { point: base, pairs: node.items })
    } else {
      const point = { ...base, indent: keyColumn + this.layout.seqIndent }
      this.inserts.set(node, { point, pairs: [], items: node.items as Node[] })
    }
    this.structural = true
    this.undo.push(() => {
      target.replace(empty)
    })
    target.replace(node)
    this.adopt(node, options.pathText)
    this.changes.push({
      label: options.pathText,
      line: this.file.lineOf(empty.range?.[0] ?? 0),
      before: '',
      after: flowText(node)
    })
  }

  /** Puts `text` in the place of an empty value, with a space on both sides. */
  private setScalarText(node: Scalar, text: string, label: string): void {
    const [start, end] = node.range ?? [0, 0]
    let out = text
    if (!' \t'.includes(this.file.text[start - 1] ?? ' ')) out = ` ${out}`
    if (this.file.text[end] === '#') out = `${out} `
    this.splices.set(node, { start, end, text: out, label })
  }

  /**
   * Appends `value` as a new item of `seq` ([-], or an index equal to its length with
   * create-missing). A `[-]` append is skipped when the list already holds an equal item, so a
   * re-run changes nothing.
   */
  private append(seq: YAMLSeq, value: EditValue, options: SetOptions, positional: boolean): void {
    const node = toNode(value)
    const same = (item: unknown): boolean =>
      isDeepStrictEqual(isNode(item) ? item.toJSON() : null, node.toJSON())
    if (!positional && seq.items.some(same)) return
    let insertion = this.inserts.get(seq)
    if (!insertion) {
      if (this.created.has(seq)) {
        this.conflict(
          seq as unknown as Scalar,
          this.createdBy.get(seq) ?? options.pathText,
          options.pathText,
          value,
          options.input
        )
      }
      const point = seqInsertPoint(this.file, seq)
      insertion = { point, pairs: [], items: [] }
      this.inserts.set(seq, insertion)
    }
    this.structural = true
    this.undo.push(() => {
      const at = seq.items.lastIndexOf(node)
      if (at >= 0) seq.items.splice(at, 1)
    })
    seq.items.push(node)
    insertion.items?.push(node)
    this.adopt(node, options.pathText)
    this.changes.push({
      label: options.pathText,
      line: this.file.lineOf(insertion.point.offset),
      before: undefined,
      after: flowText(node)
    })
  }

  /** Replaces the value of one scalar node (keeping its quote style) with `value`. */
  setScalar(
    node: Scalar,
    value: ScalarValue,
    inFlow: boolean,
    label: string,
    input: string,
    float = false,
    where?: PlaceWhere
  ): void {
    if (isMap(node) || isSeq(node)) {
      // A later path reached a map or list an earlier one wrote.
      this.conflict(node, this.createdBy.get(node) ?? label, label, value, input)
    }
    const before = this.createdBy.get(node) ?? this.splices.get(node)?.label
    if (this.created.has(node) || this.splices.has(node)) {
      if (!Object.is(node.value, value)) this.conflict(node, before ?? label, label, value, input)
      return
    }
    const [start, end] = node.range ?? [0, 0]
    // A whole number given as !!float replaces the same number written as an integer.
    const intText = float && !/[.eEn]/.test(this.file.text.slice(start, end))
    if (Object.is(node.value, value) && !intText) return
    const style = (node.type ?? 'PLAIN') as QuoteStyle
    let text = this.file.json ? jsonScalar(value, float) : renderValue(value, style, inFlow, float)
    if (start === end) {
      // An empty value (`key:` or `key: # comment`): keep a space on both sides of the text.
      if (!' \t'.includes(this.file.text[start - 1] ?? ' ')) text = ` ${text}`
      if (this.file.text[end] === '#') text = `${text} `
    }
    this.splices.set(node, { start, end, text, label })
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
    if (where) {
      const place: EditedPlace = {
        ...where,
        file: this.file.path,
        change: 'set',
        before: { text: this.file.text.slice(start, end), data: old },
        after: { text, data: value }
      }
      this.recorded.push(() => place)
    }
  }

  private conflict(
    node: Scalar,
    first: string,
    label: string,
    value: EditValue,
    input: string
  ): never {
    const line = node.range ? this.file.lineOf(node.range[0]) : undefined
    const show = (v: unknown): string =>
      isScalar(v)
        ? JSON.stringify(v.value)
        : v instanceof Map || Array.isArray(v)
          ? flowText(toNode(v as EditValue))
          : isMap(v) || isSeq(v)
            ? flowText(v)
            : JSON.stringify(v)
    throw new EditError(
      `${this.file.path}${line ? `:${line}` : ''}: conflicting edits: ${first} sets ${show(node)} ` +
        `and ${label} (${input}) sets ${show(value)} on the same value.`,
      { input, file: this.file.path, path: label, ...(line ? { line } : {}) }
    )
  }

  private create(miss: Miss, value: EditValue, options: SetOptions, where?: PlaceWhere): void {
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
    const leaf = toNode(value)
    this.adopt(leaf, options.pathText)
    let node: Node = leaf
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
    // A key created inside a map this run created is part of that map's place.
    if (where && !(isMap(container) && this.created.has(container))) {
      const file = this.file.path
      const path = where.path.slice(0, where.path.length - keys.length + 1)
      this.recorded.push(() => ({
        ...where,
        file,
        path,
        change: 'created',
        before: undefined,
        after: { text: flowText(pair.value), data: (pair.value as Node).toJSON() as unknown }
      }))
    }
    this.changes.push({
      label: options.pathText,
      line: this.file.lineOf(miss.offset),
      before: undefined,
      after: isCollectionValue(value)
        ? flowText(leaf)
        : renderValue(scalarOf(value).value, 'PLAIN', false, scalarOf(value).float)
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
    const layout = { ...this.layout, step: this.step }
    const pieces: { start: number; end: number; text: string; order: number }[] = [
      ...[...this.splices.values()].map((s) => ({
        ...s,
        text: s.render ? s.render() : s.text,
        order: 0
      })),
      ...[...this.inserts.values()].map((ins) => ({
        start: ins.point.offset,
        end: ins.point.offset,
        text: ins.items
          ? renderItemsInsert(
              ins.point,
              ins.items,
              { ...layout, itemOffset: (ins.point as { itemOffset?: number }).itemOffset ?? 2 },
              eol
            )
          : renderInsert(ins.point, ins.pairs, layout, eol),
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
    verifyEdit(this.file, pieces, out, rootInserts || this.structural)
    return out
  }
}
