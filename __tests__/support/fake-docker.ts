import type { Docker, DockerRunOptions } from '../../src/images/docker.js'
import type { RunResult } from '../../src/lib/exec.js'

/** One call the fake docker CLI received. */
export interface FakeCall {
  readonly args: readonly string[]
  readonly input?: string
  readonly env?: Readonly<Record<string, string>>
}

/** What the fake answers to one call. */
export interface FakeAnswer {
  readonly exitCode?: number
  readonly stdout?: string
  readonly stderr?: string
  /** Milliseconds before the answer (to overlap parallel builds). */
  readonly delayMs?: number
}

/** A scripted docker CLI: records calls, tracks how many ran at once, streams output lines. */
export function createFakeDocker(
  answer: (args: readonly string[], call: FakeCall) => FakeAnswer | Promise<FakeAnswer>
): Docker & { readonly calls: FakeCall[]; maxRunning: number } {
  let running = 0
  const fake = {
    calls: [] as FakeCall[],
    maxRunning: 0,
    async run(args: readonly string[], options: DockerRunOptions = {}): Promise<RunResult> {
      const call: FakeCall = {
        args: [...args],
        ...(options.input === undefined ? {} : { input: options.input }),
        ...(options.env === undefined ? {} : { env: options.env })
      }
      fake.calls.push(call)
      running++
      fake.maxRunning = Math.max(fake.maxRunning, running)
      try {
        const result = await answer(args, call)
        const stdout = result.stdout ?? ''
        const stderr = result.stderr ?? ''
        const output = stdout + stderr
        for (const line of output.split('\n')) {
          if (line !== '') options.onLine?.(line)
          // Let other fake builds emit lines in between, as real ones would.
          await new Promise((resolve) => setImmediate(resolve))
        }
        if (result.delayMs) await new Promise((resolve) => setTimeout(resolve, result.delayMs))
        return { exitCode: result.exitCode ?? 0, stdout, stderr, output }
      } finally {
        running--
      }
    }
  }
  return fake
}

/** The value after `flag` in an argument list. */
export function argAfter(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag)
  return index === -1 ? undefined : args[index + 1]
}
