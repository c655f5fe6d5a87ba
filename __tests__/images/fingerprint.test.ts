import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { isExcluded, parseDockerignore } from '../../src/images/dockerignore.js'
import { fingerprint, gitBlobId, type FingerprintInput } from '../../src/images/fingerprint.js'
import { dockerfileLabelKeys, imageLabels } from '../../src/images/labels.js'

const base: FingerprintInput = {
  files: [
    { path: 'a.txt', mode: '100644', id: '1'.repeat(40) },
    { path: 'src/main.go', mode: '100644', id: '2'.repeat(40) }
  ],
  dockerfile: '3'.repeat(40),
  buildArgs: ['A=1', 'B=2'],
  platforms: 'linux/amd64,linux/arm64'
}

describe('fingerprint', () => {
  it('is a sha256 digest', () => {
    expect(fingerprint(base)).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it.each<[string, FingerprintInput]>([
    ['files in another order', { ...base, files: [...base.files].reverse() }],
    ['build args in another order', { ...base, buildArgs: ['B=2', 'A=1'] }],
    ['platforms in another order, spaced', { ...base, platforms: ' linux/arm64, linux/amd64' }],
    ['a platform repeated', { ...base, platforms: 'linux/amd64,linux/arm64,linux/amd64' }]
  ])('is the same for %s', (_title, input) => {
    expect(fingerprint(input)).toBe(fingerprint(base))
  })

  it.each<[string, FingerprintInput]>([
    [
      'a changed file',
      { ...base, files: [{ ...base.files[0]!, id: '9'.repeat(40) }, base.files[1]!] }
    ],
    [
      'a file made executable',
      { ...base, files: [{ ...base.files[0]!, mode: '100755' }, base.files[1]!] }
    ],
    ['a renamed file', { ...base, files: [{ ...base.files[0]!, path: 'b.txt' }, base.files[1]!] }],
    [
      'an added file',
      { ...base, files: [...base.files, { path: 'c', mode: '100644', id: '4'.repeat(40) }] }
    ],
    ['a removed file', { ...base, files: base.files.slice(1) }],
    ['another Dockerfile', { ...base, dockerfile: '5'.repeat(40) }],
    ['a target', { ...base, target: 'prod' }],
    ['another build arg value', { ...base, buildArgs: ['A=1', 'B=3'] }],
    ['one platform fewer', { ...base, platforms: 'linux/amd64' }],
    ['no platforms', { ...base, platforms: undefined }]
  ])('changes with %s', (_title, input) => {
    expect(fingerprint(input)).not.toBe(fingerprint(base))
  })

  it.each([['hello\n'], [''], ['\0binary\xff']])(
    'gitBlobId(%j) is what git hash-object says',
    (text) => {
      const content = Buffer.from(text, 'latin1')
      const expected = execFileSync('git', ['hash-object', '--stdin'], { input: content })
        .toString()
        .trim()
      expect(gitBlobId(content)).toBe(expected)
    }
  )
})

describe('.dockerignore', () => {
  it.each<[string, string, boolean]>([
    ['node_modules', 'node_modules/x/index.js', true],
    ['node_modules', 'src/node_modules/x.js', false],
    ['/node_modules', 'node_modules/a', true],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false],
    ['**/*.md', 'docs/deep/README.md', true],
    ['**/*.md', 'README.md', true],
    ['docs/**', 'docs/a/b.txt', true],
    ['docs/**', 'docs', false],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['[ab].txt', 'b.txt', true],
    ['[!ab].txt', 'b.txt', false],
    ['[!ab].txt', 'c.txt', true],
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md', 'CHANGES.md', true],
    ['docs\n!docs/keep.md', 'docs/keep.md', false],
    ['docs\n!docs/keep.md', 'docs/other.md', true],
    ['# comment\n\n  tmp  ', 'tmp/x', true],
    ['./build/../dist', 'dist/app.js', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['.git', '.gitignore', false],
    ['*', 'anything/at/all', true],
    ['', 'file', false]
  ])('%j: %s excluded is %p', (text, path, expected) => {
    expect(isExcluded(path, parseDockerignore(text))).toBe(expected)
  })
})

describe('labels', () => {
  it.each<[string, string[]]>([
    ['FROM scratch\n', []],
    [
      'FROM x\nLABEL org.opencontainers.image.source=https://x\n',
      ['org.opencontainers.image.source']
    ],
    ['FROM x\nlabel "a.b"="1" c=2 \\\n  d="three words"\n', ['a.b', 'c', 'd']],
    ["FROM x\nLABEL maintainer 'Dev <d@x>'\n", ['maintainer']]
  ])('dockerfileLabelKeys(%j)', (text, keys) => {
    expect([...dockerfileLabelKeys(text)].sort()).toEqual(keys.sort())
  })

  const values = {
    revision: 'abc',
    sourceUrl: 'https://github.com/acme/shop',
    created: '2026-01-02T03:04:05Z'
  }

  it.each<[string, Parameters<typeof imageLabels>[0], string, string[]]>([
    [
      'all four',
      { ...values, fingerprint: 'sha256:f' },
      'FROM scratch\n',
      [
        'org.opencontainers.image.revision=abc',
        'org.opencontainers.image.source=https://github.com/acme/shop',
        'org.opencontainers.image.created=2026-01-02T03:04:05Z',
        'io.github.gitops-release.fingerprint=sha256:f'
      ]
    ],
    [
      "the Dockerfile's own LABEL wins; the fingerprint label is always ours",
      { ...values, fingerprint: 'sha256:f' },
      'FROM x\nLABEL org.opencontainers.image.source=https://elsewhere io.github.gitops-release.fingerprint=x\n',
      [
        'org.opencontainers.image.revision=abc',
        'org.opencontainers.image.created=2026-01-02T03:04:05Z',
        'io.github.gitops-release.fingerprint=sha256:f'
      ]
    ],
    [
      'empty values and no fingerprint: nothing',
      { revision: '', sourceUrl: '', created: '' },
      '',
      []
    ]
  ])('imageLabels: %s', (_title, input, dockerfile, expected) => {
    expect(imageLabels(input, dockerfile)).toEqual(expected)
  })
})
