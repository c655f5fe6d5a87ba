// Benchmark: 6 tag edits in the largest corpus chart (bitnami redis values.yaml).
// Ours: computeEdits (parse once, splice, re-parse to verify) against yaml's
// parseDocument + setIn + toString of the same edits. Prints medians, the ratio and the diff size.
// Usage: npm run bench -- edit [runs]   (reads ../shared/corpus beside the repository root, or
// GITOPS_CORPUS_DIR)
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseDocument } from 'yaml'
import { computeEdits } from '../src/edit/compute-edits.js'
import { createMemorySource } from '../__tests__/support/memory-source.js'
import type { EditRequest } from '../src/edit/types.js'
import { unifiedDiff } from '../src/edit/unified-diff.js'
import { createMemoryLogger } from '../src/lib/logger.js'

const FILE = 'values.yaml'
const PATHS = [
  'image.tag',
  'sentinel.image.tag',
  'metrics.image.tag',
  'volumePermissions.image.tag',
  'kubectl.image.tag',
  'sysctl.image.tag'
]
const TAG = '8.2.2-debian-12-r1'
const GOAL_RATIO = 1.5
const GOAL_DIFF_LINES = 12

// GITOPS_CORPUS_DIR points elsewhere when the checkout is not beside shared/ (as for the tests).
const corpus = resolve(
  process.env.GITOPS_CORPUS_DIR ?? resolve(process.cwd(), '..', 'shared', 'corpus'),
  'values',
  'bitnami__charts__redis.yaml'
)
const text = readFileSync(corpus, 'utf8')
const runs = Number(process.argv[2] ?? '40')

const request: EditRequest = {
  images: [],
  valuesFiles: [FILE],
  valuesFileIsDefault: false,
  tagPath: '{name}.tag',
  kustomizations: [],
  manifests: [],
  pinDigest: false,
  changes: JSON.stringify(Object.fromEntries(PATHS.map((p) => [p, TAG]))),
  createMissing: false,
  vars: { tag: TAG, sha: '', shortSha: '' }
}

async function ours(): Promise<string> {
  const source = createMemorySource({ [FILE]: text })
  const edits = await computeEdits(source, request, createMemoryLogger())
  return edits[0]?.after ?? ''
}

function baseline(): string {
  const doc = parseDocument(text)
  for (const path of PATHS) doc.setIn(path.split('.'), TAG)
  return doc.toString()
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function diffLines(after: string): number {
  return unifiedDiff([{ path: FILE, before: text, after }])
    .split('\n')
    .filter((line) => /^[-+](?![-+]{2} [ab]\/)/.test(line)).length
}

async function main(): Promise<void> {
  // Warm up both (JIT), then alternate so drift hits both equally.
  for (let i = 0; i < 5; i++) {
    await ours()
    baseline()
  }
  const oursTimes: number[] = []
  const baseTimes: number[] = []
  let oursOut = ''
  let baseOut = ''
  for (let i = 0; i < runs; i++) {
    let start = performance.now()
    oursOut = await ours()
    oursTimes.push(performance.now() - start)
    start = performance.now()
    baseOut = baseline()
    baseTimes.push(performance.now() - start)
  }
  const oursMedian = median(oursTimes)
  const baseMedian = median(baseTimes)
  const ratio = oursMedian / baseMedian
  const oursDiff = diffLines(oursOut)
  const baseDiff = diffLines(baseOut)
  console.log(
    `bench edit: ${PATHS.length} tag edits in bitnami redis values.yaml (${text.split('\n').length} lines), ${runs} runs`
  )
  console.log(
    `  ours (computeEdits, verified)        median ${oursMedian.toFixed(2)} ms, diff lines ${oursDiff}`
  )
  console.log(
    `  yaml parseDocument+setIn+toString    median ${baseMedian.toFixed(2)} ms, diff lines ${baseDiff}`
  )
  console.log(
    `  ratio ours/yaml ${ratio.toFixed(2)} (goal <= ${GOAL_RATIO}); diff lines ${oursDiff} (goal ${GOAL_DIFF_LINES})`
  )
  console.log(
    `  ${ratio <= GOAL_RATIO && oursDiff === GOAL_DIFF_LINES ? 'GOAL MET' : 'GOAL NOT MET'}`
  )
}

await main()
