import { randomUUID } from 'node:crypto'
import { BuildError, errorMessage } from '../lib/errors.js'
import type { Clock } from '../lib/clock.js'
import type { Logger } from '../lib/logger.js'
import type { ImagePlan } from './build-commands.js'
import type { Docker } from './docker.js'
import type { Progress } from './progress.js'

/** Lines of a failed build's log quoted in the error. */
const FAILURE_TAIL_LINES = 25

/** How one docker build or push call ended. */
interface StepResult {
  readonly ok: boolean
  readonly exitCode: number
  readonly output: string
  readonly seconds: number
}

/** One image that could not be built or pushed. */
export interface ImageFailure {
  readonly name: string
  readonly line: number
  /** What went wrong, in a few words (`exit code 1`, `no digest`). */
  readonly reason: string
  /** The captured log (its end is quoted). */
  readonly output: string
}

/** What every step of a build stage shares. */
export interface StepContext {
  readonly docker: Docker
  readonly logger: Logger
  readonly clock: Clock
  readonly progress: Progress
  /** Prints a finished step's log as one group, never interleaved with another. */
  readonly printLog: (title: string, output: string) => Promise<void>
}

/**
 * Prints each finished step's captured log as its own group, one group at a time. Workflow
 * commands in the log are switched off (`::stop-commands::`): a build's output must not be able
 * to set outputs, masks or groups.
 */
export function createLogPrinter(logger: Logger): (title: string, output: string) => Promise<void> {
  let queue = Promise.resolve()
  return (title, output) => {
    queue = queue.then(() =>
      logger.group(title, () => {
        const token = randomUUID()
        logger.info(`::stop-commands::${token}`)
        for (const line of output.replace(/\r?\n$/, '').split(/\r?\n/)) logger.info(line)
        logger.info(`::${token}::`)
        return Promise.resolve()
      })
    )
    return queue
  }
}

/** Runs one docker call for an image with live progress; prints its log as a group at the end. */
export async function runStep(
  context: StepContext,
  plan: ImagePlan,
  verb: 'Build' | 'Push',
  args: readonly string[],
  env?: Readonly<Record<string, string>>
): Promise<StepResult> {
  const { docker, logger, progress } = context
  logger.debug(`${plan.name}: docker ${args.join(' ')}`)
  const started = context.clock.now()
  progress.start(plan.name)
  let result
  try {
    result = await docker.run(args, {
      ...(env === undefined ? {} : { env }),
      onLine: (line) => {
        progress.line(plan.name, line)
      }
    })
  } finally {
    progress.end(plan.name)
  }
  const seconds = (context.clock.now() - started) / 1000
  const ok = result.exitCode === 0
  const outcome = ok ? `done in ${seconds.toFixed(1)}s` : `FAILED (exit code ${result.exitCode})`
  await context.printLog(`${verb} ${plan.name} (${plan.ref}): ${outcome}`, result.output)
  return { ok, exitCode: result.exitCode, output: result.output, seconds }
}

/** The failure record for an error thrown while handling an image (e.g. docker not found). */
export function thrownFailure(plan: ImagePlan, error: unknown): ImageFailure {
  return { name: plan.name, line: plan.line, reason: errorMessage(error), output: '' }
}

/** The last `count` non-blank lines of a log. */
function logTail(output: string, count = FAILURE_TAIL_LINES): string[] {
  return output
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-count)
}

/** The error listing every failed image with the end of its log. */
export function failuresError(
  failures: readonly ImageFailure[],
  total: number,
  what: 'build' | 'push'
): BuildError {
  const names = failures.map((failure) => failure.name).join(', ')
  const lines = [`${failures.length} of ${total} images failed to ${what}: ${names}`]
  for (const failure of failures) {
    lines.push('', `${failure.name} (images line ${failure.line}): ${failure.reason}`)
    const tail = logTail(failure.output)
    if (tail.length > 0) {
      lines.push(`last ${tail.length} lines of its log:`, ...tail.map((line) => `  ${line}`))
    }
  }
  const first = failures[0]
  return new BuildError(lines.join('\n'), {
    input: 'images',
    ...(first === undefined ? {} : { line: first.line })
  })
}
