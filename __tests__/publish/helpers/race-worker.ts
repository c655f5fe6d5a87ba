import { createMemoryLogger } from '../../../src/lib/logger.js'
import { publishWithDefaults } from './publish.js'
import { setLine } from './line-compute.js'
import { createMemoryRuntime } from '../../support/memory-runtime.js'
import { publishOptions } from './options.js'

/** What each racing process is told (JSON in the RACE_CONFIG environment variable). */
export interface RaceConfig {
  readonly url: string
  readonly path: string
  readonly key: string
  readonly value: string
  readonly tempDir: string
  readonly attempts: number
  /** The branch to land on; the remote's default branch when absent. */
  readonly branch?: string
}

/** What each racing process prints (one JSON line on stdout). */
export interface RaceOutcome {
  readonly ok: boolean
  readonly commitSha: string
  readonly attempts: number
  readonly ms: number
  readonly error: string
}

/** Runs one publish as described by RACE_CONFIG and prints its outcome. */
export async function raceWorkerMain(): Promise<void> {
  const config = JSON.parse(process.env.RACE_CONFIG ?? '{}') as RaceConfig
  const logger = createMemoryLogger()
  const started = Date.now()
  let outcome: RaceOutcome
  try {
    const result = await publishWithDefaults(
      publishOptions({
        target: { kind: 'remote', url: config.url },
        workspace: config.tempDir,
        tempDir: config.tempDir,
        pushAttempts: config.attempts,
        ...(config.branch === undefined ? {} : { branch: config.branch }),
        message: `chore(release): ${config.key} ${config.value} [skip ci]`
      }),
      {
        runtime: createMemoryRuntime(),
        compute: setLine(config.path, config.key, config.value),
        logger
      }
    )
    outcome = {
      ok: result.changed,
      commitSha: result.commitSha,
      attempts: 1 + logger.lines.filter((line) => line.includes('did not land')).length,
      ms: Date.now() - started,
      error: ''
    }
  } catch (error) {
    outcome = {
      ok: false,
      commitSha: '',
      attempts: 0,
      ms: Date.now() - started,
      error: `${String(error)}\n${logger.lines.join('\n')}`
    }
  }
  process.stdout.write(`${JSON.stringify(outcome)}\n`)
}
