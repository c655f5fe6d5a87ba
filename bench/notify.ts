// How soon Argo CD hears of a push: time from `git push` returning to the webhook being accepted
// by a local receiver that verifies like Argo CD (SHA-256 signature), median over many pushes,
// against Argo CD's default polling (120 s + up to 60 s jitter, so a commit waits up to 180 s).
// Usage: npm run bench -- notify [runs]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PushedCommit } from '../src/argocd/types.js'
import { notifyWebhook } from '../src/argocd/webhook.js'
import { systemClock } from '../src/lib/clock.js'
import { createHttpClient } from '../src/lib/http.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { startWebhookReceiver } from '../__tests__/support/argocd-receiver.js'
import type { ReceivedEvent } from '../__tests__/support/argocd-receiver.js'

const RUNS = Number(process.argv[2] ?? 30)
const SECRET = 'bench-secret'
const POLL_WORST_MS = 180_000
// A commit lands at a random moment of a period uniform in [120 s, 180 s]: E[P²] / (2 E[P]).
const POLL_MEAN_MS = ((60 ** 2 / 12 + 150 ** 2) / (2 * 150)) * 1000
const GOAL_MS = 1000

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ms = (value: number): string => `${value.toFixed(1)} ms`

const dir = mkdtempSync(join(tmpdir(), 'bench-notify-'))
const git = (...args: string[]): string =>
  execFileSync(
    'git',
    [
      '-C',
      join(dir, 'work'),
      '-c',
      'user.name=bench',
      '-c',
      'user.email=bench@example.com',
      ...args
    ],
    {
      encoding: 'utf8'
    }
  ).trim()

let waiting: ((event: ReceivedEvent) => void) | undefined
const http = createHttpClient()
const receiver = await startWebhookReceiver({
  secret: SECRET,
  mode: 'sha256',
  onEvent: (event) => waiting?.(event)
})
try {
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', join(dir, 'remote.git')])
  execFileSync('git', ['clone', '-q', join(dir, 'remote.git'), join(dir, 'work')], {
    stdio: 'ignore'
  })
  git('checkout', '-q', '-b', 'main')
  writeFileSync(join(dir, 'work', 'values.yaml'), 'web:\n  tag: "0000000"\n')
  git('add', '.')
  git('commit', '-q', '-m', 'init')
  git('push', '-q', 'origin', 'main')

  const accepted: number[] = []
  const returned: number[] = []
  const pushes: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const before = git('rev-parse', 'HEAD')
    writeFileSync(
      join(dir, 'work', 'values.yaml'),
      `web:\n  tag: "${String(run + 1).padStart(7, '0')}"\n`
    )
    git('commit', '-q', '-am', `release ${run}`)
    const after = git('rev-parse', 'HEAD')
    const commit: PushedCommit = {
      repoUrl: 'https://github.com/acme/gitops.git',
      branch: 'main',
      defaultBranch: 'main',
      before,
      after,
      files: ['values.yaml'],
      message: `release ${run}`,
      authorName: 'bench',
      authorEmail: 'bench@example.com'
    }
    const event = new Promise<ReceivedEvent>((resolve) => (waiting = resolve))
    const pushStart = performance.now()
    git('push', '-q', 'origin', 'main')
    const pushed = performance.now()
    const result = await notifyWebhook(
      { url: receiver.url, secret: SECRET, insecure: false, commit },
      { logger: createMemoryLogger(), clock: systemClock, http }
    )
    const done = performance.now()
    if (!result.delivered) throw new Error(`run ${run}: not delivered: ${result.reason}`)
    const received = await event
    if (received.after !== after) throw new Error(`run ${run}: the receiver saw ${received.after}`)
    pushes.push(pushed - pushStart)
    accepted.push(received.receivedAt - pushed)
    returned.push(done - pushed)
  }

  const notify = median(accepted)
  console.log(
    `notify: ${RUNS} pushes to a local bare repository, webhook to a verifying receiver on 127.0.0.1`
  )
  console.log(`  git push itself (median, for scale):          ${ms(median(pushes))}`)
  console.log(
    `  push returned → webhook accepted (median):    ${ms(notify)}  (min ${ms(Math.min(...accepted))}, max ${ms(Math.max(...accepted))})`
  )
  console.log(`  push returned → notifyWebhook returned:       ${ms(median(returned))}`)
  console.log(
    `  Argo CD default poll (not measured; config):  up to ${POLL_WORST_MS / 1000} s, on average ~${(POLL_MEAN_MS / 1000).toFixed(0)} s`
  )
  console.log(
    `  ratio: ${(POLL_WORST_MS / notify).toFixed(0)}x sooner than the 180 s worst case, ${(POLL_MEAN_MS / notify).toFixed(0)}x sooner than the average poll delay`
  )
  console.log(
    `  goal: Argo CD knows within ${GOAL_MS} ms of the push → ${notify < GOAL_MS ? 'met' : 'NOT met'}`
  )
} finally {
  await receiver.close()
  rmSync(dir, { recursive: true, force: true })
}
