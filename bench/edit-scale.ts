// How edit time grows with file size: a flat map of `keyN: value` lines at 0.25 to 8 MiB, two
// edits (first and last key) through computeEdits. Time per MiB should stay about flat (linear).
// Usage: npm run bench -- edit-scale [runs]
import { performance } from 'node:perf_hooks'
import { computeEdits } from '../src/edit/compute-edits.js'
import { createMemorySource } from '../__tests__/support/memory-source.js'
import type { EditRequest } from '../src/edit/types.js'
import { createMemoryLogger } from '../src/lib/logger.js'

const runs = Number(process.argv[2] ?? '3')
const SIZES_MIB = [0.25, 1, 2, 4, 8]

function flatMap(bytes: number): { text: string; last: number } {
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const line = `key${i}: value-${i}-padding-padding\n`
    lines.push(line)
    size += line.length
  }
  return { text: lines.join(''), last: lines.length - 1 }
}

function request(last: number): EditRequest {
  return {
    images: [],
    valuesFiles: ['values.yaml'],
    valuesFileIsDefault: false,
    tagPath: '{name}.tag',
    kustomizations: [],
    manifests: [],
    pinDigest: false,
    changes: JSON.stringify({ key0: 'new', [`key${last}`]: 'new' }),
    createMissing: false,
    vars: { tag: 'new', sha: '', shortSha: '' }
  }
}

console.log(`bench edit-scale: flat map, 2 edits, best of ${runs} runs`)
for (const mib of SIZES_MIB) {
  const { text, last } = flatMap(mib * 1024 * 1024)
  const source = createMemorySource({ 'values.yaml': text })
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await computeEdits(source, request(last), createMemoryLogger())
    best = Math.min(best, performance.now() - start)
  }
  console.log(
    `  ${mib.toString().padStart(4)} MiB  ${best.toFixed(0).padStart(6)} ms  ${(best / mib).toFixed(0).padStart(5)} ms/MiB`
  )
}
