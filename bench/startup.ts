// Startup cost of the action: the tutorial scenario (build: false, commit: false, two tag edits)
// run as a process from dist/index.js, against a bare `node -e 0` measured in the same run.
// Usage: npm run bundle && npm run bench -- startup [runs]   (goal: ratio <= 4)
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

const runs = Number(process.argv[2] ?? '15')
// npm sets INIT_CWD; a value ncc cannot know keeps it from copying dist/index.js as an asset.
const root = process.env.INIT_CWD ?? process.cwd()
const bundle = path.join(root, 'dist', 'index.js')
// The tutorial's values file, kept in the repository so the bench runs from any checkout.
const values = readFileSync(path.join(root, '__tests__', 'fixtures', 'tutorial', 'values.yaml'))

const workspace = mkdtempSync(path.join(tmpdir(), 'gitops-bench-startup-'))
mkdirSync(path.join(workspace, 'helm'))
const env = {
  PATH: process.env.PATH ?? '',
  GITHUB_WORKSPACE: workspace,
  GITHUB_SHA: '2682590aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_OUTPUT: path.join(workspace, 'output'),
  INPUT_IMAGES: 'backend\nfrontend',
  INPUT_BUILD: 'false',
  INPUT_COMMIT: 'false',
  INPUT_TAG: '2682590',
  'INPUT_VALUES-FILE': 'helm/values.yaml',
  'INPUT_TAG-PATH': '{name}.tag'
}

function time(args: string[], before?: () => void): number {
  before?.()
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd: workspace, env, stdio: 'pipe' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) {
    throw new Error(
      `${args.join(' ')} failed: ${result.stdout.toString()}${result.stderr.toString()}`
    )
  }
  return ms
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

try {
  const reset = (): void => {
    writeFileSync(path.join(workspace, 'helm', 'values.yaml'), values)
    writeFileSync(env.GITHUB_OUTPUT, '')
  }
  time([bundle], reset) // warm the file cache
  const baseline: number[] = []
  const action: number[] = []
  // Interleaved, so load changes on this noisy machine hit both sides alike.
  for (let i = 0; i < runs; i++) {
    baseline.push(time(['-e', '0']))
    action.push(time([bundle], reset))
  }
  const b = median(baseline)
  const a = median(action)
  console.log(`node -e 0:                 median ${b.toFixed(1)} ms over ${runs} runs`)
  console.log(`action (2 tag edits):      median ${a.toFixed(1)} ms over ${runs} runs`)
  console.log(`ratio action / node -e 0:  ${(a / b).toFixed(2)}x (goal <= 4x)`)
} finally {
  rmSync(workspace, { recursive: true, force: true })
}
