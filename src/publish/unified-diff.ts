type Op = readonly ['=' | '-' | '+', string]

function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  else lines.push(`${lines.pop() ?? ''}\n\\ No newline at end of file`)
  return lines
}

// Myers' O(ND) shortest edit script over the lines between the common prefix and suffix.
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = false
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
  }
  const ops: Op[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0; d--) {
    const prev = trace[d] ?? v
    const k = x - y
    const down = k === -d || (k !== d && (prev[offset + k - 1] ?? 0) < (prev[offset + k + 1] ?? 0))
    const prevK = down ? k + 1 : k - 1
    const prevX = d === 0 ? 0 : (prev[offset + prevK] ?? 0)
    const prevY = d === 0 ? 0 : prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      ops.push(['=', a[x] ?? ''])
    }
    if (d > 0) {
      if (down) ops.push(['+', b[--y] ?? ''])
      else ops.push(['-', a[--x] ?? ''])
    }
  }
  return ops.reverse()
}

/** A unified diff (`git diff` style, 3 lines of context) of one file; empty when equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return ''
  const a = splitLines(before)
  const b = splitLines(after)
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++
  const ops: Op[] = [
    ...a.slice(0, prefix).map((line): Op => ['=', line]),
    ...editScript(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map((line): Op => ['=', line])
  ]
  const out = [`--- a/${path}`, `+++ b/${path}`]
  let i = 0
  while (i < ops.length) {
    while (i < ops.length && ops[i]?.[0] === '=') i++
    if (i >= ops.length) break
    const start = Math.max(0, i - context)
    let end = i
    // extend the hunk while the next change is within 2*context equal lines
    for (;;) {
      while (end < ops.length && ops[end]?.[0] !== '=') end++
      let eq = end
      while (eq < ops.length && ops[eq]?.[0] === '=') eq++
      if (eq < ops.length && eq - end <= 2 * context) end = eq
      else {
        end = Math.min(ops.length, end + context)
        break
      }
    }
    let oldLine = 1
    let newLine = 1
    for (const [kind] of ops.slice(0, start)) {
      if (kind !== '+') oldLine++
      if (kind !== '-') newLine++
    }
    const hunk = ops.slice(start, end)
    const oldCount = hunk.filter(([kind]) => kind !== '+').length
    const newCount = hunk.filter(([kind]) => kind !== '-').length
    const range = (line: number, count: number): string =>
      `${count === 0 ? line - 1 : line}${count === 1 ? '' : `,${count}`}`
    out.push(`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`)
    for (const [kind, line] of hunk) out.push(`${kind === '=' ? ' ' : kind}${line}`)
    i = end
  }
  return `${out.join('\n')}\n`
}
