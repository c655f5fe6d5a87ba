import { describe, expect, it } from '@jest/globals'
import type { BuiltImage } from '../../src/images/build-images.js'
import { buildSummaryTable, reusedSummary } from '../../src/images/summary.js'

describe('buildSummaryTable', () => {
  it('lists image, ref, digest and build time', () => {
    const digest = `sha256:${'c'.repeat(64)}`
    expect(
      buildSummaryTable([
        { name: 'api', ref: 'r/api:t', digest, seconds: 12.345 },
        { name: 'w|b', ref: 'r/w:t', digest: '', seconds: 3 },
        { name: 'old', ref: 'r/old:t0', digest, seconds: 0.2, built: false, reusedFrom: 't0' }
      ])
    ).toBe(
      [
        '| Image | Ref | Digest | Build time |',
        '| --- | --- | --- | ---: |',
        `| api | \`r/api:t\` | \`${digest}\` | 12.3 s |`,
        '| w\\|b | `r/w:t` | (not pushed) | 3.0 s |',
        `| old | \`r/old:t0\` | \`${digest}\` | unchanged, reused (t0) |`,
        ''
      ].join('\n')
    )
  })
})

describe('reusedSummary', () => {
  const digest = `sha256:${'e'.repeat(64)}`
  const image = (name: string, built: boolean): BuiltImage => ({
    name,
    repository: `r/${name}`,
    tag: built ? 'new' : 'old',
    digest,
    ref: `r/${name}:${built ? 'new' : 'old'}`,
    built,
    seconds: 1,
    metadata: {},
    fingerprint: '',
    ...(built ? {} : { reusedFrom: 'old' })
  })

  it.each<[string, BuiltImage[], string]>([
    ['nothing reused', [image('api', true)], ''],
    [
      'some reused',
      [image('api', true), image('web', false)],
      [
        '### Unchanged images (skip-unchanged)',
        '',
        'Their build inputs are unchanged: not built, not pushed, and the files keep their tags.',
        '',
        `- web: \`r/web:old\` (\`${digest}\`)`,
        ''
      ].join('\n')
    ],
    [
      'all reused',
      [image('web', false)],
      [
        '### Unchanged images (skip-unchanged)',
        '',
        'Nothing was built: the build inputs of every image are unchanged, so no image was pushed and no tag was changed.',
        '',
        `- web: \`r/web:old\` (\`${digest}\`)`,
        ''
      ].join('\n')
    ]
  ])('%s', (_title, images, expected) => {
    expect(reusedSummary(images)).toBe(expected)
  })
})
