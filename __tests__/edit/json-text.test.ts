import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EditError } from '../../src/lib/errors.js'
import { isJsonFile, jsonScalar, jsonString } from '../../src/edit/json-text.js'
import { parse } from 'yaml'
import { repoRoot, run } from './helpers.js'

// yaml-update-action's own values.json (MIT, see __tests__/fixtures/yaml-update-action/SOURCE.md).
const PEER_JSON = readFileSync(
  join(repoRoot, '__tests__/fixtures/yaml-update-action/values.json'),
  'utf8'
)

describe('JSON text of a value', () => {
  it.each([
    ['two', '"two"'],
    ['0X1F', '"0X1F"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ['tab\there\nnew', '"tab\\there\\nnew"'],
    ['\u2028\u0085\u007f\ufeff', '"\\u2028\\u0085\\u007f\\ufeff"'],
    ['😀', '"😀"']
  ])('the string %j is %s, read back the same by JSON and YAML', (value, text) => {
    expect(jsonString(value)).toBe(text)
    expect(JSON.parse(text)).toBe(value)
    expect(parse(text, { version: '1.1' })).toBe(value)
    expect(parse(text)).toBe(value)
  })

  it.each<[string | number | boolean | null, boolean, string]>([
    [1, false, '1'],
    [2, true, '2.0'],
    [-0, false, '-0'],
    [1e21, false, '1.0e+21'],
    [true, false, 'true'],
    [null, false, 'null']
  ])('%j is the JSON literal %s', (value, float, text) => {
    expect(jsonScalar(value, float)).toBe(text)
    expect(JSON.parse(text)).toBe(value)
  })

  it.each([
    ['values.json', 'a: 1', true],
    ['VALUES.JSON', '', true],
    ['values', '{"a": 1}', true],
    ['values.yaml', '\ufeff  [1, 2]', true],
    ['values.yaml', '{a: 1}', false],
    ['values.yaml', 'a: 1', false]
  ])('%s holding %j is edited as JSON: %s', (path, text, json) => {
    expect(isJsonFile(path, text)).toBe(json)
  })
})

describe('a JSON file is edited as JSON', () => {
  const edit = async (
    text: string,
    changes: Record<string, unknown>,
    createMissing = false,
    path = 'values.json'
  ): Promise<string> => {
    const { after } = await run(
      { [path]: text },
      { changes: JSON.stringify({ [path]: changes }), createMissing }
    )
    return after(path)
  }

  it('a number replaced by a string is written in double quotes', async () => {
    const out = await edit('{"replicas": 1}', { replicas: 'two' })
    expect(out).toBe('{"replicas": "two"}')
    expect(JSON.parse(out)).toEqual({ replicas: 'two' })
  })

  it.each<[string, string, Record<string, unknown>, boolean, unknown]>([
    ['a boolean by a string', '{"on": true}', { on: 'enabled' }, false, { on: 'enabled' }],
    ['a number by a Go number string', '{"t": 1}', { t: '0X1F' }, false, { t: '0X1F' }],
    ['null by a string', '{"t": null}', { t: 'x y' }, false, { t: 'x y' }],
    [
      'a list by a list',
      '{"l": [1]}',
      { l: [2, 'x', { k: null }] },
      false,
      { l: [2, 'x', { k: null }] }
    ],
    ['a map by a map', '{"m": {"a": 1}}', { m: { b: 'c' } }, false, { m: { b: 'c' } }],
    ['an appended string', '{"l": ["a"]}', { 'l[-]': 'b c' }, false, { l: ['a', 'b c'] }],
    ['a created key', '{"m": {"a": 1}}', { 'm.b': 'x' }, true, { m: { a: 1, b: 'x' } }],
    ['created keys in an empty map', '{"m": {}}', { 'm.b.c': 'x' }, true, { m: { b: { c: 'x' } } }],
    ['a created root key', '{"a": 1}', { b: 'x' }, true, { a: 1, b: 'x' }]
  ])('%s stays JSON', async (_name, text, changes, createMissing, data) => {
    const out = await edit(text, changes, createMissing)
    expect(JSON.parse(out)).toEqual(data)
  })

  it('a JSON file without the .json name is edited as JSON too', async () => {
    const out = await edit('{"replicas": 1}\n', { replicas: 'two' }, false, 'values')
    expect(JSON.parse(out)).toEqual({ replicas: 'two' })
  })

  it("yaml-update-action's values.json: only the values change, and it stays JSON", async () => {
    const out = await edit(
      PEER_JSON,
      {
        'backend.version': 'v2.0.0',
        'frontend.version': 'v1.1.0',
        'containers[1].image': 'node:alpine',
        'containers[0].name': 1
      },
      true
    )
    expect(out).toBe(
      PEER_JSON.replace('"v1.2.0"', '"v2.0.0"')
        .replace('"frontend": {}', '"frontend": {"version": "v1.1.0"}')
        .replace('"node:latest"', '"node:alpine"')
        .replace('"name": "nginx"', '"name": 1')
    )
    const data = JSON.parse(out) as { backend: unknown; frontend: unknown; containers: unknown[] }
    expect(data.backend).toEqual({ version: 'v2.0.0' })
    expect(data.frontend).toEqual({ version: 'v1.1.0' })
    expect(data.containers).toEqual([
      { name: 1, image: 'nginx:latest' },
      { name: 'node', image: 'node:alpine' }
    ])
  })

  it('refuses .inf in a JSON file, naming the file and path', async () => {
    await expect(edit('{"a": 1}', { a: '!!float .inf' })).rejects.toThrow(EditError)
    await expect(edit('{"a": 1}', { a: '!!float .inf' })).rejects.toThrow(
      /^values\.json: path a \(changes\) sets \.inf, which JSON cannot write/
    )
  })
})
