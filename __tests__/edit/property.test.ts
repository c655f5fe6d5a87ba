import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { Scalar } from 'yaml'
import { expectOnlyValuesChanged, valueScalarsByLine } from './corpus-check.js'
import { corpusFile, lineAt, run } from './helpers.js'
import { corpusDir, describeWithCorpus } from '../support/corpus.js'
import { yamlFixture, yamlFixtureNames } from '../support/yaml-fixtures.js'

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Step = string | number

const VALUES: readonly unknown[] = [
  '2682590',
  '1276e23',
  '0123456',
  'v1.2.3',
  'on',
  'yes',
  'y',
  '1.10',
  'null',
  '~',
  '',
  'a #b',
  'x: y',
  "it's",
  'say "hi"',
  '- x',
  'abc1234',
  '0x1F',
  '12:30',
  '12_000',
  ' lead',
  'é ü',
  '[x]',
  'a,b',
  'sha256:0e072dd',
  'true',
  7,
  1.5,
  true,
  false,
  null
]
const SEED = 20260425
const ITERATIONS = 60

function stepText(steps: readonly Step[]): string {
  return steps.map((s) => (typeof s === 'number' ? `[${s}]` : `[${JSON.stringify(s)}]`)).join('')
}

/** Every node a path reaches in each document, or undefined when the engine would refuse it. */
function resolveAll(
  docs: ReturnType<typeof parseAllDocuments>,
  steps: readonly Step[]
): Scalar[] | undefined {
  const out: Scalar[] = []
  for (const doc of docs) {
    let node: unknown = doc.contents
    let missing = false
    for (const step of steps) {
      if (isAlias(node)) return undefined
      if (typeof step === 'number' && isSeq(node)) node = node.items[step]
      else if (typeof step === 'string' && isMap(node)) {
        node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step)?.value
      } else node = undefined
      if (node === undefined) {
        missing = true
        break
      }
    }
    if (missing) continue
    if (
      !isScalar(node) ||
      node.type === 'BLOCK_LITERAL' ||
      node.type === 'BLOCK_FOLDED' ||
      node.tag
    )
      return undefined
    out.push(node)
  }
  return out
}

/** Keys the test can write as `["key"]` (no backslash or control characters to escape). */
function plainKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    if (key[i] === '\\' || key.charCodeAt(i) < 0x20) return false
  }
  return true
}

interface Leaf {
  readonly steps: Step[]
}

function leaves(text: string): Leaf[] {
  const perLine = new Map<number, number>()
  const docs = parseAllDocuments(text)
  const all: { steps: Step[]; node: Scalar }[] = []
  const walk = (node: unknown, steps: Step[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !plainKey(String(pair.key.value))) continue
        walk(pair.value, [...steps, String(pair.key.value)])
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...steps, i])
      })
    } else if (isScalar(node) && node.range) {
      const line = lineAt(text, node.range[0])
      perLine.set(line, (perLine.get(line) ?? 0) + 1)
      if (line === lineAt(text, node.range[1])) all.push({ steps, node })
    }
  }
  for (const doc of docs) walk(doc.contents, [])
  const byLine = valueScalarsByLine(text)
  return all.filter(({ node }) => {
    const line = lineAt(text, node.range![0])
    return perLine.get(line) === 1 && byLine.get(line) !== undefined
  })
}

/**
 * Edits random scalar leaves of `files` (read with `read`) with random values, a few per run,
 * and checks each result with expectOnlyValuesChanged.
 */
function randomEditsTest(
  files: readonly string[],
  read: (file: string) => string,
  iterations: number
): void {
  const cache = new Map<string, { text: string; leaves: Leaf[] }>()

  it(`stay on the value's line and pass verification (seed ${SEED}, ${iterations} runs)`, async () => {
    const random = prng(SEED)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    let edited = 0
    for (let i = 0; i < iterations; i++) {
      const file = pick(files)
      let entry = cache.get(file)
      if (!entry) {
        const text = read(file)
        entry = { text, leaves: leaves(text) }
        cache.set(file, entry)
      }
      // A file whose every line holds several scalars (flow collections) has no leaf to pick.
      if (entry.leaves.length === 0) continue
      const { text } = entry
      const docs = parseAllDocuments(text)
      const changes: Record<string, unknown> = {}
      const lineEdits: { line: number; value: unknown }[] = []
      const used = new Set<Scalar>()
      const count = 1 + Math.floor(random() * 3)
      for (let n = 0; n < count; n++) {
        const leaf = pick(entry.leaves)
        const nodes = resolveAll(docs, leaf.steps)
        if (!nodes || nodes.length === 0 || nodes.some((node) => used.has(node))) continue
        const value = pick(VALUES)
        // A path in a multi-document file changes several documents only when it says [*].
        changes[(docs.length > 1 ? '[*]' : '') + stepText(leaf.steps)] = value
        for (const node of nodes) {
          used.add(node)
          if (!Object.is(node.value, value))
            lineEdits.push({ line: lineAt(text, node.range![0]) + 1, value })
        }
      }
      if (Object.keys(changes).length === 0) continue
      const context = `run ${i}: ${file} ${JSON.stringify(changes)}`
      const { after } = await run({ f: text }, { changes: JSON.stringify({ f: changes }) })
      try {
        expectOnlyValuesChanged(text, after('f'), lineEdits)
      } catch (error) {
        throw new Error(`${context}\n${String(error)}`, { cause: error })
      }
      edited += lineEdits.length
    }
    expect(edited).toBeGreaterThan(iterations)
  })
}

describe('random edits of random scalar leaves of the YAML fixtures', () => {
  // The fixtures are small: more runs for the same time.
  randomEditsTest(yamlFixtureNames(), yamlFixture, 4 * ITERATIONS)
})

describeWithCorpus('random edits of random scalar leaves of the corpus', () => {
  const dir = corpusDir()
  const files = ['values', 'kustomize', 'manifests'].flatMap((sub) =>
    readdirSync(join(dir, sub))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `${sub}/${f}`)
  )
  randomEditsTest(files, corpusFile, ITERATIONS)
})
