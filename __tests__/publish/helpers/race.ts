import { spawn } from 'node:child_process'
import type { RaceConfig, RaceOutcome } from './race-worker.js'

/** How to start one racing process running raceWorkerMain(). */
export type RaceCommand = () => { readonly command: string; readonly args: readonly string[] }

/** Starts `count` processes at once, each setting line `app<i>` of `path` to `value<i>`. */
export async function runRace(
  count: number,
  base: Omit<RaceConfig, 'key' | 'value'>,
  start: RaceCommand,
  value: (i: number) => string = (i) => `v${i}`
): Promise<{ outcomes: RaceOutcome[]; wallMs: number }> {
  const started = Date.now()
  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const config: RaceConfig = { ...base, key: `app${i}`, value: value(i) }
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
