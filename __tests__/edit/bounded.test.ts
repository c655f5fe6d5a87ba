import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ActionError, EditError } from '../../src/lib/errors.js'
import { computeEdits } from '../../src/edit/compute-edits.js'
import { createMemorySource } from '../support/memory-source.js'
import { MAX_FILE_BYTES, readText } from '../../src/edit/read-text.js'
import type { EditRequest } from '../../src/edit/types.js'
import { createWorkspaceSource } from '../../src/edit/workspace-source.js'
import { hasGitSegment, normalizeRelativePath } from '../../src/edit/workspace-path.js'
import { writeEdits } from '../../src/edit/write-edits.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { request } from './helpers.js'

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gitops-release-bounded-'))
  await mkdir(join(root, 'helm'))
  await mkdir(join(root, '.git/hooks'), { recursive: true })
  await writeFile(join(root, '.git/hooks/x.yaml'), 'a: 1\n')
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const changes = (c: Record<string, unknown>): Partial<EditRequest> => ({
  changes: JSON.stringify(c)
})

/** Computes and writes as the action does with `commit: false`; returns the error, if any. */
async function edit(overrides: Partial<EditRequest>): Promise<unknown> {
  try {
    const edits = await computeEdits(
      createWorkspaceSource(root),
      request(overrides),
      createMemoryLogger()
    )
    await writeEdits(root, edits)
    return undefined
  } catch (error) {
    return error
  }
}

/** Seconds a call takes. */
async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return (performance.now() - start) / 1000
}

// Nine levels of ten aliases each: a8 stands for 10^9 scalars in 400-odd bytes.
const BOMB = Array.from({ length: 9 }, (_, level) =>
  level === 0
    ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
    : `a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`
).join('\n')

describe('alias bombs are refused quickly, never expanded', () => {
  it('a values file whose aliases nest nine levels deep', async () => {
    await writeFile(join(root, 'helm/values.yaml'), `${BOMB}\nbackend: {tag: &t old}\n`)
    let error: unknown
    const took = await seconds(async () => {
      error = await edit(changes({ 'backend.tag': 'new' }))
    })
    expect(took).toBeLessThan(3)
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(
      new RegExp(`^helm/values\\.yaml:6:\\d+: YAML aliases would expand to more than 1000000 nodes`)
    )
    expect((error as ActionError).location).toMatchObject({
      input: 'values-file',
      file: 'helm/values.yaml',
      line: 6
    })
    expect(await readFile(join(root, 'helm/values.yaml'), 'utf8')).toContain('tag: &t old')
  })

  it('a bomb in a second document, far from the edit', async () => {
    const text = `backend: {tag: old}\n---\n${BOMB}\n`
    expect(Buffer.byteLength(text)).toBeLessThan(600)
    await writeFile(join(root, 'helm/values.yaml'), text)
    let error: unknown
    const took = await seconds(async () => {
      error = await edit(changes({ 'backend.tag': 'new' }))
    })
    expect(took).toBeLessThan(3)
    expect((error as EditError).message).toMatch(
      /^helm\/values\.yaml:\d+:\d+: YAML aliases would expand to more than/
    )
  })

  it('aliases that stay under the limit still edit, byte-minimal', async () => {
    // Four levels: 10^4 nodes through aliases, well under the limit.
    const small = BOMB.split('\n').slice(0, 4).join('\n')
    await writeFile(join(root, 'helm/values.yaml'), `${small}\nbackend: {tag: old}\n`)
    expect(await edit(changes({ 'backend.tag': 'new' }))).toBeUndefined()
    expect(await readFile(join(root, 'helm/values.yaml'), 'utf8')).toBe(
      `${small}\nbackend: {tag: new}\n`
    )
  })
})

describe('aliases cost linear time', () => {
  it('a select path over a list of 20000 aliases', async () => {
    const text = `base: &b {name: x, tag: v1}\nlist:\n${'  - *b\n'.repeat(20_000)}  - {name: y, tag: v1}\n`
    const source = createMemorySource({ 'helm/values.yaml': text })
    let after = ''
    const took = await seconds(async () => {
      const edits = await computeEdits(
        source,
        request(changes({ 'list[name=y].tag': 'v2' })),
        createMemoryLogger()
      )
      after = edits[0]?.after ?? ''
    })
    // Resolving each alias by a scan of the whole document took minutes here.
    expect(took).toBeLessThan(10)
    expect(after).toBe(text.replace('{name: y, tag: v1}', '{name: y, tag: v2}'))
  }, 60_000)

  it('a select path that matches through an alias is still refused, naming the anchor', async () => {
    const source = createMemorySource({
      'helm/values.yaml': 'base: &b {name: x, tag: v1}\nlist:\n  - *b\n'
    })
    await expect(
      computeEdits(source, request(changes({ 'list[name=x].tag': 'v2' })), createMemoryLogger())
    ).rejects.toThrow(/goes through the alias \*b; .* &b \(line 1\) instead/)
  })
})

describe('big files', () => {
  it('a 2 MiB flat map edits in a few seconds', async () => {
    const lines: string[] = []
    let size = 0
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const line = `key${i}: value-${i}-padding-padding\n`
      lines.push(line)
      size += line.length
    }
    const text = lines.join('')
    const last = lines.length - 1
    const source = createMemorySource({ 'helm/values.yaml': text })
    let after = ''
    const took = await seconds(async () => {
      const edits = await computeEdits(
        source,
        request(changes({ key7: 'new', [`key${last}`]: 'new' })),
        createMemoryLogger()
      )
      after = edits[0]?.after ?? ''
    })
    expect(took).toBeLessThan(8)
    expect(after).toBe(
      text
        .replace('key7: value-7-padding-padding\n', 'key7: new\n')
        .replace(`key${last}: value-${last}-padding-padding\n`, `key${last}: new\n`)
    )
  }, 60_000)

  it('a duplicate key deep in a big map is still found, with its line', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `key${i}: v\n`)
    lines.push('key123: again\n')
    const source = createMemorySource({ 'helm/values.yaml': lines.join('') })
    await expect(
      computeEdits(source, request(changes({ key1: 'x' })), createMemoryLogger())
    ).rejects.toThrow(/^helm\/values\.yaml:50001:1: YAML does not parse: Map keys must be unique/)
  })

  it('a duplicate key in a flow map is found too', async () => {
    const source = createMemorySource({ 'helm/values.yaml': 'a: 1\nb: {x: 1, y: 2, x: 3}\n' })
    await expect(
      computeEdits(source, request(changes({ a: 2 })), createMemoryLogger())
    ).rejects.toThrow(/^helm\/values\.yaml:2:17: YAML does not parse: Map keys must be unique/)
  })

  it('keys that only look alike are not duplicates (1 and "1", .nan twice)', async () => {
    const text = '1: a\n"1": b\n.nan: c\n.nan: d\nother: e\n'
    const source = createMemorySource({ 'helm/values.yaml': text })
    const [edit] = await computeEdits(
      source,
      request(changes({ other: 'x' })),
      createMemoryLogger()
    )
    expect(edit?.after).toBe(text.replace('other: e', 'other: x'))
  })

  it('a file over 10 MiB is refused at once, unread', async () => {
    const path = join(root, 'helm/values.yaml')
    await writeFile(path, 'a: 1\n')
    // Sparse: the file is 11 MiB long, most of it a hole, so reading it would be visible in time.
    await truncate(path, 11 * 1024 * 1024)
    let error: unknown
    const took = await seconds(async () => {
      error = await edit(changes({ a: '2' }))
    })
    expect(took).toBeLessThan(1)
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toBe(
      `values-file: helm/values.yaml is ${11 * 1024 * 1024} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (10 MiB) for a file to edit; it is refused unread.`
    )
  })

  it('a source that cannot stat first is still held to the limit', async () => {
    const source = createMemorySource({ 'v.yaml': Buffer.alloc(MAX_FILE_BYTES + 1, 0x20) })
    await expect(
      computeEdits(
        source,
        request({ valuesFiles: ['v.yaml'], ...changes({ a: 1 }) }),
        createMemoryLogger()
      )
    ).rejects.toThrow(
      /^values-file: v\.yaml is 10485761 bytes, more than the limit of 10485760 bytes \(10 MiB\) for a file to edit; it is refused\.$/
    )
  })

  // The limit is written out here (not MAX_FILE_BYTES) so that changing it fails these tests.
  const TEN_MIB = 10 * 1024 * 1024

  it('the workspace takes a file of exactly 10 MiB and refuses one byte more, unread', async () => {
    const path = join(root, 'helm/values.yaml')
    await writeFile(path, 'a: 1\n')
    await truncate(path, TEN_MIB)
    const source = createWorkspaceSource(root)
    expect((await source.read('helm/values.yaml'))?.length).toBe(TEN_MIB)
    await truncate(path, TEN_MIB + 1)
    await expect(source.read('helm/values.yaml')).rejects.toThrow(
      `helm/values.yaml is ${TEN_MIB + 1} bytes, more than the limit of ${TEN_MIB} bytes (10 MiB) for a file to edit; it is refused unread.`
    )
  })

  it('readText takes exactly 10 MiB from a source that cannot stat, and refuses one byte more', async () => {
    const exact = createMemorySource({ 'v.yaml': Buffer.alloc(TEN_MIB, 0x20) })
    expect((await readText(exact, 'v.yaml', 'values-file'))?.length).toBe(TEN_MIB)
    const over = createMemorySource({ 'v.yaml': Buffer.alloc(TEN_MIB + 1, 0x20) })
    await expect(readText(over, 'v.yaml', 'values-file')).rejects.toThrow(
      `values-file: v.yaml is ${TEN_MIB + 1} bytes, more than the limit of ${TEN_MIB} bytes (10 MiB) for a file to edit; it is refused.`
    )
  })
})

describe('no file inside .git/ is ever edited', () => {
  it.each([
    ['.git/hooks/x.yaml'],
    ['./.git/hooks/x.yaml'],
    ['.GIT/hooks/x.yaml'],
    ['.Git./hooks/x.yaml'],
    ['sub/.git/config.yaml'],
    ['git~1/hooks/x.yaml']
  ])('a changes entry on %s', async (file) => {
    const error = await edit(changes({ [file]: { a: 2 } }))
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(
      /^changes: \S+ lies inside git's \.git folder; files there are never edited\.$/
    )
    expect((error as ActionError).location).toMatchObject({ input: 'changes' })
    expect(await readFile(join(root, '.git/hooks/x.yaml'), 'utf8')).toBe('a: 1\n')
  })

  it('whatever the source (a commit of the GitOps repository reads through another one)', async () => {
    const source = createMemorySource({ 'helm/values.yaml': 'a: 1\n' })
    await expect(
      computeEdits(
        source,
        request(changes({ '.git/hooks/x.yaml': { a: 2 } })),
        createMemoryLogger()
      )
    ).rejects.toThrow("changes: .git/hooks/x.yaml lies inside git's .git folder")
  })

  it('a values file given as a path into .git', async () => {
    const error = await edit({ valuesFiles: ['.git/hooks/x.yaml'], ...changes({ a: 2 }) })
    expect((error as EditError).message).toBe(
      "values-file: .git/hooks/x.yaml lies inside git's .git folder; files there are never edited."
    )
  })

  it('a symlink into .git, for an existing file and for a new one', async () => {
    await symlink(join(root, '.git/hooks/x.yaml'), join(root, 'helm/link.yaml'))
    await symlink(join(root, '.git/hooks'), join(root, 'hooks'))
    const viaFile = await edit(changes({ 'helm/link.yaml': { a: 2 } }))
    expect((viaFile as EditError).message).toBe(
      "changes: helm/link.yaml lies inside git's .git folder (through a symlink to .git/hooks/x.yaml); files there are never edited."
    )
    const viaFolder = await edit(changes({ 'hooks/new.yaml': { a: 2 } }))
    expect((viaFolder as EditError).message).toMatch(/^changes: hooks\/new\.yaml lies inside/)
    expect(await readFile(join(root, '.git/hooks/x.yaml'), 'utf8')).toBe('a: 1\n')
  })

  it('the writer refuses too, whatever edits it is handed', async () => {
    await expect(
      writeEdits(root, [{ path: '.git/hooks/x.yaml', before: 'a: 1\n', after: 'a: 2\n' }])
    ).rejects.toThrow(/\.git\/hooks\/x\.yaml lies inside git's \.git folder/)
    expect(await readFile(join(root, '.git/hooks/x.yaml'), 'utf8')).toBe('a: 1\n')
  })

  it('globs never match inside it', async () => {
    await writeFile(join(root, 'helm/deploy.yaml'), 'kind: Deployment\n')
    const files = await createWorkspaceSource(root).list()
    expect(files).toEqual(['helm/deploy.yaml'])
  })

  it.each<[string, boolean]>([
    ['.git', true],
    ['a/.GIT/b', true],
    ['a/.git ./b', true],
    ['GIT~1/x', true],
    ['.github/workflows/x.yaml', false],
    ['.gitignore', false],
    ['a/.gitkeep', false],
    ['git/x.yaml', false]
  ])('hasGitSegment(%j) is %j', (path, expected) => {
    expect(hasGitSegment(path)).toBe(expected)
  })

  it('normalizeRelativePath names the input', () => {
    expect(() => normalizeRelativePath('a/../.git/x', 'kustomization')).toThrow(
      "kustomization: .git/x lies inside git's .git folder; files there are never edited."
    )
  })
})
