import { describe, expect, it } from '@jest/globals'
import { computeEdits } from '../../src/edit/compute-edits.js'
import { createMemorySource } from '../support/memory-source.js'
import type { EditRequest } from '../../src/edit/types.js'
import { ParseCache, parseYamlFile } from '../../src/edit/yaml-file.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { image, request } from './helpers.js'

const VALUES =
  'backend:\n  tag: v1\n  empty:\nshared: &s\n  tag: v1\nalias: *s\nlist:\n  - name: a\n    tag: v1\n'

/** A ParseCache that counts the parses it does not answer from memory. */
class CountingCache extends ParseCache {
  fresh = 0
  override parse(path: string, text: string, input: string) {
    const before = this.peek(path, text)
    if (!before) this.fresh++
    return super.parse(path, text, input)
  }
  private readonly seen = new Map<string, string>()
  private peek(path: string, text: string): boolean {
    const hit = this.seen.get(path) === text
    this.seen.set(path, text)
    return hit
  }
}

async function edit(
  files: Record<string, string>,
  overrides: Partial<EditRequest>,
  parses?: ParseCache
): Promise<string[]> {
  const edits = await computeEdits(
    createMemorySource(files),
    request(overrides),
    createMemoryLogger(),
    parses
  )
  return edits.map((e) => e.after)
}

describe('ParseCache', () => {
  it('returns the earlier parse for the same path and text, a new one when the text differs', () => {
    const cache = new ParseCache()
    const first = cache.parse('v.yaml', 'a: 1\n', 'values-file')
    expect(cache.parse('v.yaml', 'a: 1\n', 'values-file')).toBe(first)
    expect(cache.parse('v.yaml', 'a: 1\n', 'changes').docs).toBe(first.docs)
    expect(cache.parse('v.yaml', 'a: 1\n', 'changes').input).toBe('changes')
    expect(cache.parse('v.yaml', 'a: 2\n', 'values-file').docs).not.toBe(first.docs)
    expect(cache.parse('w.yaml', 'a: 1\n', 'values-file').docs).not.toBe(first.docs)
  })

  it('a preflight and an edit with different values share one parse and both come out right', async () => {
    const files = { 'helm/values.yaml': VALUES }
    const preflight: Partial<EditRequest> = {
      images: [image('backend', 'p1')],
      changes: JSON.stringify({
        'backend.empty.new.key': 'x',
        'shared.tag': 'p',
        'list[name=a].tag': 'p'
      }),
      createMissing: true
    }
    const real: Partial<EditRequest> = {
      images: [image('backend', 'r1')],
      changes: JSON.stringify({
        'backend.empty.other': 'y',
        'shared.tag': 'r',
        'backend.added': 'z'
      }),
      createMissing: true
    }
    const cache = new CountingCache()
    const first = await edit(files, preflight, cache)
    const second = await edit(files, real, cache)
    expect(cache.fresh).toBe(1)
    // Each equals what a run with a cache of its own produces: nothing leaked between them.
    expect(first).toEqual(await edit(files, preflight))
    expect(second).toEqual(await edit(files, real))
    expect(second[0]).toContain('tag: r1')
    expect(second[0]).not.toContain('new:')
    expect(second[0]).not.toMatch(/\bp1\b/)
  })

  it('a refused edit takes its changes back too', async () => {
    const files = { 'helm/values.yaml': VALUES }
    const cache = new ParseCache()
    // The first path applies, the second does not resolve: the run throws halfway.
    await expect(
      edit(
        files,
        { changes: JSON.stringify({ 'backend.tag': 'half', 'backend.nope': 'x' }) },
        cache
      )
    ).rejects.toThrow(/does not resolve/)
    const docs = cache.parse('helm/values.yaml', VALUES, 'values-file').docs
    expect(docs.map((d): unknown => d.toJS())).toEqual(
      parseYamlFile('helm/values.yaml', VALUES, 'values-file').docs.map((d): unknown => d.toJS())
    )
    expect(await edit(files, { changes: JSON.stringify({ 'backend.tag': 'v1' }) }, cache)).toEqual([
      VALUES
    ])
  })
})

// The preflight and the edit share one cache: structural edits (appends, whole maps and lists,
// a map under an empty key) must leave the cached nodes as they were, or the second run sees
// its own change and writes nothing.
describe('structural edits through a shared parse cache', () => {
  const FILES = { 'helm/values.yaml': 'backend:\n  hosts: [x]\n  args:\n    - a\n  extra:\n' }
  it.each([
    ['an append', 'backend.args[-]: b\n'],
    ['a whole list', 'backend.hosts: [a, b]\n'],
    ['a map under an empty key', 'backend.extra: {cpu: 1}\n'],
    ['all three', 'backend.args[-]: b\n  backend.hosts: [a, b]\n  backend.extra: {cpu: 1}\n']
  ])('%s gives the same result twice', async (_label, change) => {
    const req = request({ changes: `helm/values.yaml:\n  ${change}` })
    const parses = new ParseCache()
    const first = await computeEdits(createMemorySource(FILES), req, createMemoryLogger(), parses)
    const second = await computeEdits(createMemorySource(FILES), req, createMemoryLogger(), parses)
    expect(first[0]?.after).not.toBe(FILES['helm/values.yaml'])
    expect(second[0]?.after).toBe(first[0]?.after)
  })
})
