import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  formatMarkdown,
  markers,
  renderInputs,
  renderOutputs,
  replaceBlock
} from '../scripts/lib/docs-tables.js'

// docs/inputs.md and docs/outputs.md carry tables generated from action.yml: a user reads the
// docs, the runner reads action.yml, and the two must name the same inputs, defaults and outputs.
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

const rerun = 'run `npm run docs:inputs` and commit the result'

describe('renderInputs', () => {
  it.each([
    [
      'a default',
      'a: {description: x, default: docs}',
      '| <a id="input-a"></a>`a` | no | `docs` | x |'
    ],
    ['no default', 'a: {description: x}', '| <a id="input-a"></a>`a` | no | (none) | x |'],
    [
      'an empty default',
      "a: {description: x, default: ''}",
      '| <a id="input-a"></a>`a` | no | (empty) | x |'
    ],
    [
      'required',
      'a: {description: x, required: true}',
      '| <a id="input-a"></a>`a` | yes | (none) | x |'
    ],
    [
      'an expression default',
      "a: {description: x, default: '${{ github.token }}'}",
      '| <a id="input-a"></a>`a` | no | `${{ github.token }}` | x |'
    ],
    [
      'a pipe and newlines',
      'a: {description: "p | q\\n  r"}',
      '| <a id="input-a"></a>`a` | no | (none) | p \\| q r |'
    ],
    [
      'a backtick in the default',
      'a: {description: x, default: "a`b"}',
      '| <a id="input-a"></a>`a` | no | ``a`b`` | x |'
    ]
  ])('renders %s', (_name, yaml, row) => {
    const table = renderInputs(`inputs:\n  ${yaml}\n`).split('\n')
    expect(table.slice(2)).toEqual([row])
  })

  it('keeps the order of action.yml', () => {
    const table = renderInputs('inputs:\n  z: {description: x}\n  a: {description: y}\n')
    expect(
      table
        .split('\n')
        .slice(2)
        .map((row) => /`(\w+)`/.exec(row)?.[1])
    ).toEqual(['z', 'a'])
  })
})

describe('renderOutputs', () => {
  it('renders one row per output', () => {
    expect(renderOutputs('outputs:\n  tag: {description: The tag.}\n').split('\n')).toEqual([
      '| output | description |',
      '| --- | --- |',
      '| <a id="output-tag"></a>`tag` | The tag. |'
    ])
  })
})

describe('replaceBlock', () => {
  const { start, end } = markers('inputs')

  it('replaces only the text between the markers', () => {
    const doc = `# T\n${start}\nold\n${end}\ntail\n`
    expect(replaceBlock(doc, 'inputs', 'new')).toBe(`# T\n${start}\n\nnew\n\n${end}\ntail\n`)
  })

  it('names the missing markers', () => {
    expect(() => replaceBlock('# T\n', 'inputs', 'new')).toThrow(start)
    expect(() => replaceBlock(`${end}\n${start}\n`, 'inputs', 'new')).toThrow('out of order')
  })
})

describe('the reference docs', () => {
  const actionYml = read('action.yml')

  it('docs/inputs.md holds the inputs table of action.yml', async () => {
    const doc = read('docs/inputs.md')
    const block = (await formatMarkdown(renderInputs(actionYml))).trimEnd()
    const fresh = replaceBlock(doc, 'inputs', block)
    if (fresh !== doc) throw new Error(`docs/inputs.md is out of date with action.yml: ${rerun}`)
    expect(fresh).toBe(doc)
  })

  it('docs/outputs.md holds the outputs table of action.yml', async () => {
    const doc = read('docs/outputs.md')
    const block = (await formatMarkdown(renderOutputs(actionYml))).trimEnd()
    const fresh = replaceBlock(doc, 'outputs', block)
    if (fresh !== doc) throw new Error(`docs/outputs.md is out of date with action.yml: ${rerun}`)
    expect(fresh).toBe(doc)
  })

  // The hand-written detail tables must not talk about inputs or outputs that no longer exist.
  it.each([
    ['docs/inputs.md', 'inputs'],
    ['docs/outputs.md', 'outputs']
  ] as const)('%s details name only %s of action.yml', (file, kind) => {
    const action = parse(actionYml) as Record<string, Record<string, unknown> | undefined>
    const names = Object.keys(action[kind] ?? {})
    const { end } = markers(kind)
    const details = read(file).split(end)[1] ?? ''
    const named = details
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!))
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((name) => !names.includes(name))).toEqual([])
  })

  it('README.md links to both references', () => {
    const targets = [...read('README.md').matchAll(/\]\(([^)#\s]+)/g)].map((m) => m[1])
    expect(targets).toEqual(expect.arrayContaining(['docs/inputs.md', 'docs/outputs.md']))
  })
})
