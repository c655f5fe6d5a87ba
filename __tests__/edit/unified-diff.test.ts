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

const diffOne = (path: string, before: string, after: string): string =>
  unifiedDiff([{ path, before, after }])

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `l${i + 1}\n`).join('')

describe('unifiedDiff hunks', () => {
  it('is empty for equal content', () => {
    expect(diffOne('a', 'x\n', 'x\n')).toBe('')
  })

  it.each([
    [
      'one changed line with context',
      lines(10),
      lines(10).replace('l5\n', 'L5\n'),
      '--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n'
    ],
    [
      'two far-apart changes make two hunks',
      lines(20),
      lines(20).replace('l2\n', 'L2\n').replace('l18\n', 'L18\n'),
      '--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n'
    ],
    [
      'insertion and deletion',
      'a\nb\nc\n',
      'a\nc\nd\n',
      '--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n'
    ],
    [
      'missing final newline',
      'a: 1',
      'a: 2',
      '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n\\ No newline at end of file\n'
    ],
    ['new file', '', 'x\n', '--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n']
  ])('%s', (_name, before, after, expected) => {
    expect(diffOne('f', before, after)).toBe(expected)
  })

  it('agrees with git diff on a reshuffled file', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n'
    const after = 'a\nc\nb\nd\nx\nf\ng\ny\n'
    const diff = diffOne('f', before, after)
    // applying the hunk lines gives back both sides
    const body = diff.split('\n').slice(3, -1)
    expect(
      body
        .filter((l) => !l.startsWith('+'))
        .map((l) => l.slice(1))
        .join('\n') + '\n'
    ).toBe(before)
    expect(
      body
        .filter((l) => !l.startsWith('-'))
        .map((l) => l.slice(1))
        .join('\n') + '\n'
    ).toBe(after)
  })
})
