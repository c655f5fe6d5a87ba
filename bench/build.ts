// Benchmark: two images with equal CPU-bound RUN steps, built and pushed by buildImages in
// parallel (max-parallel 2) versus one after the other (max-parallel 1), on the Docker engine
// and registry of .ci/services.sh. Prints the medians and their ratio. Goal: ratio <= 0.65.
// Usage: npm run bench -- build [rounds] [loop-iterations]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildImages, type BuildOptions } from '../src/images/build-images.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { dockerUnavailableReason, getDockerEnv } from '../__tests__/support/docker-env.js'
import { liveProcessEnv } from '../__tests__/support/process-env.js'
import {
  createDockerConfig,
  pushBaseImage,
  realImagesDeps,
  uniqueSuffix
} from '../__tests__/support/registry.js'

const GOAL = 0.65
const rounds = Number(process.argv[2] ?? 3)
const iterations = Number(process.argv[3] ?? 1_000_000)

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function main(): Promise<void> {
  const env = await getDockerEnv()
  if (env === null) {
    console.error(`bench/build needs the Docker services: ${dockerUnavailableReason()}`)
    process.exit(1)
  }
  const workspace = await mkdtemp(join(tmpdir(), 'bench-build-'))
  const dockerConfig = await createDockerConfig()
  try {
    const base = await pushBaseImage(env, env.registry)
    // Different RUN texts, so one image never reuses the other's layer.
    const names = ['cpu-a', 'cpu-b']
    for (const name of names) {
      await mkdir(join(workspace, name))
      await writeFile(
        join(workspace, name, 'Dockerfile'),
        `FROM ${base}\nARG RUN_ID\n` +
          `RUN i=0; while [ $i -lt ${iterations} ]; do i=$((i+1)); done; echo "$RUN_ID $i ${name}" > /work.txt\n`
      )
    }
    const suffix = uniqueSuffix()
    const deps = () => realImagesDeps(env, dockerConfig, createMemoryLogger())
    const options = (maxParallel: number, run: string): BuildOptions => ({
      images: names.map((name, index) => ({
        name,
        context: name,
        repository: `${env.registry}/bench/${name}-${suffix}`,
        buildArgs: [],
        line: index + 1
      })),
      tag: run,
      workspace,
      registry: env.registry,
      // A new RUN_ID every time keeps the RUN step out of the layer cache.
      buildArgs: [`RUN_ID=${run}`],
      maxParallel,
      push: true,
      act: false,
      revision: '',
      sourceUrl: '',
      created: '',
      skipUnchanged: false,
      tempDir: tmpdir(),
      env: liveProcessEnv
    })
    const timings: Record<'parallel' | 'sequential', number[]> = { parallel: [], sequential: [] }
    // Warm-up (not measured): the base image is local afterwards for both modes.
    await buildImages(options(2, `warm-${suffix}`), deps())
    for (let round = 0; round < rounds; round++) {
      // Alternate the order so neither mode always runs on a warmer machine.
      const order =
        round % 2 === 0
          ? (['sequential', 'parallel'] as const)
          : (['parallel', 'sequential'] as const)
      for (const mode of order) {
        const started = performance.now()
        await buildImages(
          options(mode === 'parallel' ? 2 : 1, `${mode}-${round}-${suffix}`),
          deps()
        )
        timings[mode].push((performance.now() - started) / 1000)
      }
    }
    const load = loadavg()[0] ?? 0
    const sequential = median(timings.sequential)
    const parallel = median(timings.parallel)
    const ratio = parallel / sequential
    console.log(
      `bench/build: 2 images, CPU-bound RUN (${iterations} shell loop iterations each), ${rounds} rounds`
    )
    console.log(
      `  sequential (max-parallel 1): median ${sequential.toFixed(2)} s  [${timings.sequential.map((t) => t.toFixed(2)).join(', ')}]`
    )
    console.log(
      `  parallel   (max-parallel 2): median ${parallel.toFixed(2)} s  [${timings.parallel.map((t) => t.toFixed(2)).join(', ')}]`
    )
    console.log(`  load average ${load.toFixed(2)} on ${cpus().length} cores at the end`)
    if (load > 1.5) {
      console.log(
        '  WARNING: other work is using the CPU; parallel builds cannot gain much, rerun on a quiet machine'
      )
    }
    console.log(
      `  ratio parallel/sequential: ${ratio.toFixed(3)} (goal <= ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'})`
    )
  } finally {
    await rm(workspace, { recursive: true, force: true })
    await rm(dockerConfig, { recursive: true, force: true })
  }
}

await main()
