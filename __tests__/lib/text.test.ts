import { describe, expect, it } from '@jest/globals'
import {
  isCommitSha,
  lineAt,
  markdownCell,
  renderTemplate,
  shortSha,
  splitList,
  suffix
} from '../../src/lib/text.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

describe('text helpers', () => {
  it.each([
    [SHA, '0123456'],
    ['abc', 'abc'],
    ['', '']
  ])('shortSha(%j)', (sha, expected) => {
    expect(shortSha(sha)).toBe(expected)
  })

  it.each([
    [SHA, true],
    [SHA.toUpperCase(), true],
    [`${SHA}${SHA.slice(0, 24)}`, true],
    [SHA.slice(0, 39), false],
    [`${SHA}0`, false],
    [`${SHA.slice(0, 39)}g`, false],
    ['v1.2.3', false],
    ['', false]
  ])('isCommitSha(%j)', (text, expected) => {
    expect(isCommitSha(text)).toBe(expected)
  })

  it.each([
    ['a\n  b', 10, 'a b'],
    ['abcdefghij', 10, 'abcdefghij'],
    ['abcdefghijk', 10, 'abcdefg...']
  ])('suffix(%j, %d) folds and shortens to %j', (text, max, expected) => {
    expect(suffix(text, max)).toBe(`: ${expected}`)
  })

  it('suffix is empty for empty text and one line otherwise', () => {
    expect(suffix('  ')).toBe('')
    expect(suffix('no\nway')).toBe(': no way')
  })

  it.each([
    ['a\n\n# c\n b \r\nc', {}, ['a', 'b', 'c']],
    ['a,b\nc', {}, ['a,b', 'c']],
    ['a, b,,\nc', { commas: true }, ['a', 'b', 'c']],
    ['', { commas: true }, []]
  ])('splitList(%j, %j)', (text, options, expected) => {
    expect(splitList(text, options)).toEqual(expected)
  })

  it.each([
    ['a\nb\nc', 0, 1],
    ['a\nb\nc', 2, 2],
    ['a\r\nb\r\nc', 6, 3],
    ['a\rb', 2, 2]
  ])('lineAt(%j, %d)', (text, offset, expected) => {
    expect(lineAt(text, offset)).toBe(expected)
  })

  it('renders every placeholder and leaves other braces', () => {
    expect(
      renderTemplate('{names} {tag} {sha} {short-sha} {other}', {
        names: 'a, b',
        tag: 't',
        sha: SHA
      })
    ).toBe(`a, b t ${SHA} 0123456 {other}`)
  })

  it('escapes markdown table cells', () => {
    expect(markdownCell('a|b <x> `c`\nd')).toBe('a\\|b &lt;x&gt; \\`c\\` d')
  })
})
