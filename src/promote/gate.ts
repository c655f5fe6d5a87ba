import type { AppRef } from '../argocd/app-ref.js'
import { readAppStatus } from '../argocd/app-status.js'
import type { AppStatus } from '../argocd/app-status.js'
import { ArgoCdUnavailableError, createArgoCdApi } from '../argocd/argocd-api.js'
import type { ArgoCdApi } from '../argocd/argocd-api.js'
import { reportedShas } from '../argocd/wait-state.js'
import { ArgoCdError, errorMessage } from '../lib/errors.js'
import type { Clock } from '../lib/clock.js'
import type { HttpClient } from '../lib/http-client.js'
import { shortSha } from '../lib/text.js'
import type { Logger } from '../lib/logger.js'
import {
  evaluateGate,
  evaluateGateApp,
  settledApp,
  type GateAppVerdict,
  type GateVerdict
} from './gate-verdict.js'

/** Where the source environment's apps are and how long to wait for them. */
export interface GateOptions {
  /** The source environment's name, for messages. */
  readonly environment: string
  /** Its `argocd-app` (at least one). */
  readonly apps: readonly AppRef[]
  /** Its `argocd-server` and `argocd-token`. */
  readonly server: string
  readonly token: string
  /** `argocd-insecure`. */
  readonly insecure: boolean
  /** `argocd-timeout`: seconds to wait for the gate. */
  readonly timeoutSeconds: number
}

/** How the gate reaches Argo CD: the client of src/argocd over the action's HTTP client, or (in
 * tests) a fake of that client. */
type GateConnection = { readonly api: ArgoCdApi } | { readonly http: HttpClient }

/** What the gate stage works with; tests pass fakes. */
type GateDeps = GateConnection & {
  readonly clock: Clock
  readonly logger: Logger
  /**
   * Whether the source files at `revision` hold the candidate (read with git): false for a
   * commit that is not the source branch's tip or an ancestor of it.
   */
  readonly holdsCandidate: (revision: string) => Promise<boolean>
  /** Between rounds of polls (default 5 s). */
  readonly pollMs?: number
  /**
   * Wall-clock time (epoch ms). With it, a pass at which every app finished its last operation
   * at least `settleMs` ago, and was reconciled since, counts at once: it has been stable that
   * long already, so no second round is needed to confirm it. Without it every pass is
   * confirmed by the next round.
   */
  readonly nowMs?: () => number
  /** How long a finished operation must lie behind a pass to count at once (default 5 s). */
  readonly settleMs?: number
}

/** The gate passed. */
export interface GateResult {
  /** The revision R at which the first app runs the candidate (`source-revision`). */
  readonly revision: string
  /** Each app's last Application object, for the soak (`status.history`). */
  readonly applications: readonly { readonly app: string; readonly application: unknown }[]
}

const DEFAULT_POLL_MS = 5000
const DEFAULT_SETTLE_MS = 5000

const REQUEST_TIMEOUT_MS = 30_000

/**
 * Waits, up to `timeoutSeconds`, until every app of the source environment is Synced and
 * Healthy, its last operation finished, at a revision whose files hold the candidate; two
 * rounds in a row must agree (an app can flip right after a sync), unless every app has been
 * settled for `settleMs` already (see GateDeps.nowMs). Reads with the Argo CD
 * client of src/argocd (a refresh first, then plain GETs); an unavailable API is waited out.
 * Throws ArgoCdError naming the environment and the app at once for a failed sync or Degraded
 * health, and on timeout with every app's last state; 401/403/404 as the client raises them.
 */
export async function waitForGate(options: GateOptions, deps: GateDeps): Promise<GateResult> {
  const api =
    'api' in deps
      ? deps.api
      : createArgoCdApi(
          { server: options.server, token: options.token, insecure: options.insecure },
          deps.http
        )
  const refs = options.apps
  const deadline = deps.clock.now() + options.timeoutSeconds * 1000
  const holds = new Map<string, boolean>()
  const lastLine = new Map<string, string>()
  const applications = new Map<string, unknown>()
  const statuses = new Map<string, AppStatus>()
  const settled = (): boolean => {
    const now = deps.nowMs?.()
    if (now === undefined) return false
    return refs.every((ref) => {
      const status = statuses.get(ref.label)
      return status !== undefined && settledApp(status, now, deps.settleMs ?? DEFAULT_SETTLE_MS)
    })
  }
  let passedAt: string | undefined
  let refresh = true
  for (;;) {
    const verdicts: GateAppVerdict[] = []
    for (const ref of refs) {
      verdicts.push({ app: ref.label, verdict: await observe(ref) })
    }
    refresh = false
    const gate = evaluateGate(verdicts)
    if (gate.kind === 'fail') {
      throw new ArgoCdError(
        `Environment '${options.environment}' is not fit to promote from: Argo CD app ${gate.reason}. Nothing is promoted.`,
        { input: 'argocd-app' }
      )
    }
    if (gate.kind === 'pass') {
      const key = verdicts.map((v) => (v.verdict.kind === 'pass' ? v.verdict.revision : '')).join()
      if (passedAt === key || settled()) {
        deps.logger.info(
          `Environment '${options.environment}' runs the candidate: every app Synced and Healthy at ${shortSha(gate.revision)}.`
        )
        return {
          revision: gate.revision,
          applications: refs.map((ref) => ({
            app: ref.label,
            application: applications.get(ref.label)
          }))
        }
      }
      passedAt = key
    } else {
      passedAt = undefined
    }
    const now = deps.clock.now()
    if (now >= deadline) {
      throw new ArgoCdError(
        `Environment '${options.environment}' did not run the candidate within ${options.timeoutSeconds} s ` +
          `(${gate.kind === 'pending' ? gate.reason : 'not confirmed twice'}). Nothing is promoted.`,
        { input: 'argocd-timeout' }
      )
    }
    await deps.clock.sleep(Math.min(deps.pollMs ?? DEFAULT_POLL_MS, deadline - now))
  }

  async function observe(ref: AppRef): Promise<GateVerdict> {
    let application: unknown
    try {
      const timeoutMs = Math.max(1000, Math.min(REQUEST_TIMEOUT_MS, deadline - deps.clock.now()))
      application = await api.getApp(ref, { refresh, timeoutMs })
    } catch (error) {
      if (!(error instanceof ArgoCdUnavailableError)) throw error
      return say(ref, { kind: 'pending', reason: `Argo CD unavailable (${error.message})` })
    }
    applications.set(ref.label, application)
    const status = readAppStatus(application)
    statuses.set(ref.label, status)
    for (const sha of reportedShas(status)) {
      const key = sha.toLowerCase()
      if (holds.has(key)) continue
      holds.set(key, await ask(sha))
    }
    return say(ref, evaluateGateApp(status, holds))
  }

  async function ask(revision: string): Promise<boolean> {
    try {
      return await deps.holdsCandidate(revision)
    } catch (error) {
      deps.logger.info(
        `Could not read the source files at ${shortSha(revision)} (${errorMessage(error)}); it does not count.`
      )
      return false
    }
  }

  function say(ref: AppRef, verdict: GateVerdict): GateVerdict {
    const line =
      verdict.kind === 'pass'
        ? `Synced and Healthy at ${shortSha(verdict.revision)}, which holds the candidate`
        : verdict.reason
    if (lastLine.get(ref.label) !== line)
      deps.logger.info(`${options.environment}/${ref.label}: ${line}`)
    lastLine.set(ref.label, line)
    return verdict
  }
}
