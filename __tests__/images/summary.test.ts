import { describe, expect, it } from '@jest/globals'
import { buildSummaryTable } from '../../src/images/summary.js'

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
