import { describe, expect, it } from '@jest/globals'
import { unifiedDiff as diffEdits } from '../../src/edit/unified-diff.js'

const unifiedDiff = (path: string, before: string, after: string): string =>
  diffEdits([{ path, before, after }])

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `l${i + 1}\n`).join('')

describe('unifiedDiff hunks', () => {
  it('is empty for equal content', () => {
    expect(unifiedDiff('a', 'x\n', 'x\n')).toBe('')
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
    expect(unifiedDiff('f', before, after)).toBe(expected)
  })

  it('agrees with git diff on a reshuffled file', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n'
    const after = 'a\nc\nb\nd\nx\nf\ng\ny\n'
    const diff = unifiedDiff('f', before, after)
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
