import { describe, expect, it } from '@jest/globals'
import { parseChanges } from '../../src/edit/changes.js'
import { FloatValue } from '../../src/edit/edit-value.js'
import { InputError } from '../../src/lib/errors.js'

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
    ['a {tag} inside a list', '{"a": ["{tag}"]}', ['v9']],
    ['the largest exact integer', 'a: 9007199254740991', 9007199254740991],
    ['a whole !!float past 2^53', 'a: !!float 1e20', new FloatValue(1e20)],
    ['.inf written as such', 'a: .inf', Infinity],
    ['!!float .inf', `{"a": "!!float '-.inf'"}`, new FloatValue(-Infinity)],
    ['a key << as text in a path', '{"<<": "x"}', 'x']
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
      "a merge key '<<' inside a map value, naming the file and path",
      'f.yaml:\n  a:\n    <<: {injected: 1}\n    k: 2\n',
      /^changes: the value of a for f\.yaml \(line 3\) has the key '<<', which Helm's YAML reader takes as a merge key/
    ],
    [
      "a merge key '<<' in a map inside a list",
      '{"a": [{"<<": {"x": 1}}]}',
      /^changes: the value of a for the values files \(line 1\) has the key '<<'/
    ],
    [
      'an integer past 2^53',
      'a: 12345678901234567890\n',
      /^changes: the value of a \(line 1\) is 12345678901234567890, a whole number beyond ±\(2\^53 − 1\) that cannot be written exactly \(it would become 12345678901234567000\); it is refused/
    ],
    [
      'an integer past 2^53 in a JSON list',
      '{"a": [9007199254740993]}',
      /the value of a \(line 1\) is 9007199254740993, a whole number beyond/
    ],
    [
      'a typed string holding an integer past 2^53',
      `{"a": "!!int '12345678901234567890'"}`,
      /the value of a is !!int '12345678901234567890', a whole number beyond .*; it is refused\. To write it as text, give it as a string \('12345678901234567890' in YAML\)\.$/
    ],
    [
      'a !!float that overflows',
      'a: !!float 1e400\n',
      /^changes: the value of a \(line 1\) is 1e400, which is out of the range of a 64-bit float and would be written as \.inf; it is refused/
    ],
    [
      'a typed string holding a float that overflows',
      `{"a": "!!float '-1e400'"}`,
      /is !!float '-1e400', which is out of the range of a 64-bit float and would be written as -\.inf/
    ],
    ['an untagged float that overflows', '{"a": 1e999}', /is 1e999, which is out of the range/],
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

describe('parseChanges nesting', () => {
  const nested = (depth: number): string =>
    `{"values.yaml": {"a": ${'['.repeat(depth)}1${']'.repeat(depth)}}}`

  it.each([
    ['a JSON list 2000 deep', nested(2000), /line 1\)/],
    ['a JSON map 2000 deep', `{"a": ${'{"k": '.repeat(2000)}1${'}'.repeat(2000)}}`, /line 1\)/],
    [
      'a YAML block map 2000 deep',
      `f.yaml:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`,
      /line 101\)/
    ]
  ])('refuses %s with a clear error before parsing', (_name, text, line) => {
    let error: unknown
    try {
      parseChanges(text, VARS)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    const message = (error as Error).message
    expect(message).toMatch(
      /^changes: the input nests more than 100 levels of maps and lists inside each other \(at line \d+\); it is refused unparsed\.$/
    )
    expect(message).not.toMatch(/call stack/)
    expect(message).toMatch(line)
  })

  it('takes a value nested 95 deep', () => {
    const value = parseChanges(nested(95), VARS).files[0]?.entries[0]?.value
    let depth = 0
    for (let v: unknown = value; Array.isArray(v); v = (v as unknown[])[0]) depth++
    expect(depth).toBe(95)
  })
})

// A comment line first makes the same text YAML-only, so it takes the YAML reading.
const viaYaml = (text: string): unknown => parseChanges(`# yaml\n${text}`, VARS)
const outcome = (read: () => unknown): unknown => {
  try {
    return { ok: read() }
  } catch (error) {
    // Line numbers differ by the comment line; the rest of the refusal must match.
    return { refused: (error as Error).message.replace(/line \d+/g, 'line N') }
  }
}

describe('parseChanges reads JSON as the YAML reading does', () => {
  it.each<[string, string]>([
    ['flat strings', '{"image.tag": "1.2.3", "sidecar.image.tag": "{tag}"}'],
    ['no spaces', '{"a.b":"x","c":"{short-sha}-{sha}"}'],
    ['spread over lines', '{\n  "a": "x",\n  "b": "y"\n}\n'],
    ['escapes', '{"a": "q\\"uo\\\\te \\u00e9 \\/ \\n"}'],
    ['commas and braces inside strings', '{"a": "x,y}{[", "b": "]"}'],
    ['an empty object', '{}'],
    ['a typed string', `{"a": "!!int '42'"}`],
    ['a bracketed path', '{"spec.containers[name=web].image": "web:{tag}"}'],
    ['a repeated key, which YAML refuses', '{"a": "x", "a": "y"}'],
    ['a repeated key in a nested map', '{"f.yaml": {"a": "x", "a": "y"}}'],
    ['a number value', '{"a": 1.50}'],
    ['booleans and null', '{"a": true, "b": null}'],
    ['a file entry', '{"f.yaml": {"a": "x"}}'],
    ['a list value', '{"a": ["x", 1]}'],
    ['an empty key', '{"": "x"}'],
    ['a path that does not parse', '{"a..b": "x"}'],
    ['a refused typed string', `{"a": "!!int 'x'"}`],
    ['a tab between tokens', '{\t"a": "x"}']
  ])('%s', (_name, text) => {
    expect(outcome(() => parseChanges(text, VARS))).toEqual(outcome(() => viaYaml(text)))
  })

  it('keeps a repeated key a refusal naming its line', () => {
    expect(() => parseChanges('{"a": "x",\n "a": "y"}', VARS)).toThrow(/line 2/)
  })
})
