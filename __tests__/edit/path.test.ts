import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/lib/errors.js'
import { fillTemplate, formatPath, parsePath } from '../../src/edit/path.js'
import type { PathSegment } from '../../src/edit/path.js'

function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    return error as InputError
  }
  throw new Error('expected an error')
}

const key = (k: string): PathSegment => ({ kind: 'key', key: k })
const index = (i: number): PathSegment => ({ kind: 'index', index: i })
const select = (field: string, value: string): PathSegment => ({ kind: 'select', field, value })

describe('parsePath', () => {
  it.each<[string, PathSegment[]]>([
    ['tag', [key('tag')]],
    ['a.b.c', [key('a'), key('b'), key('c')]],
    ['backend.image.tag', [key('backend'), key('image'), key('tag')]],
    ['a[0]', [key('a'), index(0)]],
    ['a[12].b', [key('a'), index(12), key('b')]],
    ['a[0][1]', [key('a'), index(0), index(1)]],
    ['[0].a', [index(0), key('a')]],
    ['a["b.c"]', [key('a'), key('b.c')]],
    ["a['b.c']", [key('a'), key('b.c')]],
    ['a["b.c"].d', [key('a'), key('b.c'), key('d')]],
    ['a["say \\"hi\\""]', [key('a'), key('say "hi"')]],
    ["a['it''s']", [key('a'), key("it's")]],
    ['a["x[0]"]', [key('a'), key('x[0]')]],
    ['["app.kubernetes.io/name"]', [key('app.kubernetes.io/name')]],
    ['images[name=backend].newTag', [key('images'), select('name', 'backend'), key('newTag')]],
    [
      'images[name=quay.io/argoproj/argocd].newTag',
      [key('images'), select('name', 'quay.io/argoproj/argocd'), key('newTag')]
    ],
    ['c[name="a=b"]', [key('c'), select('name', 'a=b')]],
    ['c[name=]', [key('c'), select('name', '')]],
    ['{name}.tag', [key('{name}'), key('tag')]],
    ['a-b_c.d:e', [key('a-b_c'), key('d:e')]],
    ['0.1', [key('0'), key('1')]],
    // JSONPath as yaml-update-action users write it.
    ['$.backend.version', [key('backend'), key('version')]],
    ['$[0].a', [index(0), key('a')]],
    ['$foo.bar', [key('$foo'), key('bar')]],
    ["c[?(@.name=='node')].image", [key('c'), select('name', 'node'), key('image')]],
    ['c[?(@.name == "a\\"b")].image', [key('c'), select('name', 'a"b'), key('image')]],
    ['c[?(@.port===80)]', [key('c'), select('port', '80')]],
    ['c[(@.length)]', [key('c'), { kind: 'append' }]],
    ['c[-]', [key('c'), { kind: 'append' }]],
    ['[*].a', [{ kind: 'every' }, key('a')]]
  ])('%s', (text, expected) => {
    expect(parsePath(text, 'tag-path')).toEqual(expected)
  })

  it.each<[string, number, string]>([
    ['', 1, 'a key'],
    ['a..b', 3, 'a key'],
    ['.a', 1, 'a key'],
    ['a.', 3, 'a key'],
    ['a[', 3, 'an index'],
    ['a[0', 4, "a digit or ']'"],
    ['a[0x]', 4, "a digit or ']'"],
    ['a[]', 3, 'an index'],
    ['a["b', 5, 'a closing double quote'],
    ["a['b", 5, 'a closing single quote'],
    ['a["b"c]', 6, "']'"],
    ['a[0]b', 5, "'.', '[' or the end"],
    ['a]b', 2, "'.' or '['"],
    ['a[name]', 7, "'='"],
    ['a["\\n"]', 5, `'"' or '\\' after a backslash`]
  ])('refuses %p at position %d', (text, position, expected) => {
    const error = thrown(() => parsePath(text, 'tag-path'))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toContain(`tag-path: malformed path "${text}" at position ${position}`)
    expect(error.message).toContain(`expected ${expected}`)
    // The caret line points at the position under the echoed path.
    expect(error.message.split('\n')[2]).toBe(`  ${' '.repeat(position - 1)}^`)
    expect(error.location).toEqual({ input: 'tag-path', path: text })
  })

  it.each<[string, RegExp]>([
    ['$', /path "\$" is the whole document; name the key/],
    [
      'c[?(@.a>1)]',
      /only the JSONPath filter \[\?\(@\.FIELD=='VALUE'\)\] is understood.*\[FIELD=VALUE\]/
    ],
    ['a[*].b', /\[\*\] selects every document and is only allowed at the start/],
    ['c[-].x', /\[-\] \(append\) must end the path.*c\[-\]: \{name: x, image: y\}/]
  ])('refuses the unsupported %p with what to write instead', (text, expected) => {
    expect(() => parsePath(text, 'changes')).toThrow(expected)
  })

  it.each(['__proto__', 'a.constructor', 'a["prototype"]', 'a[__proto__=x]', 'x.__proto__.y'])(
    'refuses the forbidden key in %p',
    (text) => {
      expect(() => parsePath(text, 'changes')).toThrow(/refused: '__proto__', 'constructor'/)
    }
  )
})

describe('fillTemplate', () => {
  it('keeps a dotted image name as one key', () => {
    const segments = fillTemplate(parsePath('{name}.image.tag', 'tag-path'), 'my.app', 'tag-path')
    expect(segments).toEqual([key('my.app'), key('image'), key('tag')])
    expect(formatPath(segments)).toBe('["my.app"].image.tag')
  })

  it('refuses a name that makes a forbidden key', () => {
    expect(() =>
      fillTemplate(parsePath('{name}.tag', 'tag-path'), 'constructor', 'tag-path')
    ).toThrow(InputError)
  })
})

describe('formatPath', () => {
  it.each(['a.b', 'a[0].b', 'images[name=x].newTag', 'a["b.c"]'])('round-trips %s', (text) => {
    expect(formatPath(parsePath(text, 'x'))).toBe(text)
  })
})
