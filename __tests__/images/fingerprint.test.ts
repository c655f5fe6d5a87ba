import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { contentId, fingerprint, type FingerprintInput } from '../../src/images/fingerprint.js'

const base: FingerprintInput = {
  entries: [
    { path: 'a.txt', type: 'file', mode: 0o644, id: '1'.repeat(64) },
    { path: 'src', type: 'dir', mode: 0o755, id: '' },
    { path: 'src/main.go', type: 'file', mode: 0o644, id: '2'.repeat(64) },
    { path: 'link', type: 'symlink', mode: 0o777, id: '3'.repeat(64) }
  ],
  dockerfile: '4'.repeat(64),
  buildArgs: ['A=1', 'B=2'],
  platforms: 'linux/amd64,linux/arm64'
}

/** `base` with its entry `index` changed by `change`. */
const changed = (index: number, change: Partial<FingerprintInput['entries'][number]>) => ({
  ...base,
  entries: base.entries.map((entry, i) => (i === index ? { ...entry, ...change } : entry))
})

describe('fingerprint', () => {
  it('is a sha256 digest', () => {
    expect(fingerprint(base)).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it.each<[string, FingerprintInput]>([
    ['entries in another order', { ...base, entries: [...base.entries].reverse() }],
    ['build args in another order', { ...base, buildArgs: ['B=2', 'A=1'] }],
    ['platforms in another order, spaced', { ...base, platforms: ' linux/arm64, linux/amd64' }],
    ['a platform repeated', { ...base, platforms: 'linux/amd64,linux/arm64,linux/amd64' }],
    ['file type bits in the mode', changed(0, { mode: 0o100644 })]
  ])('is the same for %s', (_title, input) => {
    expect(fingerprint(input)).toBe(fingerprint(base))
  })

  it.each<[string, FingerprintInput]>([
    ['a changed file', changed(0, { id: '9'.repeat(64) })],
    ['a file made executable', changed(0, { mode: 0o755 })],
    ['a file made private (644 → 600)', changed(0, { mode: 0o600 })],
    ['a folder made private', changed(1, { mode: 0o700 })],
    ['a setuid bit', changed(2, { mode: 0o4644 })],
    ['a symlink pointing elsewhere', changed(3, { id: '8'.repeat(64) })],
    ['a symlink replaced by the file it named', changed(3, { type: 'file' })],
    ['a renamed file', changed(0, { path: 'b.txt' })],
    [
      'an added empty folder',
      { ...base, entries: [...base.entries, { path: 'empty', type: 'dir', mode: 0o755, id: '' }] }
    ],
    ['a removed file', { ...base, entries: base.entries.slice(1) }],
    ['another Dockerfile', { ...base, dockerfile: '5'.repeat(64) }],
    ['a target', { ...base, target: 'prod' }],
    ['another build arg value', { ...base, buildArgs: ['A=1', 'B=3'] }],
    ['one platform fewer', { ...base, platforms: 'linux/amd64' }],
    ['no platforms', { ...base, platforms: undefined }]
  ])('changes with %s', (_title, input) => {
    expect(fingerprint(input)).not.toBe(fingerprint(base))
  })

  it.each([['hello\n'], [''], ['\0binary\xff']])('contentId(%j) is what sha256sum says', (text) => {
    const content = Buffer.from(text, 'latin1')
    const expected = execFileSync('sha256sum', { input: content }).toString().split(' ')[0]
    expect(contentId(content)).toBe(expected)
  })
})
