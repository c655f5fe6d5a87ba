// Racing publishes against one remote: 1, 4, 8 and 16 processes started at once, each setting
// its own line of one values file with the default push-attempts (5).
// Question: do all land, and what does the race cost in wall time relative to one run?
// Usage: npm run bench -- race [--reps N] [--sizes 1,4,8,16]
import {
  createRemote,
  isolateGitConfig,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../__tests__/publish/helpers/git-fixtures.js'
import { valuesFile } from '../__tests__/publish/helpers/line-compute.js'
import { runRace } from '../__tests__/publish/helpers/race.js'
import { raceWorkerMain } from '../__tests__/publish/helpers/race-worker.js'

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function bench(): Promise<void> {
  const restore = isolateGitConfig()
  const reps = Number(arg('reps', '3'))
  const sizes = arg('sizes', '1,4,8,16').split(',').map(Number)
  const self = process.argv[1] ?? ''
  const rows: { n: number; landed: string; wall: number; attempts: number; maxAttempts: number }[] =
    []
  for (const n of sizes) {
    const walls: number[] = []
    const attempts: number[] = []
    let landed = 0
    let total = 0
    for (let rep = 0; rep < reps; rep++) {
      const { bare, url } = createRemote({ 'helm/values.yaml': valuesFile(n) })
      const temp = tempDir()
      const { outcomes, wallMs } = await runRace(
        n,
        { url, path: 'helm/values.yaml', tempDir: temp, attempts: 5 },
        () => ({ command: process.execPath, args: [self] })
      )
      const file = remoteFile(bare, 'helm/values.yaml')
      total += n
      landed += outcomes.filter((o, i) => o.ok && file.includes(`app${i}: v${i}\n`)).length
      for (const o of outcomes) if (!o.ok) console.error(`  lost: ${o.error.split('\n')[0] ?? ''}`)
      walls.push(wallMs)
      attempts.push(...outcomes.filter((o) => o.ok).map((o) => o.attempts))
      removeTempDirs()
    }
    rows.push({
      n,
      landed: `${landed}/${total}`,
      wall: median(walls),
      attempts: attempts.length > 0 ? median(attempts) : 0,
      maxAttempts: Math.max(0, ...attempts)
    })
  }
  restore()
  const base = rows.find((row) => row.n === 1)?.wall ?? rows[0]?.wall ?? 1
  console.log(`race: ${reps} repetition(s) per size, push-attempts 5, one bare file:// remote`)
  console.log('racers  landed   median wall ms  x one run  median attempts  max attempts')
  for (const row of rows) {
    console.log(
      `${String(row.n).padStart(6)}  ${row.landed.padStart(7)}  ${String(Math.round(row.wall)).padStart(14)}  ${(row.wall / base).toFixed(1).padStart(9)}  ${String(row.attempts).padStart(15)}  ${String(row.maxAttempts).padStart(12)}`
    )
  }
  console.log(
    'goal: every update lands at every size (no lost update, no failed run); wall time grows about linearly with racers (they serialize on the branch), plus back-off'
  )
}

if (process.env.RACE_CONFIG) await raceWorkerMain()
else await bench()
