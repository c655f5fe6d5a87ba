import * as actionsExec from '@actions/exec'
import { StringDecoder } from 'node:string_decoder'
import { errorMessage, InternalError } from './errors.js'

/** How one command is run. */
interface RunOptions {
  /** Working folder (default: this process's). */
  readonly cwd?: string
  /** Variables added to the command's environment for this call (credentials go here, never in argv). */
  readonly env?: Readonly<Record<string, string>>
  /** Written to the command's standard input (e.g. a password for `--password-stdin`). */
  readonly input?: string | Buffer
  /** Called with each line the command prints, stdout and stderr, as it arrives. */
  readonly onLine?: (line: string) => void
}

/** What a command printed and how it ended. */
export interface RunResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr interleaved in the order they arrived. */
  readonly output: string
}

/**
 * The one way the action runs a program. Resolves with the exit code (a non-zero exit is the
 * caller's to judge); rejects only when the program cannot be started. Time limits are the
 * program's own (git's low-speed limits, docker's): `@actions/exec` cannot stop a child.
 */
export interface ProcessRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult>
}

/** The program was not found on PATH or could not be started. */
export class ProgramNotFoundError extends Error {
  readonly command: string
  constructor(command: string, message: string) {
    super(message)
    this.name = 'ProgramNotFoundError'
    this.command = command
  }
}

/** Splits a stream of chunks into lines, calling `onLine` for each complete one. */
function lineSplitter(onLine: (line: string) => void): {
  push(text: string): void
  end(): void
} {
  let pending = ''
  return {
    push(text) {
      pending += text
      const lines = pending.split(/\r\n|\n|\r/)
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
 * Throws when a secret is part of the program's name or of an argument: argv, program included,
 * is visible to every process on the runner. The message names the position, never the value.
 */
function refuseSecretsInArgv(secrets: Iterable<string>, command: string, args: readonly string[]) {
  const held = [...secrets].filter((secret) => secret !== '')
  const holds = (text: string) => held.some((secret) => text.includes(secret))
  // The program name first: the message for an argument names the program.
  if (holds(command)) {
    throw new InternalError(
      'Refused to run a program: a secret would be on its command line (in the program name).'
    )
  }
  const index = args.findIndex(holds)
  if (index !== -1) {
    throw new InternalError(
      `Refused to run ${command}: a secret would be on its command line (argument ${index + 1}).`
    )
  }
}

/**
 * The real runner over `@actions/exec`. `secrets` is read at every call (a live collection, such
 * as the runtime's masked values): a command line holding one is refused before anything starts,
 * since argv is visible to every process on the runner. `baseEnv` is the environment every
 * command starts from.
 */
export function createProcessRunner(
  secrets: Iterable<string>,
  baseEnv: NodeJS.ProcessEnv
): ProcessRunner {
  return {
    async run(command, args, options = {}) {
      refuseSecretsInArgv(secrets, command, args)
      const env: Record<string, string> = {}
      for (const [name, value] of Object.entries({ ...baseEnv, ...options.env })) {
        if (value !== undefined) env[name] = value
      }
      let stdout = ''
      let stderr = ''
      let output = ''
      const lines = lineSplitter((line) => options.onLine?.(line))
      // one decoder per stream: a multi-byte character may straddle two chunks
      const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') }
      const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
        const text = decoders[stream].write(chunk)
        if (stream === 'stdout') stdout += text
        else stderr += text
        output += text
        lines.push(text)
      }
      let exitCode: number
      try {
        exitCode = await actionsExec.exec(command, [...args], {
          cwd: options.cwd,
          env,
          // The runner prints nothing itself: callers decide what reaches the log.
          silent: true,
          ignoreReturnCode: true,
          input: options.input === undefined ? undefined : Buffer.from(options.input),
          listeners: { stdout: collect('stdout'), stderr: collect('stderr') }
        })
      } catch (error) {
        throw new ProgramNotFoundError(
          command,
          `Could not run '${command}': ${errorMessage(error)}`
        )
      }
      const rest = { stdout: decoders.stdout.end(), stderr: decoders.stderr.end() }
      stdout += rest.stdout
      stderr += rest.stderr
      output += rest.stdout + rest.stderr
      lines.push(rest.stdout + rest.stderr)
      lines.end()
      return { exitCode, stdout, stderr, output }
    }
  }
}
