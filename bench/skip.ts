// Benchmark: skip-unchanged on the tutorial's two images, through the whole release flow
// (src/main.ts `release` with the real stages: build and push on the Docker engine and registry
// of .ci/services.sh, edit helm/values.yaml, commit and push to a bare remote).
//   run 1: first release, both images built;
//   run 2: a change in backend/ only, the frontend is reused;
//   run 3: the same commit again, nothing is built and nothing changes.
// Prints each run's wall time, its ratio to run 1 and the images built. Goal: run 3 <= 0.35 x run 1.
// Usage: npm run bench -- skip [rounds] [frontend-loop-iterations]
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSettings } from '../src/settings/inputs.js'
import { composeStages } from '../src/compose.js'
import { release } from '../src/main.js'
import type { Stages } from '../src/pipeline/stages.js'
import { newReleaseState, outputValues } from '../src/outputs.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { createMemoryRuntime } from '../__tests__/support/memory-runtime.js'
import { dockerUnavailableReason, getDockerEnv } from '../__tests__/support/docker-env.js'
import { checkoutWorkspace, createRemote, git } from '../__tests__/support/git-fixtures.js'
import { createDockerConfig, pushBaseImage, uniqueSuffix } from '../__tests__/support/registry.js'

const GOAL = 0.35
const rounds = Number(process.argv[2] ?? 3)
const iterations = Number(process.argv[3] ?? 300_000)

const VALUES = [
  'frontend:',
  '  image: example/frontend',
  '  tag: latest',
  'backend:',
  '  image: example/backend',
  "  tag: '1276e23'",
  ''
].join('\n')

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

interface Measured {
  readonly seconds: number
  readonly built: number
  readonly changed: boolean
}

async function main(): Promise<void> {
  const env = await getDockerEnv()
  if (env === null) {
    console.error(`bench/skip needs the Docker services: ${dockerUnavailableReason()}`)
    process.exit(1)
  }
  const dir = await mkdtemp(join(tmpdir(), 'bench-skip-'))
  const dockerConfig = await createDockerConfig()
  // The stages run docker and git with this process's environment, handed to readSettings below.
  process.env.DOCKER_HOST = env.dockerHost
  process.env.DOCKER_CONFIG = dockerConfig
  try {
    const base = await pushBaseImage(env, env.registry, 'gitops-test/bench-skip-base')
    const timings: [number[], number[], number[]] = [[], [], []]
    const builtCounts: [number[], number[], number[]] = [[], [], []]
    for (let round = 0; round < rounds; round++) {
      const stamp = uniqueSuffix()
      const roundDir = join(dir, `round-${round}`)
      const remote = createRemote(
        {
          'backend/Dockerfile': 'FROM scratch\nCOPY app.txt /app.txt\n',
          'backend/app.txt': `backend ${stamp}\n`,
          // A RUN step with some work in it, as a real frontend build has.
          'frontend/Dockerfile':
            `FROM ${base}\nCOPY index.html /www/index.html\n` +
            `RUN i=0; while [ $i -lt ${iterations} ]; do i=$((i+1)); done; echo "$i" > /www/n.txt\n`,
          'frontend/index.html': `<p>frontend ${stamp}</p>\n`,
          'helm/values.yaml': VALUES
        },
        join(roundDir, 'remote.git')
      ).bare
      const repo = { workspace: join(roundDir, 'workspace') }
      checkoutWorkspace(remote, repo.workspace)
      git(repo.workspace, 'checkout', '-q', '-B', 'main')
      const releaseOnce = async (): Promise<Measured> => {
        const sha = git(repo.workspace, 'rev-parse', 'HEAD')
        const inputs: Record<string, string> = {
          images: 'backend\nfrontend',
          registry: env.registry,
          namespace: `bench-skip-${stamp}`,
          'skip-unchanged': 'true',
          token: ''
        }
        const runtime = createMemoryRuntime(inputs)
        const settings = readSettings({
          runtime,
          env: {
            ...process.env,
            GITHUB_WORKSPACE: repo.workspace,
            GITHUB_SHA: sha,
            GITHUB_REPOSITORY: 'acme/tutorial',
            GITHUB_REF: 'refs/heads/main'
          },
          warn: () => undefined
        })
        let built = 0
        const real = composeStages(settings, runtime, createMemoryLogger())
        const stages: Stages = {
          ...real,
          buildImages: async (options) => {
            const images = await real.buildImages(options)
            built = images.filter((image) => image.built).length
            return images
          }
        }
        const state = newReleaseState(settings.tag)
        const started = performance.now()
        await release(settings, stages, state)
        return {
          seconds: (performance.now() - started) / 1000,
          built,
          changed: outputValues(state).changed === 'true'
        }
      }
      const first = await releaseOnce()
      // A change in backend/ only, committed on top of the release commit.
      git(repo.workspace, 'fetch', '-q', 'origin', 'main')
      git(repo.workspace, 'reset', '-q', '--hard', 'origin/main')
      await writeFile(join(repo.workspace, 'backend', 'app.txt'), `backend ${stamp} v2\n`)
      git(repo.workspace, 'commit', '-q', '-am', 'backend: v2')
      git(repo.workspace, 'push', '-q', 'origin', 'HEAD:main')
      const second = await releaseOnce()
      // A re-run of the same workflow run: the same commit, the files already at the new tags.
      const third = await releaseOnce()
      ;[first, second, third].forEach((measured, index) => {
        timings[index as 0 | 1 | 2].push(measured.seconds)
        builtCounts[index as 0 | 1 | 2].push(measured.built)
      })
      if (third.changed) throw new Error('run 3 changed files: a re-run must change nothing')
    }
    const medians = timings.map(median)
    const firstMedian = medians[0] ?? 1
    const labels = ['first release', 'backend/ changed', 're-run, same commit']
    console.log(
      `bench/skip: tutorial (backend + frontend), skip-unchanged, ${rounds} rounds, frontend RUN loop ${iterations}`
    )
    medians.forEach((seconds, index) => {
      const all = timings[index as 0 | 1 | 2].map((t) => t.toFixed(2)).join(', ')
      const counts = [...new Set(builtCounts[index as 0 | 1 | 2])].join('/')
      console.log(
        `  run ${index + 1} (${labels[index] ?? ''}): median ${seconds.toFixed(2)} s [${all}], ` +
          `${(seconds / firstMedian).toFixed(3)} x run 1, images built: ${counts}`
      )
    })
    const ratio = (medians[2] ?? 0) / firstMedian
    console.log(
      `  load average ${(loadavg()[0] ?? 0).toFixed(2)} on ${cpus().length} cores at the end`
    )
    console.log(
      `  re-run / first run: ${ratio.toFixed(3)} (goal <= ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'})`
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
    await rm(dockerConfig, { recursive: true, force: true })
  }
}

await main()
