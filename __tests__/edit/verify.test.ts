import { describe, expect, it } from '@jest/globals'
import { InternalError } from '../../src/lib/errors.js'
import { verifyEdit } from '../../src/edit/verify.js'
import { parseYamlFile } from '../../src/edit/yaml-file.js'

// The engine mutates the parsed nodes with the intended values, then checks the spliced text
// against them. These cases hand verifyEdit a text that does not match, as a buggy splice would.
describe('verifyEdit', () => {
  const file = (text: string) => parseYamlFile('v.yaml', text, 'values-file')

  it('accepts a text that holds exactly the intended data', () => {
    const f = file('a:\n  tag: v1\nb: 1\n')
    ;(f.docs[0]!.getIn(['a', 'tag'], true) as { value: unknown }).value = 'v2'
    expect(() => {
      verifyEdit(f, [{ start: 12, end: 14, text: 'v2' }], 'a:\n  tag: v2\nb: 1\n', false)
    }).not.toThrow()
  })

  it.each([
    ['another value changed too', 'a:\n  tag: v2\nb: 2\n', /b in document 1 differs/],
    ['the value has the wrong type', 'a:\n  tag: 2\nb: 1\n', /a\.tag in document 1 differs/],
    ['the text no longer parses', 'a:\n  tag: "v2\nb: 1\n', /would not parse/],
    ['a document was added', 'a:\n  tag: v2\nb: 1\n---\nc: 1\n', /number of documents from 1 to 2/]
  ])('throws InternalError when %s', (_name, out, message) => {
    const f = file('a:\n  tag: v1\nb: 1\n')
    ;(f.docs[0]!.getIn(['a', 'tag'], true) as { value: unknown }).value = 'v2'
    const error = (() => {
      try {
        verifyEdit(f, [{ start: 12, end: 14, text: 'v2' }], out, false)
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(InternalError)
    expect((error as InternalError).message).toMatch(message)
    expect((error as InternalError).message).toContain('nothing was written')
  })

  it('throws InternalError when a JSON file would hold the same data but no longer be JSON', () => {
    const f = parseYamlFile('v.json', '{"a": 1}', 'values-file')
    ;(f.docs[0]!.getIn(['a'], true) as { value: unknown }).value = 'two'
    // `two` plain reads as the intended string in YAML, but it is not JSON.
    expect(() => {
      verifyEdit(f, [{ start: 6, end: 7, text: 'two' }], '{"a": two}', false)
    }).toThrow(/the edit of v\.json would not be valid JSON; nothing was written/)
    expect(() => {
      verifyEdit(f, [{ start: 6, end: 7, text: '"two"' }], '{"a": "two"}', false)
    }).not.toThrow()
  })

  it('does not hold a .json file that was not JSON before to JSON', () => {
    const f = parseYamlFile('v.json', 'a: 1\n', 'values-file')
    ;(f.docs[0]!.getIn(['a'], true) as { value: unknown }).value = 'two'
    expect(() => {
      verifyEdit(f, [{ start: 3, end: 4, text: '"two"' }], 'a: "two"\n', false)
    }).not.toThrow()
  })

  it('checks the whole file when an edit changes a sibling entry (fast path cannot hide it)', () => {
    const f = file('a:\n  tag: v1\n  x: 1\nb: 1\n')
    ;(f.docs[0]!.getIn(['a', 'tag'], true) as { value: unknown }).value = 'v2'
    expect(() => {
      verifyEdit(f, [{ start: 12, end: 14, text: 'v2' }], 'a:\n  tag: v2\n  x: 2\nb: 1\n', false)
    }).toThrow(InternalError)
  })

  // With anchors the fast path steps aside and the whole file is compared, aliases by name.
  it.each([
    [
      'an alias names another anchor',
      's: &s {tag: v2}\nt: &t {tag: v1}\nu: *t\n',
      /u in document 1/
    ],
    [
      'an anchor was renamed',
      's: &r {tag: v2}\nt: &t {tag: v1}\nu: *s\n',
      /document root|s in document 1/
    ],
    [
      'an alias became a copy',
      's: &s {tag: v2}\nt: &t {tag: v1}\nu: {tag: v2}\n',
      /u in document 1/
    ]
  ])('throws InternalError when %s', (_name, out, message) => {
    const f = file('s: &s {tag: v1}\nt: &t {tag: v1}\nu: *s\n')
    ;(f.docs[0]!.getIn(['s', 'tag'], true) as { value: unknown }).value = 'v2'
    expect(() => {
      verifyEdit(f, [{ start: 12, end: 14, text: 'v2' }], out, false)
    }).toThrow(message)
  })

  it('accepts aliases that still name the same anchors', () => {
    const f = file('s: &s {tag: v1}\nu: [*s, *s]\n')
    ;(f.docs[0]!.getIn(['s', 'tag'], true) as { value: unknown }).value = 'v2'
    expect(() => {
      verifyEdit(f, [{ start: 12, end: 14, text: 'v2' }], 's: &s {tag: v2}\nu: [*s, *s]\n', false)
    }).not.toThrow()
  })
})
