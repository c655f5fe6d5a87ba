import { describe, expect, it } from '@jest/globals'
import { imageLabels } from '../../src/images/labels.js'

describe('labels', () => {
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

  // How the Dockerfile's own LABEL keys are found: each one that names an OCI label leaves it out.
  it.each<[string, string, string[]]>([
    ['no LABEL', 'FROM scratch\n', ['revision', 'source', 'created']],
    [
      'key=value',
      'FROM x\nLABEL org.opencontainers.image.source=https://x\n',
      ['revision', 'created']
    ],
    [
      'lower case, quoted keys, several pairs, a line continuation',
      'FROM x\nlabel "org.opencontainers.image.revision"="1" c=2 \\\n  org.opencontainers.image.created="three words"\n',
      ['source']
    ],
    [
      'the legacy LABEL key value form',
      "FROM x\nLABEL org.opencontainers.image.created 'Dev <d@x>'\n",
      ['revision', 'source']
    ]
  ])('the Dockerfile sets its own labels: %s', (_title, dockerfile, kept) => {
    const keys = imageLabels(values, dockerfile).map((label) => label.split('=')[0])
    expect(keys).toEqual(kept.map((name) => `org.opencontainers.image.${name}`))
  })
})
