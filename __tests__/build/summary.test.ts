import { describe, expect, it } from '@jest/globals'
import { buildSummaryTable } from '../../src/build/summary.js'

describe('buildSummaryTable', () => {
  it('lists image, ref, digest and build time', () => {
    const digest = `sha256:${'c'.repeat(64)}`
    expect(
      buildSummaryTable([
        { name: 'api', repository: 'r/api', tag: 't', ref: 'r/api:t', digest, seconds: 12.345 },
        { name: 'w|b', repository: 'r/w', tag: 't', ref: 'r/w:t', digest: '', seconds: 3 }
      ])
    ).toBe(
      [
        '| Image | Ref | Digest | Build time |',
        '| --- | --- | --- | ---: |',
        `| api | \`r/api:t\` | \`${digest}\` | 12.3 s |`,
        '| w\\|b | `r/w:t` | (not pushed) | 3.0 s |',
        ''
      ].join('\n')
    )
  })
})
