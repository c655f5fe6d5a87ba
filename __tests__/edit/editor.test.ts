import { describe, expect, it } from '@jest/globals'
import { parse, parseAllDocuments } from 'yaml'
import { EditError } from '../../src/lib/errors.js'
import { editFile, image, run } from './helpers.js'

describe('empty values are filled in place', () => {
  it.each([
    ['tag:\n', 'tag: v1.2.3\n', 'tag: "2682590"\n'],
    ['tag: # keep me\n', 'tag: v1.2.3 # keep me\n', 'tag: "2682590" # keep me\n'],
    ['tag:    # wide\n', 'tag:    v1.2.3 # wide\n', 'tag:    "2682590" # wide\n'],
    ['tag: ""\n', 'tag: "v1.2.3"\n', 'tag: "2682590"\n'],
    ["tag: ''\n", "tag: 'v1.2.3'\n", "tag: '2682590'\n"],
    ['tag: null\n', 'tag: v1.2.3\n', 'tag: "2682590"\n'],
    ['tag: ~\n', 'tag: v1.2.3\n', 'tag: "2682590"\n'],
    ['tag: ~ # c\n', 'tag: v1.2.3 # c\n', 'tag: "2682590" # c\n'],
    ['tag:', 'tag: v1.2.3', 'tag: "2682590"'],
    [
      'x:\n  tag:\n  pull: Always\n',
      'x:\n  tag: v1.2.3\n  pull: Always\n',
      'x:\n  tag: "2682590"\n  pull: Always\n'
    ]
  ])('%p', async (before, withVersion, withSha) => {
    const path = before.startsWith('x:') ? 'x.tag' : 'tag'
    expect(await editFile(before, { [path]: 'v1.2.3' })).toBe(withVersion)
    expect(await editFile(before, { [path]: '2682590' })).toBe(withSha)
  })
})

describe('replaced values keep their quote style', () => {
  it.each([
    ['tag: v1', 'v2', 'tag: v2'],
    ['tag: v1', '2682590', 'tag: "2682590"'],
    ['tag: v1', '1276e23', 'tag: "1276e23"'],
    ['tag: v1', 'on', 'tag: "on"'],
    ['tag: "v1"', 'v2', 'tag: "v2"'],
    ["tag: 'v1'", 'v2', "tag: 'v2'"],
    ["tag: '1276e23'", '2682590', "tag: '2682590'"],
    ["tag: 'v1'", "it's", "tag: 'it''s'"],
    ['tag: "1.5"', '1.10', 'tag: "1.10"'],
    ['tag: 1.5', '1.10', 'tag: "1.10"'],
    ['tag: 5', 'v5', 'tag: v5'],
    ['tag: &t v1', 'v2', 'tag: &t v2'],
    ['tag: !!str v1', 'v2', 'tag: !!str v2'],
    ['tag: v1 # {"$imagepolicy": "ns:p:tag"}', 'v2', 'tag: v2 # {"$imagepolicy": "ns:p:tag"}'],
    ['tag: v1\t# tab comment', 'v2', 'tag: v2\t# tab comment'],
    ['image: {repository: x, tag: v1}', '2682590', 'image: {repository: x, tag: "2682590"}'],
    ['image: {repository: x, tag: v1}', 'a,b', 'image: {repository: x, tag: "a,b"}'],
    ['tags: [v1, v2]', 'v3', 'tags: [v3, v2]']
  ])('%p set to %p', async (before, value, expected) => {
    const path = before.startsWith('image')
      ? 'image.tag'
      : before.startsWith('tags')
        ? 'tags[0]'
        : 'tag'
    expect(await editFile(`${before}\n`, { [path]: value })).toBe(`${expected}\n`)
  })

  it('changes every alias of an anchored value with it', async () => {
    const before = 'a: &v v1\nb: *v\n'
    const after = await editFile(before, { a: 'v2' })
    expect(after).toBe('a: &v v2\nb: *v\n')
    expect(parse(after)).toEqual({ a: 'v2', b: 'v2' })
  })
})

describe('typed values', () => {
  it.each([
    ['n: "3"', 4, 'n: 4'],
    ['n: 3', 4, 'n: 4'],
    ["b: 'x'", true, 'b: true'],
    ['b: ""', null, 'b: null'],
    ['b:', false, 'b: false'],
    ['b: # c', 1.5, 'b: 1.5 # c']
  ])('%p set to %p', async (before, value, expected) => {
    const path = before.slice(0, 1)
    expect(await editFile(`${before}\n`, { [path]: value })).toBe(`${expected}\n`)
  })

  it('takes the types from a YAML changes input as well as JSON', async () => {
    const { after } = await run(
      { 'f.yaml': 'a: x\nb: x\nc: x\nd: x\n' },
      { changes: 'f.yaml:\n  a: 5\n  b: "5"\n  c: true\n  d: "{tag}-{short-sha}-{sha}"\n' }
    )
    expect(after('f.yaml')).toBe(
      'a: 5\nb: "5"\nc: true\nd: 2682590-2682590-2682590aabbccddeeff00112233445566778899a\n'
    )
  })
})

describe('bytes outside the values stay as they were', () => {
  it('keeps CRLF line endings', async () => {
    const before = 'a:\r\n  tag: v1   # c\r\n  b: 1\r\n'
    expect(await editFile(before, { 'a.tag': 'v2' })).toBe('a:\r\n  tag: v2   # c\r\n  b: 1\r\n')
    expect(await editFile(before, { 'a.new': 'v2' }, { createMissing: true })).toBe(
      'a:\r\n  tag: v1   # c\r\n  b: 1\r\n  new: v2\r\n'
    )
  })

  it('keeps a byte-order mark', async () => {
    expect(await editFile('\uFEFFtag: v1\n', { tag: 'v2' })).toBe('\uFEFFtag: v2\n')
  })

  it('keeps a missing final newline, also when creating a key', async () => {
    expect(await editFile('a:\n  tag: v1', { 'a.tag': 'v2' })).toBe('a:\n  tag: v2')
    expect(await editFile('a:\n  b: 1', { 'a.tag': 'v2' }, { createMissing: true })).toBe(
      'a:\n  b: 1\n  tag: v2'
    )
  })

  it('keeps trailing spaces at the end of a file', async () => {
    expect(await editFile('a:\n  b: 1\n  ', { 'a.tag': 'v2' }, { createMissing: true })).toBe(
      'a:\n  b: 1\n  tag: v2\n  '
    )
  })

  it('keeps blank lines, comments at any column and odd spacing', async () => {
    const before = 'a:   # c1\n\n\n# col0\n  tag:    v1     # c2\n    # deep\nb: [ x,y ]\n'
    expect(await editFile(before, { 'a.tag': 'v2' })).toBe(before.replace('v1', 'v2'))
  })
})

describe('paths', () => {
  const doc = 'containers:\n  - name: app\n    image: app:v1\n  - name: side\n    image: side:v1\n'

  it('selects sequence items by field', async () => {
    expect(await editFile(doc, { 'containers[name=side].image': 'side:v2' })).toBe(
      doc.replace('side:v1', 'side:v2')
    )
  })

  it('indexes sequences, also with the legacy a.0.b form', async () => {
    expect(await editFile(doc, { 'containers[0].image': 'app:v2' })).toBe(
      doc.replace('app:v1', 'app:v2')
    )
    expect(await editFile(doc, { 'containers.1.image': 'side:v2' })).toBe(
      doc.replace('side:v1', 'side:v2')
    )
  })

  it('reaches keys with dots', async () => {
    const before = 'labels:\n  app.kubernetes.io/version: "1"\n'
    expect(await editFile(before, { 'labels["app.kubernetes.io/version"]': '2' })).toBe(
      'labels:\n  app.kubernetes.io/version: "2"\n'
    )
  })

  it('applies a [*] path in every document where it resolves', async () => {
    const before = 'a:\n  tag: v1\n---\nb: 1\n---\na:\n  tag: v0 # c\n'
    const after = await editFile(before, { '[*].a.tag': 'v2' })
    expect(after).toBe('a:\n  tag: v2\n---\nb: 1\n---\na:\n  tag: v2 # c\n')
    expect(parseAllDocuments(after).map((d) => d.toJS() as unknown)).toEqual([
      { a: { tag: 'v2' } },
      { b: 1 },
      { a: { tag: 'v2' } }
    ])
  })

  it('refuses a path without [N] that resolves in several documents, naming them', async () => {
    const before = 'a:\n  tag: v1\n---\nb: 1\n---\na:\n  tag: v0 # c\n'
    await expect(editFile(before, { 'a.tag': 'v2' })).rejects.toThrow(
      "f.yaml: path a.tag (changes) resolves in 2 of the file's 3 documents: [0] (line 2), [2] (line 7). " +
        'Say which document: [0].a.tag or [2].a.tag, or [*].a.tag to change it in every document where it resolves.'
    )
  })

  it('applies a path without [N] in the one document where it resolves', async () => {
    const before = 'a:\n  tag: v1\n---\nb: 1\n'
    expect(await editFile(before, { b: 2 })).toBe('a:\n  tag: v1\n---\nb: 2\n')
  })

  it('selects document N with a leading [N] (and $[N])', async () => {
    const before = 'a:\n  tag: v1\n---\na:\n  tag: v1\n'
    expect(await editFile(before, { '[1].a.tag': 'v2' })).toBe(
      'a:\n  tag: v1\n---\na:\n  tag: v2\n'
    )
    expect(await editFile(before, { '$[0].a.tag': 'v2' })).toBe(
      'a:\n  tag: v2\n---\na:\n  tag: v1\n'
    )
    await expect(editFile(before, { '[2].a.tag': 'v2' })).rejects.toThrow(
      'f.yaml: path [2].a.tag (changes) selects document [2], but the file has 2 documents ([0] to [1]).'
    )
  })

  it('refuses to guess the document to create a key in', async () => {
    const before = 'a:\n  tag: v1\n---\na:\n  tag: v1\n'
    await expect(editFile(before, { 'a.digest': 'x' }, { createMissing: true })).rejects.toThrow(
      /could be created in 2 of the file's 2 documents: \[0\] \(line 2\), \[1\] \(line 5\)\. Say which document: \[0\]\.a\.digest or \[1\]\.a\.digest\./
    )
    expect(await editFile(before, { '[1].a.digest': 'x' }, { createMissing: true })).toBe(
      'a:\n  tag: v1\n---\na:\n  tag: v1\n  digest: x\n'
    )
  })

  it('applies the same rule to tag-path in a multi-document values file', async () => {
    const files = { 'helm/values.yaml': 'api:\n  tag: v1\n---\napi:\n  tag: v1\n' }
    await expect(run(files, { images: [image('api')] })).rejects.toThrow(
      /path api\.tag \(tag-path\) resolves in 2 of the file's 2 documents.*\[0\]\.api\.tag or \[1\]\.api\.tag, or \[\*\]\.api\.tag/
    )
    const every = await run(files, { images: [image('api')], tagPath: '[*].{name}.tag' })
    expect(every.after('helm/values.yaml')).toBe(
      'api:\n  tag: "2682590"\n---\napi:\n  tag: "2682590"\n'
    )
    const second = await run(files, { images: [image('api')], tagPath: '[1].{name}.tag' })
    expect(second.after('helm/values.yaml')).toBe('api:\n  tag: v1\n---\napi:\n  tag: "2682590"\n')
  })

  it('never guesses where to create, not even for [*]', async () => {
    const before = 'a:\n  tag: v1\n---\na:\n  tag: v1\n'
    await expect(
      editFile(before, { '[*].a.digest': 'x' }, { createMissing: true })
    ).rejects.toThrow(/could be created in 2 of the file's 2 documents/)
  })

  it('says how to pick a list item when a path names a key of a list', async () => {
    await expect(editFile('c:\n  - name: a\n', { 'c.name': 'b' })).rejects.toThrow(
      /c is a sequence \(line 2\), not a map with the key 'name'; pick an item first: c\[0\]\.name or c\[name=…\]\.name/
    )
  })

  it('says that [N] selects a document only in a multi-document file', async () => {
    await expect(editFile('a:\n  tag: v1\n', { '[0].a.tag': 'v2' })).rejects.toThrow(
      /a leading \[0\] selects a document only in a file with several documents, and this one has one: write a\.tag/
    )
  })

  it('requires a path to resolve in at least one document', async () => {
    await expect(editFile('a: 1\n---\nb: 2\n', { 'c.tag': 'v2' })).rejects.toThrow(
      /f\.yaml:1: path c\.tag \(changes\) does not resolve: key 'c' not found/
    )
  })
})

describe('create-missing', () => {
  it('creates a key at the indentation of its siblings, after the last one', async () => {
    const before = 'image:\n    repository: x\n    # tag: v0\n    pullPolicy: Always\n\nnext: 1\n'
    expect(await editFile(before, { 'image.tag': 'v1' }, { createMissing: true })).toBe(
      'image:\n    repository: x\n    # tag: v0\n    pullPolicy: Always\n    tag: v1\n\nnext: 1\n'
    )
  })

  it('creates missing parent maps with the indentation step of the file', async () => {
    const before = 'a:\n    b: 1\n'
    expect(await editFile(before, { 'x.image.tag': '2682590' }, { createMissing: true })).toBe(
      'a:\n    b: 1\nx:\n    image:\n        tag: "2682590"\n'
    )
  })

  it('groups keys created under the same new map', async () => {
    const after = await editFile(
      'a: 1\n',
      { 'x.image.tag': 'v1', 'x.image.repository': 'r', 'x.name': 'web' },
      { createMissing: true }
    )
    expect(after).toBe('a: 1\nx:\n  image:\n    tag: v1\n    repository: r\n  name: web\n')
  })

  it('turns an empty value into a map', async () => {
    expect(
      await editFile(
        'frontend: # none yet\nb: 1\n',
        { 'frontend.tag': 'v1' },
        { createMissing: true }
      )
    ).toBe('frontend: # none yet\n  tag: v1\nb: 1\n')
  })

  it('adds to flow maps', async () => {
    expect(await editFile('a: {}\n', { 'a.tag': 'v1' }, { createMissing: true })).toBe(
      'a: {tag: v1}\n'
    )
    expect(await editFile('a: {x: 1}\n', { 'a.tag': 'a,b' }, { createMissing: true })).toBe(
      'a: {x: 1, tag: "a,b"}\n'
    )
  })

  it('does not create without create-missing, and says how', async () => {
    await expect(editFile('image:\n  repository: x\n', { 'image.tag': 'v1' })).rejects.toThrow(
      "f.yaml:2: path image.tag (changes) does not resolve: key 'tag' not found in image (line 2). Set create-missing: true to create it."
    )
  })

  it('cannot create through a sequence index', async () => {
    await expect(
      editFile('a: [1]\n', { 'a[3].tag': 'v1' }, { createMissing: true })
    ).rejects.toThrow(/index 3 is out of range/)
  })
})

describe('several edits of one file', () => {
  it('refuses two different values for the same node', async () => {
    const error = await editFile('tag: v1\n', { tag: 'v2', '["tag"]': 'v3' }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(EditError)
    expect((error as EditError).message).toMatch(/conflicting edits: tag sets "v2" and \["tag"\]/)
    expect((error as EditError).location).toMatchObject({ file: 'f.yaml', line: 1 })
  })

  it('accepts the same value twice', async () => {
    expect(await editFile('tag: v1\n', { tag: 'v2', '["tag"]': 'v2' })).toBe('tag: v2\n')
  })

  it('is a no-op when the value is already there, and says so', async () => {
    const before = "a:\n  tag: '2682590' # c\n"
    const { edits, log } = await run(
      { 'f.yaml': before },
      { changes: JSON.stringify({ 'f.yaml': { 'a.tag': '2682590' } }) }
    )
    expect(edits).toEqual([{ path: 'f.yaml', before, after: before, places: [] }])
    expect(log).toContain('info: f.yaml: already up to date')
  })
})
