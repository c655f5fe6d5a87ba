import { BuildError } from '../lib/errors.js'
import { ProgramNotFoundError, type ProcessRunner, type RunResult } from '../lib/exec.js'

/** How one docker CLI call is run. */
export interface DockerRunOptions {
  /** Written to the CLI's standard input (e.g. a password for `--password-stdin`). */
  readonly input?: string
  /** Variables added to the CLI's environment for this call. */
  readonly env?: Readonly<Record<string, string>>
  /** Called with each line the CLI prints (stdout and stderr), as it arrives. */
  readonly onLine?: (line: string) => void
}

/** The docker CLI, behind the smallest surface the images stage needs. */
export interface Docker {
  /** Runs `docker ARGS…`; resolves with the exit code (never rejects for a non-zero exit). */
  run(args: readonly string[], options?: DockerRunOptions): Promise<RunResult>
}

/**
 * The real docker CLI, run through the action's one process runner (which refuses a command
 * line holding a secret: the registry password only ever travels on stdin). `env` is added to
 * every call, e.g. `DOCKER_HOST` or `DOCKER_CONFIG`; the rest is the runner's environment.
 */
export function createDocker(
  runner: ProcessRunner,
  env: Readonly<Record<string, string>> = {},
  command = 'docker'
): Docker {
  return {
    run: async (args, options = {}) => {
      try {
        return await runner.run(command, args, {
          env: { ...env, ...options.env },
          ...(options.input === undefined ? {} : { input: options.input }),
          ...(options.onLine === undefined ? {} : { onLine: options.onLine })
        })
      } catch (error) {
        if (error instanceof ProgramNotFoundError) {
          throw new BuildError(
            `The docker CLI ('${command}') could not be run (${error.message}); install Docker on the runner.`
          )
        }
        throw error
      }
    }
  }
}
