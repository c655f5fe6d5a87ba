import { describe, expect, it } from '@jest/globals'
import { parseChanges } from '../../src/edit/changes.js'
import { FloatValue } from '../../src/edit/edit-value.js'
import { InputError } from '../../src/errors.js'

const VARS = { tag: 'v9', sha: 'a'.repeat(40), shortSha: 'aaaaaaa' }

describe('parseChanges values', () => {
  it.each<[string, string, unknown]>([
    ['a JSON string', '{"a": "x"}', 'x'],
    ['a {tag} in a string', '{"a": "img:{tag}"}', 'img:v9'],
    ['a typed string as their users write it', `{"a": "!!int '123456'"}`, 123456],
    ['a tag in the YAML', "a: !!bool 'true'", true],
    ['!!str keeps digits a string', 'a: !!str 0123', '0123'],
    ['!!float', `{"a": "!!float '2.5'"}`, new FloatValue(2.5)],
    ['!!float on a whole number', `{"a": "!!float '2'"}`, new FloatValue(2)],
    ['!!null', '{"a": "!!null"}', null],
    ['a list', '{"a": [1, "x"]}', [1, 'x']],
    ['a {tag} inside a list', '{"a": ["{tag}"]}', ['v9']]
  ])('%s', (_name, text, expected) => {
    expect(parseChanges(text, VARS).values[0]?.value).toEqual(expected)
  })

  it('reads a map inside a file entry as a map value, in order', () => {
    const set = parseChanges('{"f.yaml": {"c[-]": {"name": "db", "image": "pg:{tag}"}}}', VARS)
    const value = set.files[0]?.entries[0]?.value
    expect(value).toBeInstanceOf(Map)
    expect([...(value as Map<string, unknown>).entries()]).toEqual([
      ['name', 'db'],
      ['image', 'pg:v9']
    ])
  })

  it.each<[string, string, RegExp]>([
    [
      'a path-like key with a map value',
      '{"containers[2]": {"name": "x"}}',
      /changes: containers\[2\] \(line 1\) has a map as its value, which marks a file .* looks like a path\. To set a map value, name the file: \{values\.yaml: \{"containers\[2\]": \{…\}\}\}/
    ],
    [
      'a JSONPath key with a map value',
      '$.a:\n  b: 1\n',
      /changes: \$\.a \(line 2\) has a map as its value/
    ],
    ['an empty key', ': x\n', /changes: the key at line 1 is empty; every key must be a path/],
    [
      'an alias value',
      'a: &x 1\nb: *x\n',
      /the value of b \(line 2\) is the alias \*x; write the value itself/
    ],
    [
      'an unknown tag in the YAML',
      'a: !!binary aGk=\n',
      /the value of a \(line 1\) has the tag tag:yaml\.org,2002:binary, which is refused/
    ],
    [
      'a forbidden key inside a map value',
      '{"f.yaml": {"a": {"__proto__": 1}}}',
      /the value of a has the key '__proto__', which is refused/
    ]
  ])('refuses %s, saying what to write', (_name, text, message) => {
    let error: unknown
    try {
      parseChanges(text, VARS)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(message)
  })
})
