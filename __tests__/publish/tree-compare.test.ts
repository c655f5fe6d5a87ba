import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { sameTreeAfter } from '../../src/publish/tree-compare.js'
import type { TreeEntry } from '../../src/publish/tree-source.js'

/** The blob id as git itself computes it. */
function hashObject(bytes: Buffer): string {
  return execFileSync('git', ['hash-object', '--stdin'], { input: bytes }).toString('utf8').trim()
}

describe('sameTreeAfter on blob ids', () => {
  it.each([[''], ['a: 1\n'], ['tag: "v1.2.3" # ünïcödé\n'], ['\0binary\xff']])(
    'knows the blob git hash-object gives %p',
    (text) => {
      const content = Buffer.from(text, 'utf8')
      const written = [{ mode: '100644', sha: hashObject(content), path: 'f' }]
      expect(sameTreeAfter([], [{ path: 'f', content }], written)).toBe(true)
    }
  )
})

describe('sameTreeAfter', () => {
  const next = Buffer.from('tag: v2\n')
  const nextSha = hashObject(next)
  const base: TreeEntry[] = [
    { mode: '100644', sha: 'a'.repeat(40), path: 'helm/values.yaml' },
    { mode: '100755', sha: 'b'.repeat(40), path: 'run.sh' },
    { mode: '160000', sha: 'c'.repeat(40), path: 'sub' }
  ]
  const after = (over: Partial<Record<string, TreeEntry | null>>): TreeEntry[] =>
    [
      ...base.map((entry) => (entry.path in over ? over[entry.path] : entry)),
      ...Object.values(over).filter((entry) => entry && !base.some((b) => b.path === entry.path))
    ].filter((entry): entry is TreeEntry => !!entry)
  const values = { mode: '100644', sha: nextSha, path: 'helm/values.yaml' }

  it.each([
    [
      'the written file, all else equal',
      [{ path: 'helm/values.yaml', content: next }],
      after({ 'helm/values.yaml': values }),
      true
    ],
    [
      'the written file in another order',
      [{ path: 'helm/values.yaml', content: next }],
      after({ 'helm/values.yaml': values }).reverse(),
      true
    ],
    ['the file not written', [{ path: 'helm/values.yaml', content: next }], base, false],
    [
      'other content',
      [{ path: 'helm/values.yaml', content: Buffer.from('tag: v3\n') }],
      after({ 'helm/values.yaml': values }),
      false
    ],
    [
      'another mode',
      [{ path: 'helm/values.yaml', content: next }],
      after({ 'helm/values.yaml': { ...values, mode: '100755' } }),
      false
    ],
    [
      'an extra file',
      [{ path: 'helm/values.yaml', content: next }],
      [
        ...after({ 'helm/values.yaml': values }),
        { mode: '100644', sha: 'd'.repeat(40), path: 'x' }
      ],
      false
    ],
    [
      'a missing file',
      [{ path: 'helm/values.yaml', content: next }],
      after({ 'helm/values.yaml': values, 'run.sh': null }),
      false
    ],
    [
      'a moved submodule',
      [{ path: 'helm/values.yaml', content: next }],
      after({
        'helm/values.yaml': values,
        sub: { mode: '160000', sha: 'e'.repeat(40), path: 'sub' }
      }),
      false
    ],
    [
      'a new file as a regular file',
      [{ path: 'new.yaml', content: next }],
      [...base, { mode: '100644', sha: nextSha, path: 'new.yaml' }],
      true
    ],
    [
      'an executable keeps its mode',
      [{ path: 'run.sh', content: next }],
      after({ 'run.sh': { mode: '100755', sha: nextSha, path: 'run.sh' } }),
      true
    ]
  ])('%s → %p', (_name, writes, other, expected) => {
    expect(sameTreeAfter(base, writes, other)).toBe(expected)
  })
})
