// Racing publishes against one remote: 1, 4, 8, 16, 32 and 64 runs started at once, each setting
// its own line of one values file with the action's default inputs (push-attempts 5).
// Question: do all land, and what does the race cost in wall time relative to one run
// (measured in the same invocation)? All racers share this machine's cores, so N runs at once
// take longer than one even without a race; in process mode each size is also run without a
// race (every run on a branch of its own, same remote, same start), and the race's own cost is
// the ratio of the two.
// Usage: npm run bench -- race [--reps N] [--sizes 1,4,8,16,32,64] [--mode process|inprocess|action]
//   inprocess: every racer is a publish() call in this process (git runs as child processes);
//   process (the default): every racer is its own Node process, as separate jobs would be;
//   action: every racer is a whole run of dist/index.js (`npm run bundle` first) in a checkout of
//   its own, as the jobs of one workflow would be (`build: false`, tag-path `{name}`; `--dist DIR`
//   picks another build than ./dist; `--trace DIR` writes each racer's log there, every line
//   prefixed with the milliseconds since the start, to see when racers lose, wait and land).
import {
  createRemote,
  git,
  isolateGitConfig,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../__tests__/support/git-fixtures.js'
import { valuesFile } from '../__tests__/publish/helpers/line-compute.js'
import { runRace, runRaceInProcess } from '../__tests__/publish/helpers/race.js'
import { raceWorkerMain, type RaceOutcome } from '../__tests__/publish/helpers/race-worker.js'
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}

// racers → the most times one run they may take; 64 is not met on two cores, a documented limit
// (docs/benchmarks.md, "The limit for large batches")
const PACE_GOALS: ReadonlyMap<number, number> = new Map([
  [16, 20],
  [64, 80]
])

// one run alone is what every ratio divides by, and it varies most (130–149 ms between two
// invocations on one machine): it gets this many times the repetitions, which cost little
const BASELINE_REPS = 3

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// Racers that are whole runs of the bundled action, each in a checkout of its own made before
// the clock starts; racer i releases image `app<i>` at tag `v<i>`. The log is kept (with each
// line's time since the start) for `--trace`.
async function runActionRace(
  n: number,
  bare: string,
  branch?: (i: number) => string
): Promise<{ outcomes: RaceOutcome[]; wallMs: number }> {
  // joined by hand: ncc takes a path.join or resolve it can follow for an asset of the bench's
  // own bundle and points it at a copy
  const dist = [resolve(arg('dist', 'dist')), 'index.js'].join(sep)
  const runs = Array.from({ length: n }, (_, i) => {
    const workspace = join(tempDir(), 'ws')
    git(tempDir(), 'clone', '-q', bare, workspace)
    git(workspace, 'checkout', '-q', '--detach', 'HEAD')
    const files = tempDir()
    for (const name of ['output', 'summary', 'state']) writeFileSync(join(files, name), '')
    mkdirSync(join(files, 'tmp'))
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? files,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
      GITHUB_STATE: join(files, 'state'),
      RUNNER_TEMP: join(files, 'tmp'),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_REF: 'refs/heads/main',
      INPUT_IMAGES: `app${i}`,
      INPUT_BUILD: 'false',
      INPUT_TAG: `v${i}`,
      'INPUT_TAG-PATH': '{name}',
      INPUT_TOKEN: '',
      ...(branch === undefined ? {} : { INPUT_BRANCH: branch(i) })
    }
    return { workspace, env }
  })
  const trace = arg('trace', '')
  if (trace !== '') mkdirSync(trace, { recursive: true })
  const started = Date.now()
  const outcomes = await Promise.all(
    runs.map(
      ({ workspace, env }, i) =>
        new Promise<RaceOutcome>((resolve) => {
          const child = spawn(process.execPath, [dist], { cwd: workspace, env, stdio: 'pipe' })
          let out = ''
          child.stdout.on('data', (chunk: Buffer) => {
            const at = `@${Date.now() - started} `
            for (const line of chunk.toString('utf8').split('\n')) if (line) out += `${at}${line}\n`
          })
          let err = ''
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
          child.on('close', (code) => {
            if (trace !== '') {
              const name = `${n}-app${i}-${env.INPUT_BRANCH ?? 'main'}.log`
              writeFileSync(
                join(trace, name),
                `${out}@${Date.now() - started} exit ${code ?? '?'}\n`
              )
            }
            resolve({
              ok: code === 0,
              commitSha: '',
              attempts: 1 + (out.match(/did not land/g) ?? []).length,
              ms: Date.now() - started,
              error:
                code === 0
                  ? ''
                  : (out
                      .split('\n')
                      .find((l) => l.includes(' ::error'))
                      ?.replace(/^@\d+ /, '') ??
                    `exit ${code ?? '?'}: ${err.replace(/\s*\n\s*/g, ' | ').slice(0, 600)}`)
            })
          })
        })
    )
  )
  return { outcomes, wallMs: Date.now() - started }
}

// `apart`: every racer on a branch of its own (the same work and start, no race)
async function race(
  n: number,
  mode: string,
  self: string,
  apart = false
): Promise<{ landed: number; wallMs: number; attempts: number[]; errors: string[] }> {
  const { bare, url } = createRemote({ 'helm/values.yaml': valuesFile(n) })
  const own = (i: number): string => `own-${i}`
  if (apart) for (let i = 0; i < n; i++) git(bare, 'branch', own(i), 'main')
  const temp = tempDir()
  const { outcomes, wallMs } =
    mode === 'action'
      ? await runActionRace(n, bare, apart ? own : undefined)
      : mode === 'process'
        ? await runRace(
            n,
            { url, path: 'helm/values.yaml', tempDir: temp, attempts: 5 },
            () => ({ command: process.execPath, args: [self] }),
            undefined,
            apart ? own : undefined
          )
        : await runRaceInProcess(n, url, 'helm/values.yaml', () => tempDir())
  const landedOn = (i: number): boolean =>
    remoteFile(bare, 'helm/values.yaml', apart ? own(i) : 'main').includes(`app${i}: v${i}\n`)
  return {
    landed: outcomes.filter((o, i) => o.ok && landedOn(i)).length,
    wallMs,
    attempts: outcomes.filter((o) => o.ok).map((o) => o.attempts),
    errors: outcomes.filter((o) => !o.ok).map((o) => o.error.split('\n')[0] ?? '')
  }
}

async function bench(): Promise<void> {
  const restore = isolateGitConfig()
  const reps = Number(arg('reps', '3'))
  const sizes = arg('sizes', '1,4,8,16,32,64').split(',').map(Number)
  const mode = arg('mode', 'process')
  const self = process.argv[1] ?? ''
  const rows: {
    n: number
    landed: number
    runs: number
    wall: number
    apart: number
    attempts: number
    maxAttempts: number
  }[] = []
  for (const n of sizes) {
    const walls: number[] = []
    const apart: number[] = []
    const attempts: number[] = []
    let landed = 0
    const runs = n === 1 ? BASELINE_REPS * reps : reps
    for (let rep = 0; rep < runs; rep++) {
      // the run without a race right before its race, so both see the same machine
      if (mode !== 'inprocess' && n > 1) {
        const alone = await race(n, mode, self, true)
        for (const error of alone.errors) console.error(`  lost (apart): ${error}`)
        apart.push(alone.wallMs)
        removeTempDirs()
      }
      const result = await race(n, mode, self)
      landed += result.landed
      walls.push(result.wallMs)
      attempts.push(...result.attempts)
      for (const error of result.errors) console.error(`  lost: ${error}`)
      removeTempDirs()
    }
    const wall = median(walls)
    rows.push({
      n,
      landed,
      runs,
      wall,
      apart: apart.length > 0 ? median(apart) : wall,
      attempts: attempts.length > 0 ? median(attempts) : 0,
      maxAttempts: Math.max(0, ...attempts)
    })
  }
  restore()
  const base = rows.find((row) => row.n === 1)?.wall ?? rows[0]?.wall ?? 1
  console.log(
    `race: ${reps} repetition(s) per size (${BASELINE_REPS * reps} of one run alone), default inputs (push-attempts 5), one bare file:// remote, ${mode}`
  )
  console.log(
    'racers  landed   median wall ms  x one run  no race ms  x one run  race cost  median attempts  max attempts'
  )
  for (const row of rows) {
    console.log(
      `${String(row.n).padStart(6)}  ${`${row.landed}/${row.n * row.runs}`.padStart(7)}  ${String(Math.round(row.wall)).padStart(14)}  ${(row.wall / base).toFixed(1).padStart(9)}  ${String(Math.round(row.apart)).padStart(10)}  ${(row.apart / base).toFixed(1).padStart(9)}  ${(row.wall / row.apart).toFixed(2).padStart(9)}  ${String(row.attempts).padStart(15)}  ${String(row.maxAttempts).padStart(12)}`
    )
  }
  console.log(
    'no race: the same runs at once, each on a branch of its own; race cost = wall / no-race wall'
  )
  console.log(
    'goal: every update lands at every size; 16 racers within 20x one run, 64 within 80x (they serialize on the branch)'
  )
  const lost = rows.filter((row) => row.landed < row.n * row.runs)
  console.log(
    lost.length === 0
      ? 'every update landed'
      : `updates lost at ${lost.map((row) => row.n).join(', ')} racers`
  )
  for (const [n, within] of PACE_GOALS) {
    const row = rows.find((candidate) => candidate.n === n)
    if (row === undefined) continue
    const ratio = row.wall / base
    console.log(
      `${n} racers: ${ratio.toFixed(1)}x one run, ${ratio <= within ? 'within' : 'NOT within'} ${within}x`
    )
  }
}

if (process.env.RACE_CONFIG) await raceWorkerMain()
else await bench()
