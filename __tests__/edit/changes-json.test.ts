import { describe, expect, it } from '@jest/globals'
import { parseChanges } from '../../src/edit/changes.js'

const VARS = { tag: 'v9', sha: 'b'.repeat(40), shortSha: 'bbbbbbb' }

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
