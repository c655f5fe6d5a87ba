import type { FileEdit } from './types.js'

const CONTEXT = 3
/** Beyond this many differences the middle is shown as one replacement (keeps memory bounded). */
const MAX_EDIT_DISTANCE = 2000

type Op = readonly [kind: ' ' | '-' | '+', line: string]

/** Lines with their terminator, so a last line without newline differs from one with it. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_EDIT_DISTANCE)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(a, b, trace, offset, d)
    }
  }
  return undefined
}

function backtrack(
  a: readonly string[],
  b: readonly string[],
  trace: readonly Int32Array[],
  offset: number,
  distance: number
): Op[] {
  const ops: Op[] = []
  let x = a.length
  let y = b.length
  for (let d = distance; d > 0; d--) {
    const v = trace[d] ?? new Int32Array()
    const k = x - y
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
    const prevK = down ? k + 1 : k - 1
    const prevX = v[offset + prevK] ?? 0
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      ops.push([' ', a[x] ?? ''])
    }
    if (down) ops.push(['+', b[--y] ?? ''])
    else ops.push(['-', a[--x] ?? ''])
  }
  while (x > 0 && y > 0) {
    x--
    y--
    ops.push([' ', a[x] ?? ''])
  }
  return ops.reverse()
}

function diffOps(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const middle: Op[] = myers(midA, midB) ?? [
    ...midA.map((line): Op => ['-', line]),
    ...midB.map((line): Op => ['+', line])
  ]
  return [
    ...a.slice(0, start).map((line): Op => [' ', line]),
    ...middle,
    ...a.slice(endA).map((line): Op => [' ', line])
  ]
}

function range(start: number, count: number): string {
  if (count === 1) return String(start + 1)
  return `${count === 0 ? start : start + 1},${count}`
}

function renderLine(kind: string, line: string): string {
  if (line.endsWith('\n')) return kind + line
  return `${kind}${line}\n\\ No newline at end of file\n`
}

function fileDiff(edit: FileEdit): string {
  const ops = diffOps(splitLines(edit.before), splitLines(edit.after))
  const changed = ops.flatMap((op, i) => (op[0] === ' ' ? [] : [i]))
  if (changed.length === 0) return ''
  let out = `--- a/${edit.path}\n+++ b/${edit.path}\n`
  let i = 0
  while (i < changed.length) {
    const first = changed[i] ?? 0
    let last = first
    while (i + 1 < changed.length && (changed[i + 1] ?? 0) - last <= 2 * CONTEXT + 1)
      last = changed[++i] ?? 0
    i++
    const from = Math.max(0, first - CONTEXT)
    const to = Math.min(ops.length, last + CONTEXT + 1)
    let aLine = 0
    let bLine = 0
    for (const op of ops.slice(0, from)) {
      if (op[0] !== '+') aLine++
      if (op[0] !== '-') bLine++
    }
    const hunk = ops.slice(from, to)
    const aCount = hunk.filter((op) => op[0] !== '+').length
    const bCount = hunk.filter((op) => op[0] !== '-').length
    out += `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`
    for (const [kind, line] of hunk) out += renderLine(kind, line)
  }
  return out
}

/** A git-style unified diff (`--- a/PATH`, `+++ b/PATH`, 3 lines of context) of every changed file. */
export function unifiedDiff(edits: readonly FileEdit[]): string {
  return edits.map(fileDiff).join('')
}
