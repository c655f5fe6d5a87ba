/** Where a text nests deepest: the depth (maps and lists inside each other) and its 1-based line. */
interface Nesting {
  readonly depth: number
  readonly line: number
}

// A block scalar header (`key: |`, `- >-2`, with an optional comment): its content lines are text.
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/

/**
 * How deeply the YAML or JSON `text` nests, measured on the text alone so that it can be
 * checked before a parser (which recurses once per level) sees it: on every line, the
 * indentation levels open above it, its `- ` list markers and its open `[`/`{` brackets outside
 * quotes and comments. It may count a little more than the parser would (a bracket inside a
 * plain scalar), never less. Stops at the first line that nests deeper than `limit`.
 */
export function nestingDepth(text: string, limit = Infinity): Nesting {
  const indents: number[] = []
  let flow = 0
  let deepest: Nesting = { depth: 0, line: 1 }
  let blockScalarAt: number | undefined
  let quote: string | undefined
  const lines = text.split('\n')
  lines.every((line, index) => {
    const indent = line.length - line.trimStart().length
    const content = line.trim()
    if (blockScalarAt !== undefined) {
      if (content === '' || indent > blockScalarAt) return true
      blockScalarAt = undefined
    }
    if (quote === undefined && flow === 0) {
      if (content === '' || content.startsWith('#')) return true
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop()
      indents.push(indent)
    }
    const markers = quote === undefined && flow === 0 ? /^(?:-\s+)*/.exec(content)?.[0] : ''
    const block = indents.length + (markers?.replaceAll(/\s+/g, '').length ?? 0)
    let most = block + flow
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++
        else if (c === "'" && quote === "'" && line[i + 1] === "'") i++
        else if (c === quote) quote = undefined
        continue
      }
      if (c === '#' && (i === 0 || ' \t'.includes(line[i - 1] ?? ''))) break
      if (c === '"' || c === "'") {
        const before = line[i - 1]
        // A quote opens a quoted scalar only where a value starts, not inside `don't`.
        if (before === undefined || ' \t[{,:-?'.includes(before)) quote = c
      } else if (c === '[' || c === '{') {
        flow++
        most = Math.max(most, block + flow)
      } else if ((c === ']' || c === '}') && flow > 0) flow--
    }
    if (most > deepest.depth) deepest = { depth: most, line: index + 1 }
    if (quote === undefined && flow === 0 && BLOCK_SCALAR.test(line)) blockScalarAt = indent
    return deepest.depth <= limit
  })
  return deepest
}
