/** One entry of an Application's `status.history`: a sync that succeeded. */
export interface Deployment {
  /** `id`, increasing with each deployment. */
  readonly id: number
  /** `revision`, or the SHAs of `revisions` for a multi-source app. */
  readonly revisions: readonly string[]
  /** `deployedAt` as epoch milliseconds (NaN when missing or malformed). */
  readonly deployedAt: number
}

/** How long the source has run the candidate, and how long it still must. */
export interface SoakResult {
  /** Seconds every app has run the candidate (the shortest among them). */
  readonly runningSeconds: number
  /** `max(0, soak - running)`: 0 once soaked (the `soak-remaining` output). */
  readonly remainingSeconds: number
  /** When the app that ran it the shortest started to (epoch ms); undefined when none runs it. */
  readonly since?: number
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The `status.history` of an Application object as Argo CD's API returns it, oldest first. */
export function readHistory(application: unknown): Deployment[] {
  const status = isObject(application) && isObject(application.status) ? application.status : {}
  const history = Array.isArray(status.history) ? (status.history as unknown[]) : []
  return history
    .filter(isObject)
    .map((entry, index) => {
      const revisions = [
        entry.revision,
        ...(Array.isArray(entry.revisions) ? (entry.revisions as unknown[]) : [])
      ].filter((r): r is string => typeof r === 'string' && r !== '')
      return {
        id: typeof entry.id === 'number' ? entry.id : index,
        revisions,
        deployedAt: typeof entry.deployedAt === 'string' ? Date.parse(entry.deployedAt) : NaN
      }
    })
    .sort((a, b) => a.id - b.id)
}

/** Every revision the histories name, lower-cased and once each: what to ask git about. */
export function historyRevisions(histories: readonly (readonly Deployment[])[]): string[] {
  return [...new Set(histories.flat().flatMap((d) => d.revisions.map((r) => r.toLowerCase())))]
}

/**
 * When an app started running the candidate: walking its history from the newest deployment
 * back, the oldest of the unbroken run of deployments whose revision holds it (a deployment of
 * anything else in between restarts the count). Undefined when the newest deployment does not
 * hold it. A history trimmed by `revisionHistoryLimit` gives a later start, never an earlier one.
 */
function runningSince(
  history: readonly Deployment[],
  holds: ReadonlyMap<string, boolean>
): number | undefined {
  let since: number | undefined
  for (let i = history.length - 1; i >= 0; i--) {
    const deployment = history[i]
    if (deployment === undefined || Number.isNaN(deployment.deployedAt)) break
    if (!deployment.revisions.some((r) => holds.get(r.toLowerCase()) === true)) break
    since = deployment.deployedAt
  }
  return since
}

/**
 * The soak of a promotion: every source app must have run the candidate for `soakSeconds`,
 * counted from `runningSince` of its history to `nowMs` (wall-clock epoch ms). `holds` answers,
 * per lower-case revision, whether the source files there hold the candidate.
 */
export function evaluateSoak(options: {
  readonly histories: readonly (readonly Deployment[])[]
  readonly holds: ReadonlyMap<string, boolean>
  readonly soakSeconds: number
  readonly nowMs: number
}): SoakResult {
  const starts = options.histories.map((history) => runningSince(history, options.holds))
  const known = starts.filter((start): start is number => start !== undefined)
  if (known.length === 0 || known.length < starts.length) {
    return { runningSeconds: 0, remainingSeconds: options.soakSeconds }
  }
  const since = Math.max(...known)
  const runningSeconds = Math.max(0, Math.floor((options.nowMs - since) / 1000))
  return {
    runningSeconds,
    remainingSeconds: Math.max(0, options.soakSeconds - runningSeconds),
    since
  }
}

/** `1h 5m 3s`-style text for a number of seconds, for the notice. */
export function formatDuration(seconds: number): string {
  const parts: string[] = []
  let left = Math.max(0, Math.round(seconds))
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60]
  ] as const) {
    if (left >= size) {
      parts.push(`${Math.floor(left / size)}${unit}`)
      left %= size
    }
  }
  if (left > 0 || parts.length === 0) parts.push(`${left}s`)
  return parts.join(' ')
}
