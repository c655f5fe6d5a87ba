import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

// The repository's own workflows pin every action by full commit SHA with its version in a
// comment, as docs/security.md asks of users: a tag can be moved, a commit cannot.
const folder = new URL('../.github/workflows/', import.meta.url)

/** Every `uses:` of a workflow's steps and jobs (reusable workflows), in order. */
function usesOf(workflow: string): string[] {
  const doc = parse(workflow) as {
    jobs?: Record<string, { uses?: string; steps?: { uses?: string }[] }>
  }
  return Object.values(doc.jobs ?? {}).flatMap((job) => [
    ...(job.uses === undefined ? [] : [job.uses]),
    ...(job.steps ?? []).flatMap((step) => (step.uses === undefined ? [] : [step.uses]))
  ])
}

/** Why `uses` is not pinned, or undefined when it is (a local `./` action needs no pin). */
function unpinned(uses: string, line: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return undefined
  if (!/@[0-9a-f]{40}$/.test(uses)) return `${uses} is not pinned to a full commit SHA`
  if (!/#\s*v\d+(\.\d+)*/.test(line)) return `${uses} has no "# vX.Y.Z" comment`
  return undefined
}

describe('unpinned', () => {
  const sha = '3d3c42e5aac5ba805825da76410c181273ba90b1'
  it.each([
    [`actions/checkout@${sha}`, `uses: actions/checkout@${sha} # v7.0.1`, ''],
    ['actions/checkout@v7', 'uses: actions/checkout@v7', 'not pinned'],
    [`actions/checkout@${sha}`, `uses: actions/checkout@${sha}`, 'no "# vX.Y.Z" comment'],
    ['./', 'uses: ./', '']
  ])('%s', (uses, line, expected) => {
    // '' stands for "pinned": no problem reported.
    expect(unpinned(uses, line) ?? '').toContain(expected)
    expect(unpinned(uses, line) === undefined).toBe(expected === '')
  })
})

describe('.github/workflows', () => {
  const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name))

  it.each(files)('%s pins every action by commit SHA', (name) => {
    const text = readFileSync(new URL(name, folder), 'utf8')
    const lines = text.split('\n')
    const problems = usesOf(text).flatMap((uses) => {
      const line = lines.find((l) => l.includes(`uses: ${uses}`)) ?? ''
      const problem = unpinned(uses, line)
      return problem === undefined ? [] : [`${name}: ${problem}`]
    })
    expect(problems).toEqual([])
  })
})
