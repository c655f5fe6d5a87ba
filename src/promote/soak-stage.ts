import type { Logger } from '../lib/logger.js'
import { evaluateSoak, formatDuration, historyRevisions, readHistory } from './soak.js'
import type { SoakResult } from './soak.js'

/** What measuring the soak needs. */
interface SoakDeps {
  /** Whether the source files at a revision hold the candidate (see candidateHolder). */
  readonly holdsCandidate: (revision: string) => Promise<boolean>
  /** Wall-clock time, epoch ms (history times are wall-clock). */
  readonly nowMs: () => number
  readonly logger: Pick<Logger, 'info'>
}

/**
 * Measures the soak of a promotion from the source apps' Application objects (as the gate
 * returned them): asks `holdsCandidate` about every revision of their `status.history`, then
 * evaluates (see evaluateSoak) and says how long the source has run the candidate and what
 * remains.
 */
export async function measureSoak(
  options: {
    readonly applications: readonly { readonly application: unknown }[]
    readonly soakSeconds: number
    /** The source environment's name, for the message. */
    readonly environment: string
  },
  deps: SoakDeps
): Promise<SoakResult> {
  const histories = options.applications.map((app) => readHistory(app.application))
  const holds = new Map<string, boolean>()
  for (const revision of historyRevisions(histories)) {
    holds.set(revision, await deps.holdsCandidate(revision))
  }
  const result = evaluateSoak({
    histories,
    holds,
    soakSeconds: options.soakSeconds,
    nowMs: deps.nowMs()
  })
  deps.logger.info(
    `Soak: '${options.environment}' has run the candidate for ${formatDuration(result.runningSeconds)} ` +
      `of ${formatDuration(options.soakSeconds)}` +
      (result.remainingSeconds > 0 ? `; ${formatDuration(result.remainingSeconds)} remain.` : '.')
  )
  return result
}
