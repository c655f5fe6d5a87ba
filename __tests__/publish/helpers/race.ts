import { spawn } from 'node:child_process'
import { createMemoryLogger } from '../../../src/lib/logger.js'
import { publishWithDefaults } from './publish.js'
import { setLine } from './line-compute.js'
import { createMemoryRuntime } from '../../support/memory-runtime.js'
import { publishOptions } from './options.js'
import type { RaceConfig, RaceOutcome } from './race-worker.js'

/** How to start one racing process running raceWorkerMain(). */
export type RaceCommand = () => { readonly command: string; readonly args: readonly string[] }

/**
 * Starts `count` processes at once, each setting line `app<i>` of `path` to `value<i>`; with
 * `branch`, racer i lands on the branch it names (which must exist) instead of the default one.
 */
export async function runRace(
  count: number,
  base: Omit<RaceConfig, 'key' | 'value' | 'branch'>,
  start: RaceCommand,
  value: (i: number) => string = (i) => `v${i}`,
  branch?: (i: number) => string
): Promise<{ outcomes: RaceOutcome[]; wallMs: number }> {
  const started = Date.now()
  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const config: RaceConfig = {
        ...base,
        key: `app${i}`,
        value: value(i),
        ...(branch === undefined ? {} : { branch: branch(i) })
      }
      const { command, args } = start()
      return new Promise<RaceOutcome>((resolve) => {
        const child = spawn(command, args, {
          env: { ...process.env, RACE_CONFIG: JSON.stringify(config) },
          stdio: ['ignore', 'pipe', 'pipe']
        })
        let out = ''
        let err = ''
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
        child.on('close', (code) => {
          const line = out.trim().split('\n').at(-1) ?? ''
          try {
            resolve(JSON.parse(line) as RaceOutcome)
          } catch {
            resolve({
              ok: false,
              commitSha: '',
              attempts: 0,
              ms: 0,
              error: `exit ${code ?? '?'}: ${err}${out}`
            })
          }
        })
      })
    })
  )
  return { outcomes, wallMs: Date.now() - started }
}

/** One in-process racer's outcome. */
export interface InProcessOutcome {
  readonly ok: boolean
  readonly commitSha: string
  /** Attempts this racer made (1 + lost attempts logged). */
  readonly attempts: number
  readonly error: string
}

/**
 * Runs `count` publishes at once in this process against `url`, racer i setting line `app<i>`
 * of `path` to `v<i>`, each with its own temporary folder and the action's default inputs.
 */
export async function runRaceInProcess(
  count: number,
  url: string,
  path: string,
  tempDir: () => string
): Promise<{ outcomes: InProcessOutcome[]; wallMs: number }> {
  const started = performance.now()
  const outcomes = await Promise.all(
    Array.from({ length: count }, async (_, i): Promise<InProcessOutcome> => {
      const temp = tempDir()
      const logger = createMemoryLogger()
      try {
        const result = await publishWithDefaults(
          publishOptions({
            target: { kind: 'remote', url },
            workspace: temp,
            tempDir: temp,
            message: `chore(release): app${i} v${i} [skip ci]`
          }),
          { runtime: createMemoryRuntime(), compute: setLine(path, `app${i}`, `v${i}`), logger }
        )
        return {
          ok: result.changed,
          commitSha: result.commitSha,
          attempts: 1 + logger.lines.filter((line) => line.includes('did not land')).length,
          error: ''
        }
      } catch (error) {
        return { ok: false, commitSha: '', attempts: 0, error: String(error) }
      }
    })
  )
  return { outcomes, wallMs: performance.now() - started }
}
