import { describe, expect, it } from '@jest/globals'
import { goReadsAsNumber } from '../../src/edit/go-scalar.js'
import { renderString } from '../../src/edit/render-scalar.js'

// Go is not installed where these tests run, so each row states what go-yaml v2 (Helm's and
// kubectl's reader, via sigs.k8s.io/yaml) makes of the plain scalar. Its resolver removes every
// `_` from a scalar starting with a digit or sign, then tries strconv.ParseInt(s, 0, 64) (base 0:
// `0x`/`0X`, `0o`/`0O`, `0b`/`0B`, a leading `0` for octal, and a sign), then ParseUint, then its
// float pattern. The first four rows were observed with kubectl (real-parties.md).
describe("Go's YAML reading of a plain scalar", () => {
  it.each([
    ['0X1F', '31'],
    ['0X_1F', '31'],
    ['0B101', '5'],
    ['0O17', '15'],
    ['0x1f', '31'],
    ['-0XA', '-10'],
    ['+0B1', '1'],
    ['0o17', '15'],
    ['017', '15'],
    ['0_X_1_F', '31'],
    ['1_000', '1000'],
    ['08', '8'],
    ['1e3', '1000'],
    ['18446744073709551615', '18446744073709551615']
  ])('%s is read by Go as the number %s, so it is never written plain', (text) => {
    expect(goReadsAsNumber(text)).toBe(true)
    expect(renderString(text, 'PLAIN', false)).toBe(`"${text}"`)
  })

  it.each([
    ['0X'],
    ['0Xg1'],
    ['0B102'],
    ['0O8'],
    ['1.2.3'],
    ['v0X1F'],
    ['_0X1F'],
    ['2001-12-14x'],
    ['1276f23'],
    ['0x1F-debug']
  ])('%s stays a string', (text) => {
    expect(goReadsAsNumber(text)).toBe(false)
  })

  it.each([['0X1Fab-c'], ['0B1x'], ['v0X1F']])('%s is still written plain', (text) => {
    expect(renderString(text, 'PLAIN', false)).toBe(text)
  })
})
