import { spawn } from 'node:child_process'
import { BuildError } from '../errors.js'

/** How one docker CLI call is run. */
export interface DockerRunOptions {
  /** Written to the CLI's standard input (e.g. a password for `--password-stdin`). */
  readonly input?: string
  /** Variables added to the CLI's environment for this call. */
  readonly env?: Readonly<Record<string, string>>
  /** Called with each line the CLI prints (stdout and stderr), as it arrives. */
  readonly onLine?: (line: string) => void
}

/** What a docker CLI call printed and how it ended. */
export interface DockerResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr interleaved in the order they arrived. */
  readonly output: string
}

/** The docker CLI, behind the smallest surface the build stage needs. */
export interface Docker {
  /** Runs `docker ARGS…`; resolves with the exit code (never rejects for a non-zero exit). */
  run(args: readonly string[], options?: DockerRunOptions): Promise<DockerResult>
}

/** Splits a stream of chunks into lines, calling `onLine` for each complete one. */
function lineSplitter(onLine: (line: string) => void): { push(text: string): void; end(): void } {
  let pending = ''
  return {
    push(text) {
      pending += text
      const lines = pending.split(/\r?\n|\r/)
      pending = lines.pop() ?? ''
      for (const line of lines) onLine(line)
    },
    end() {
      if (pending !== '') onLine(pending)
      pending = ''
    }
  }
}

/**
 * The real docker CLI. `env` is its whole environment (default: this process's), so
 * `DOCKER_HOST`, `DOCKER_CONFIG` and the rest are respected as the CLI reads them.
 */
export function createDocker(env: NodeJS.ProcessEnv = process.env, command = 'docker'): Docker {
  return {
    run: (args, options = {}) =>
      new Promise<DockerResult>((resolve, reject) => {
        const child = spawn(command, args, {
          env: { ...env, ...options.env },
          stdio: ['pipe', 'pipe', 'pipe']
        })
        let stdout = ''
        let stderr = ''
        let output = ''
        const lines = lineSplitter((line) => options.onLine?.(line))
        const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
          const text = chunk.toString('utf8')
          if (stream === 'stdout') stdout += text
          else stderr += text
          output += text
          lines.push(text)
        }
        child.stdout.on('data', collect('stdout'))
        child.stderr.on('data', collect('stderr'))
        child.on('error', (error: NodeJS.ErrnoException) => {
          reject(
            new BuildError(
              error.code === 'ENOENT'
                ? `The docker CLI ('${command}') was not found on PATH; install Docker on the runner.`
                : `Could not run '${command} ${args[0] ?? ''}': ${error.message}`
            )
          )
        })
        child.on('close', (code, signal) => {
          lines.end()
          resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr, output })
        })
        // A CLI that exits before reading stdin must not crash us with EPIPE.
        child.stdin.on('error', () => undefined)
        child.stdin.end(options.input ?? '')
      })
  }
}
