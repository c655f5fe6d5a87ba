import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

// docs/promotion.md shows the workflows of examples/promotion/ in full. The doc's copy and the
// file must be the same text (the file's leading comment lines aside, which say where to copy
// it), so an edit to either one that forgets the other fails here.
const root = new URL('../', import.meta.url)
const doc = readFileSync(new URL('docs/promotion.md', root), 'utf8')

/** The fenced ```yaml blocks of a Markdown text, each without its fences. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
}

/** A workflow file as the doc shows it: without the comment lines it opens with. */
function withoutHeader(text: string): string {
  return text.replace(/^(?:#[^\n]*\n)+/, '')
}

/** The doc's blocks that are whole workflows (they have `jobs:`), by their `name:`. */
function workflowsInDoc(): Map<string, string> {
  const found = new Map<string, string>()
  for (const block of yamlBlocks(doc)) {
    const parsed: unknown = parse(block)
    if (typeof parsed !== 'object' || parsed === null || !('jobs' in parsed)) continue
    const name = (parsed as { name?: unknown }).name
    if (typeof name !== 'string') throw new Error(`a workflow in the doc without a name:\n${block}`)
    expect(found.has(name)).toBe(false)
    found.set(name, block)
  }
  return found
}

describe('docs/promotion.md', () => {
  const shown = workflowsInDoc()

  it.each(['release.yml', 'promote-prod.yml'])('shows examples/promotion/%s as it is', (file) => {
    const text = readFileSync(new URL(`examples/promotion/${file}`, root), 'utf8')
    const { name } = parse(text) as { name: string }
    const block = shown.get(name)
    expect(block).toBeDefined()
    expect(block).toBe(withoutHeader(text))
    expect(parse(block ?? '')).toEqual(parse(text))
  })

  it('shows no workflow that is not an example file', () => {
    const names = ['release.yml', 'promote-prod.yml'].map(
      (file) =>
        (
          parse(readFileSync(new URL(`examples/promotion/${file}`, root), 'utf8')) as {
            name: string
          }
        ).name
    )
    expect([...shown.keys()].sort()).toEqual(names.sort())
  })
})
