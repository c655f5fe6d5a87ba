import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

// The README's input table and action.yml must name the same inputs: a user reads one, the runner
// reads the other.
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')

function actionInputs(): string[] {
  const action = parse(read('action.yml')) as { inputs?: Record<string, unknown> }
  return Object.keys(action.inputs ?? {})
}

/** Names in the first cell of each table row of the README's inputs section (`` | `name` | ``). */
function readmeInputs(readme: string): string[] {
  const section = /<!-- section:inputs -->([\s\S]*?)<!-- \/section:inputs -->/.exec(readme)?.[1]
  if (section === undefined) throw new Error('README.md has no <!-- section:inputs --> section')
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!))
}

describe('README input table', () => {
  it.each([
    ['one name', '| `images` | (none) | x |', ['images']],
    ['two names in one cell', '| `username`, `password` | (none) | x |', ['username', 'password']],
    ['a code span in a later cell', '| `tag` | first 7 of `GITHUB_SHA` | x |', ['tag']],
    ['a header or separator row', '| input | default |\n|---|---|', []]
  ])('reads %s', (_name, rows, names) => {
    expect(readmeInputs(`<!-- section:inputs -->\n${rows}\n<!-- /section:inputs -->`)).toEqual(
      names
    )
  })

  const documented = readmeInputs(read('README.md'))

  it('lists every input of action.yml', () => {
    const missing = actionInputs().filter((name) => !documented.includes(name))
    expect(missing).toEqual([])
  })

  it('lists no input that action.yml lacks, and none twice', () => {
    const inputs = actionInputs()
    expect(documented.filter((name) => !inputs.includes(name))).toEqual([])
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([])
  })
})
