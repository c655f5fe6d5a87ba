import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { goReadsAsNumber } from '../../src/edit/go-scalar.js'
import { renderString } from '../../src/edit/render-scalar.js'
import { editFile } from './helpers.js'

// Each row states what go-yaml v2 (Helm's and kubectl's reader, via sigs.k8s.io/yaml) makes of
// the plain scalar; where kubectl is installed, the suite below checks the rows with it. Its resolver removes every
// `_` from a scalar starting with a digit or sign, then tries strconv.ParseInt(s, 0, 64) (base 0:
// `0x`/`0X`, `0o`/`0O`, `0b`/`0B`, a leading `0` for octal, and a sign), then ParseUint, then its
// float pattern. The first four rows were observed with kubectl (real-parties.md).
const GO_NUMBERS: [string, string][] = [
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
]

describe("Go's YAML reading of a plain scalar", () => {
  it.each(GO_NUMBERS)('%s is read by Go as the number %s, so it is never written plain', (text) => {
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

// kubectl reads a manifest the way Helm reads values (sigs.k8s.io/yaml over go-yaml); `label
// --local` prints what it read as JSON without a cluster. Without kubectl the suite is skipped,
// and its title says so.
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0

/** What kubectl reads from `spec` of a manifest holding the YAML lines `body` under it. */
function kubectlReads(body: string): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-release-go-'))
  try {
    const file = join(dir, 'm.yaml')
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n${body}`)
    const out = execFileSync('kubectl', ['label', '--local', '-f', file, 'x=y', '-o', 'json'], {
      encoding: 'utf8'
    })
    return (JSON.parse(out) as { spec: Record<string, unknown> }).spec
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const keyed = (texts: readonly string[]): string =>
  texts.map((text, i) => `  k${i}: ${text}\n`).join('')

;(kubectl ? describe : describe.skip)(
  kubectl ? "Go's YAML reading, checked with kubectl" : 'SKIPPED: kubectl is not on PATH',
  () => {
    it('kubectl reads each number row of the table as that number', () => {
      const read = kubectlReads(keyed(GO_NUMBERS.map(([text]) => text)))
      GO_NUMBERS.forEach(([text, number], i) => {
        expect([text, read[`k${i}`]]).toEqual([text, Number(number)])
      })
    })

    it('kubectl reads every value the engine writes as the string it was given', async () => {
      const values = [...GO_NUMBERS.map(([text]) => text), '0X1Fab-c', 'v0X1F', '12:30', 'ok 😀']
      const before = keyed(values.map(() => 'old'))
      const changes = Object.fromEntries(values.map((value, i) => [`k${i}`, value]))
      const read = kubectlReads(await editFile(before, changes))
      expect(values.map((_v, i) => read[`k${i}`])).toEqual(values)
    })
  }
)
