import { describe, expect, it } from '@jest/globals'
import { parseAllDocuments } from 'yaml'
import { editFile } from './helpers.js'

// Appending list items and writing map or list values: inserted in the layout of the
// surrounding block (indentation, `-` column, block or flow), nothing else of the file changes.

type Row = [string, string, Record<string, unknown>, boolean, string]

describe('appending to a list', () => {
  it.each<Row>([
    [
      'a map item in a block list indented under its key',
      'c:\n  - name: a\n    image: x\nnext: 1\n',
      { 'c[-]': { name: 'b', image: 'z' } },
      false,
      'c:\n  - name: a\n    image: x\n  - name: b\n    image: z\nnext: 1\n'
    ],
    [
      'a map item in a list at its key column, no final newline',
      'a:\n- x\n- y',
      { 'a[-]': { k: 'v', l: [1] } },
      false,
      'a:\n- x\n- y\n- k: v\n  l:\n  - 1'
    ],
    [
      'the wider item indentation of the list',
      'a:\n  -   name: x\n      image: y\n',
      { 'a[-]': { name: 'z', image: 'w' } },
      false,
      'a:\n  -   name: x\n      image: y\n  -   name: z\n      image: w\n'
    ],
    [
      'after a trailing comment on the last item, before a comment line, CRLF kept',
      'a:\r\n  - x # c\r\n  # tail\r\nb: 1\r\n',
      { 'a[-]': 'z' },
      false,
      'a:\r\n  - x # c\r\n  - z\r\n  # tail\r\nb: 1\r\n'
    ],
    ['a flow list', 'a: [x, y] # c\n', { 'a[-]': { k: 'v' } }, false, 'a: [x, y, {k: v}] # c\n'],
    [
      'an empty flow list, quoting a YAML 1.1 boolean',
      'a: []\n',
      { 'a[-]': 'on' },
      false,
      'a: ["on"]\n'
    ],
    ['the root list', '- a\n- b\n', { '[-]': 'c' }, false, '- a\n- b\n- c\n'],
    ['JSONPath [(@.length)]', 'a:\n  - 1\n', { 'a[(@.length)]': 2 }, false, 'a:\n  - 1\n  - 2\n'],
    [
      'an index equal to the length, with create-missing',
      'a:\n  - x\n',
      { 'a[1]': 'y' },
      true,
      'a:\n  - x\n  - "y"\n'
    ],
    [
      'nothing when an equal item is already there (a re-run)',
      'a:\n  - x\n  - y\n',
      { 'a[-]': 'x' },
      false,
      'a:\n  - x\n  - y\n'
    ]
  ])('%s', async (_name, before, changes, createMissing, expected) => {
    const after = await editFile(before, changes, { createMissing })
    expect(after).toBe(expected)
  })
})

describe('map and list values', () => {
  it.each<Row>([
    [
      'replace a block map whole, keeping what follows',
      'a:\n  b: 1\n  c: 2\n# about d\nd: 3\n',
      { a: { e: [], f: { g: 'x' } } },
      false,
      'a:\n  e: []\n  f:\n    g: x\n# about d\nd: 3\n'
    ],
    [
      'replace a block list whole, at its column',
      'c:\n  - a\n  - b\nd: 1\n',
      { c: [{ name: 'web', ports: [80] }] },
      false,
      'c:\n  - name: web\n    ports:\n      - 80\nd: 1\n'
    ],
    [
      'replace a flow map with flow text',
      'a: {b: 1}\n',
      { a: { e: 'x y', f: [1, 2] } },
      false,
      'a: {e: x y, f: [1, 2]}\n'
    ],
    [
      'nothing when the list holds the same data written another way',
      'c:\n  - name: "web" # main\n    port: 0x50\n',
      { c: [{ name: 'web', port: 80 }] },
      false,
      'c:\n  - name: "web" # main\n    port: 0x50\n'
    ],
    [
      'nothing when the map is already equal',
      'a:\n  b: 1\n',
      { a: { b: 1 } },
      false,
      'a:\n  b: 1\n'
    ],
    [
      'create a key whose value is a map, lists laid out like the file’s',
      'a:\n  b:\n  - 1\n',
      { 'c.d': { e: [{ f: 1 }] } },
      true,
      'a:\n  b:\n  - 1\nc:\n  d:\n    e:\n    - f: 1\n'
    ],
    [
      'a map under an empty key, before the next key and keeping the comment',
      'a:\n  b: # fill me\n  c: 1\n',
      { 'a.b': { d: 'x', e: [1] } },
      false,
      'a:\n  b: # fill me\n    d: x\n    e:\n      - 1\n  c: 1\n'
    ],
    [
      'a list under an empty key at the end of a file without a final newline',
      'a:\n- 1\nb:',
      { b: [{ k: 'v' }] },
      false,
      'a:\n- 1\nb:\n- k: v'
    ],
    ['an empty map under an empty key', 'a:\nb: 1\n', { a: {} }, false, 'a: {}\nb: 1\n'],
    [
      'a !!float inside a created map stays a float',
      'a: 1\n',
      { b: { c: '!!float 2' } },
      true,
      'a: 1\nb:\n  c: 2.0\n'
    ],
    [
      'a key created inside a map another path wrote whole',
      'a:\n  b: 1\n',
      { a: { c: 2 }, 'a.d': 3 },
      true,
      'a:\n  c: 2\n  d: 3\n'
    ],
    [
      'create a key in an empty flow map',
      'frontend: {}\n',
      { 'frontend.version': 'v2' },
      true,
      'frontend: {version: v2}\n'
    ]
  ])('%s', async (_name, before, changes, createMissing, expected) => {
    const after = await editFile(before, changes, { createMissing })
    expect(after).toBe(expected)
    expect(parseAllDocuments(after).every((d) => d.errors.length === 0)).toBe(true)
  })

  it.each<[string, string, Record<string, unknown>, RegExp]>([
    [
      'a map value on a scalar',
      'a:\n  v: 1\n',
      { 'a.v': { x: 1 } },
      /path a\.v \(changes\) points to a scalar \(line 2\), and the value is a map; a map or list value replaces only a map or list.*Set its fields one by one \(a\.v\.KEY: VALUE\)/
    ],
    [
      'a map value on a null',
      'a: null\n',
      { a: { e: 1 } },
      /path a \(changes\) points to an empty value \(line 1\), and the value is a map/
    ],
    [
      'a list value on a map',
      'a:\n  b: 1\n',
      { a: [1] },
      /path a \(changes\) points to a map \(line 2\), and the value is a list; a map is replaced only by a map/
    ],
    [
      'a scalar value on a map',
      'a:\n  b: 1\n',
      { a: 'x' },
      /path a \(changes\) points to a map \(line 2\), not to a scalar value.*Name a key inside it, e.g\. a\.tag, or give a map as the value to replace it whole/
    ],
    [
      'an anchored map',
      'a: &x\n  b: 1\nc: *x\n',
      { a: { e: 1 } },
      /path a \(changes\) points to the anchored map &x \(line 2\); replacing it would change or break its aliases/
    ],
    [
      'a value inside a map another path replaces',
      'a:\n  b: 1\n',
      { a: { b: 2 }, 'a.b': 3 },
      /conflicting edits: a sets 2 and a\.b \(changes\) sets 3 on the same value/
    ],
    [
      'a map replaced after a value inside it was set',
      'a:\n  b: 1\n',
      { 'a.b': 3, a: { b: 2 } },
      /f\.yaml:2: conflicting edits: a\.b changes a value inside a, which a \(changes\) replaces whole\. Put that value into the new map instead\./
    ],
    [
      'an index past the end',
      'a:\n  - x\n',
      { 'a[1]': 'y' },
      /path a\[1\] \(changes\) does not resolve: index 1 is out of range: the sequence a \(line 2\) has 1 items \(to add an item, write a\[-\] or set create-missing: true\)/
    ],
    [
      '[-] on a map',
      'a:\n  b: 1\n',
      { 'a[-]': 'y' },
      /path a\[-\] \(changes\) does not resolve: a is a map \(line 2\), not a sequence; \[-\] appends to a list only/
    ]
  ])('refuses %s, saying what to write', async (_name, before, changes, message) => {
    await expect(editFile(before, changes)).rejects.toThrow(message)
  })
})

describe('typed values', () => {
  it.each<[string, unknown, string]>([
    ['x: false', "!!bool 'true'", 'x: true'],
    ['x: "0"', "!!int '123456'", 'x: 123456'],
    ['x: 0', '!!float 1.5', 'x: 1.5'],
    ['x: 0', "!!float '1'", 'x: 1.0'],
    ['x: 1', '!!float 1', 'x: 1.0'],
    ['x: 1.0', '!!float 1', 'x: 1.0'],
    ['x: "1"', '!!float 1e21', 'x: 1.0e+21'],
    ["x: 'a'", '!!str 0123', "x: '0123'"],
    ['x: a', '!!str 0123', 'x: "0123"'],
    ['x: a', '!!str true', 'x: "true"'],
    ['x: a', '!!null', 'x: null'],
    ['x: a', "!!null ''", 'x: null'],
    ['x: a', "!!str '!!x'", 'x: "!!x"'],
    ['x: a', '!!str v{tag}', 'x: v2682590']
  ])('%p set to %p', async (before, value, expected) => {
    expect(await editFile(`${before}\n`, { x: value })).toBe(`${expected}\n`)
  })

  it.each<[string, RegExp]>([
    [
      '!!binary aGk=',
      /the value of x is "!!binary aGk=", which starts with !! but is not one of the tags !!str, !!int, !!float, !!bool, !!null/
    ],
    [
      "!!int 'abc'",
      /the value of x is "!!int 'abc'", which starts with !! but is not a valid int value/
    ],
    [
      '!!bool yes',
      /the value of x is "!!bool yes", which starts with !! but is not a valid bool value.*!!bool 'true'/
    ],
    ['!!timestamp 2001-12-14', /not one of the tags/]
  ])('refuses %p', async (value, message) => {
    await expect(editFile('x: a\n', { x: value })).rejects.toThrow(message)
  })

  it('takes tags written in a YAML changes input, and refuses other tags there', async () => {
    const { run } = await import('./helpers.js')
    const ok = await run(
      { 'f.yaml': 'a: x\nb: x\n' },
      { changes: "f.yaml:\n  a: !!int '7'\n  b: !!bool 'false'\n" }
    )
    expect(ok.after('f.yaml')).toBe('a: 7\nb: false\n')
    await expect(
      run({ 'f.yaml': 'a: x\n' }, { changes: 'f.yaml:\n  a: !foo bar\n' })
    ).rejects.toThrow(/the value of a \(line 2\) has the tag !foo, which is refused/)
  })
})
