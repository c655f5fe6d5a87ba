import { describe, expect, it } from '@jest/globals'
import { unifiedDiff } from '../../src/edit/unified-diff.js'

/** Applies a unified diff of one file to `before` (test oracle for random cases). */
function applyPatch(before: string, patch: string): string {
  const lines = before.split(/(?<=\n)/).filter((l) => l !== '')
  const out: string[] = []
  let at = 0
  const body = patch.split('\n').slice(2)
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line)
    if (hunk) {
      const start = Number(hunk[1]) - (hunk[2] === '0' ? 0 : 1)
      while (at < start) out.push(lines[at++]!)
      continue
    }
    if (line === '' && i === body.length - 1) break
    const noNewline = body[i + 1] === '\\ No newline at end of file'
    const text = line.slice(1) + (noNewline ? '' : '\n')
    if (line.startsWith(' ')) {
      expect(lines[at]).toBe(text)
      out.push(lines[at++]!)
    } else if (line.startsWith('-')) {
      expect(lines[at++]).toBe(text)
    } else if (line.startsWith('+')) out.push(text)
    if (noNewline) i++
  }
  while (at < lines.length) out.push(lines[at++]!)
  return out.join('')
}

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff([{ path: 'a.yaml', before: 'x\n', after: 'x\n' }])).toBe('')
  })

  it('writes git-style headers, hunks and 3 lines of context', () => {
    const before = Array.from({ length: 20 }, (_v, i) => `l${i + 1}\n`).join('')
    const after = before.replace('l5\n', 'L5\n').replace('l16\n', 'L16\nnew\n')
    expect(unifiedDiff([{ path: 'helm/values.yaml', before, after }])).toBe(
      [
        '--- a/helm/values.yaml',
        '+++ b/helm/values.yaml',
        '@@ -2,7 +2,7 @@',
        ' l2',
        ' l3',
        ' l4',
        '-l5',
        '+L5',
        ' l6',
        ' l7',
        ' l8',
        '@@ -13,7 +13,8 @@',
        ' l13',
        ' l14',
        ' l15',
        '-l16',
        '+L16',
        '+new',
        ' l17',
        ' l18',
        ' l19',
        ''
      ].join('\n')
    )
  })

  it('merges close changes into one hunk and marks a missing final newline', () => {
    const diff = unifiedDiff([
      { path: 'a', before: 'a\nb\nc\nd\n', after: 'A\nb\nC\nd' },
      { path: 'new', before: '', after: 'x\n' }
    ])
    expect(diff).toBe(
      '--- a/a\n+++ b/a\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n-c\n-d\n+C\n+d\n\\ No newline at end of file\n' +
        '--- a/new\n+++ b/new\n@@ -0,0 +1 @@\n+x\n'
    )
  })

  it('produces patches that turn before into after (random texts)', () => {
    let seed = 7
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    for (let run = 0; run < 200; run++) {
      const before = Array.from(
        { length: Math.floor(random() * 30) },
        () => `${Math.floor(random() * 5)}\n`
      )
      const after = before.flatMap((line) => {
        const r = random()
        if (r < 0.1) return []
        if (r < 0.2) return [line, `n${Math.floor(random() * 5)}\n`]
        if (r < 0.3) return [`c${line}`]
        return [line]
      })
      const a = before.join('')
      const b = after.join('') + (random() < 0.2 ? 'tail' : '')
      const patch = unifiedDiff([{ path: 'f', before: a, after: b }])
      expect(patch === '' ? a : applyPatch(a, patch)).toBe(b)
    }
  })
})
