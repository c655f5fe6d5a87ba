import { describe, expect, it } from '@jest/globals'
import { nestingDepth } from '../../src/edit/nesting.js'

describe('nestingDepth', () => {
  it.each([
    ['a flat map', 'a: 1\nb: 2\n', 1, 1],
    ['a block map in a map', 'a:\n  b:\n    c: 1\n', 3, 3],
    ['back out after a deep part', 'a:\n  b:\n    c: 1\nd: 2\n', 3, 3],
    ['list markers on one line', 'a:\n  - - - x\n', 5, 2],
    ['flow brackets', 'a: [[{b: 1}]]\n', 4, 1],
    ['brackets inside quotes do not count', `a: "[[[["\nb: '{{{{'\n`, 1, 1],
    ['an escaped quote stays inside', 'a: "x\\" [[[["\n', 1, 1],
    ["a doubled '' stays inside", "a: 'it''s [[[['\n", 1, 1],
    ['brackets in a comment do not count', 'a: 1 # [[[[\n', 1, 1],
    ['a block scalar is text', 'a: |\n  x:\n    y:\n      z:\nb: 1\n', 1, 1],
    ['a flow list over several lines', 'a: [\n  [\n    1\n  ]\n]\n', 3, 2],
    ['JSON', '{"a": {"b": [1]}}', 4, 1]
  ])('%s', (_name, text, depth, line) => {
    expect(nestingDepth(text)).toEqual({ depth, line })
  })

  it('stops at the first line deeper than the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')
    expect(nestingDepth(text, 10)).toEqual({ depth: 11, line: 11 })
  })
})
