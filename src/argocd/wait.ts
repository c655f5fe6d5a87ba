import { ArgoCdError, InputError } from '../errors.js'
import type { Logger } from '../logger.js'
import { parseAppRef } from './app-ref.js'
import type { AppRef } from './app-ref.js'
import { readAppStatus } from './app-status.js'
import type { AppStatus } from './app-status.js'
import { ArgoCdUnavailableError, createArgoCdApi } from './argocd-api.js'
import { systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { createHttpClient } from './http-client.js'
import type { HttpClient } from './http-client.js'
import { coreMask, maskArgoCdSecrets } from './mask.js'
import type { Mask } from './mask.js'
import { short } from './text.js'
import type { ArgoCdOptions, AppState, PushedCommit } from './types.js'
import { ArgoCdWaitError } from './wait-error.js'
import {
  atRevision,
  describeStatus,
  evaluateWait,
  operationRunning,
  toAppState
} from './wait-state.js'
import type { WaitTarget } from './wait-state.js'

/** What refreshAndWait may be given instead of the real thing, and its timing. */
export interface ArgoCdDeps {
  readonly http?: HttpClient
  readonly clock?: Clock
  readonly mask?: Mask
  /** Between polls of one app (default 5 s). */
  readonly pollIntervalMs?: number
  /** Longest `GET ?refresh=normal`, which blocks until the refresh is done (default 60 s). */
  readonly refreshTimeoutMs?: number
  /** Longest plain GET or POST (default 30 s). */
  readonly requestTimeoutMs?: number
  /** Refresh again when the app is still not at the commit after this long (default 45 s). */
  readonly refreshAgainMs?: number
}

interface Tracked {
  readonly ref: AppRef
  status: AppStatus | undefined
  /** A refresh finished after the push: the app has looked at the branch since. */
  refreshed: boolean
  lastRefreshAt: number
  lastProblem: string
  /** The state line logged last, so each change is logged once. */
  lastLine: string
}

/**
 * Refreshes each app (`GET ?refresh=normal`), syncs it when `sync` is set, and with `wait`
 * waits until it is Synced and Healthy at `commit.after` (contract §5.6), all within
 * `timeoutSeconds`. Throws ArgoCdError at once for 401/403/404 and ArgoCdWaitError when a sync
 * fails, an app is Degraded or time runs out.
 */
export async function refreshAndWait(
  options: ArgoCdOptions,
  commit: PushedCommit,
  logger: Logger,
  deps: ArgoCdDeps = {}
): Promise<AppState[]> {
  const server = options.server?.trim() ?? ''
  const token = options.token?.trim() ?? ''
  if (server === '' || token === '') {
    throw new InputError('argocd-server and argocd-token are required to refresh Argo CD apps', {
      input: server === '' ? 'argocd-server' : 'argocd-token'
    })
  }
  maskArgoCdSecrets(options, deps.mask ?? coreMask)
  const clock = deps.clock ?? systemClock
  const api = createArgoCdApi(
    server,
    token,
    deps.http ?? createHttpClient({ insecure: options.insecure })
  )
  const timing = {
    poll: deps.pollIntervalMs ?? 5000,
    refresh: deps.refreshTimeoutMs ?? 60_000,
    request: deps.requestTimeoutMs ?? 30_000,
    refreshAgain: deps.refreshAgainMs ?? 45_000
  }
  const deadline = clock.now() + options.timeoutSeconds * 1000
  const remaining = (cap: number): number => Math.max(1000, Math.min(cap, deadline - clock.now()))
  const target: WaitTarget = { revision: commit.after, previous: commit.before }
  const apps: Tracked[] = options.apps.map((app) => ({
    ref: parseAppRef(app),
    status: undefined,
    refreshed: false,
    lastRefreshAt: clock.now(),
    lastProblem: '',
    lastLine: ''
  }))

  const report = (app: Tracked, status: AppStatus): void => {
    const line = describeStatus(status, target)
    if (line !== app.lastLine) logger.info(`${app.ref.label}: ${line}`)
    app.lastLine = line
  }

  const refresh = async (app: Tracked): Promise<void> => {
    app.lastRefreshAt = clock.now()
    try {
      app.status = readAppStatus(
        await api.getApp(app.ref, { refresh: true, timeoutMs: remaining(timing.refresh) })
      )
      app.refreshed = true
    } catch (error) {
      if (!(error instanceof ArgoCdUnavailableError)) throw error
      app.lastProblem = error.message
      logger.info(`${app.ref.label}: refresh did not complete (${error.message}); polling instead`)
    }
  }

  const poll = async (app: Tracked): Promise<void> => {
    try {
      app.status = readAppStatus(
        await api.getApp(app.ref, { refresh: false, timeoutMs: remaining(timing.request) })
      )
      app.lastProblem = ''
    } catch (error) {
      if (!(error instanceof ArgoCdUnavailableError)) throw error
      if (app.lastProblem !== error.message)
        logger.info(`${app.ref.label}: Argo CD unavailable (${error.message}); retrying`)
      app.lastProblem = error.message
    }
  }

  const startSync = async (app: Tracked): Promise<void> => {
    const status = app.status
    if (
      status &&
      (status.operationRequested || (status.operation && status.operation.finishedAt === undefined))
    ) {
      logger.info(
        `${app.ref.label}: an operation is already running (auto-sync?); not starting another`
      )
      return
    }
    if (
      status &&
      atRevision(status, target.revision) &&
      status.syncStatus === 'Synced' &&
      !operationRunning(status)
    ) {
      logger.info(`${app.ref.label}: already Synced at ${short(target.revision)}; no sync needed`)
      return
    }
    try {
      const answer = await api.sync(app.ref, remaining(timing.request))
      if (answer.result === 'started') {
        // The answer carries the requested operation; the state read before the sync is stale.
        app.status = readAppStatus(answer.application)
        logger.info(`${app.ref.label}: sync requested`)
      } else {
        logger.info(
          `${app.ref.label}: another operation is already in progress; waiting for it instead`
        )
      }
    } catch (error) {
      if (!(error instanceof ArgoCdUnavailableError)) throw error
      // Without wait this is the only chance: the sync did not happen.
      if (!options.wait)
        throw new ArgoCdError(`Argo CD sync of ${app.ref.label} failed: ${error.message}`, {
          input: 'argocd-sync'
        })
      app.lastProblem = error.message
      logger.warning(
        `${app.ref.label}: sync request failed (${error.message}); waiting for auto-sync or a later sync`
      )
    }
  }

  const states = (): AppState[] =>
    apps.map((app) => stateOf(app, target, app.status ? 'refreshed' : 'unreachable'))

  // Refresh (and sync) every app first and together: a bad token or app name shows at once.
  const first = await Promise.allSettled(
    apps.map(async (app) => {
      logger.info(`${app.ref.label}: refreshing`)
      await refresh(app)
      if (app.status === undefined) await poll(app)
      if (app.status) report(app, app.status)
      if (options.sync) await startSync(app)
    })
  )
  const rejected = first.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (rejected) throw rejected.reason
  if (!options.wait) {
    for (const app of apps.filter((a) => a.status === undefined)) {
      logger.warning(`Argo CD app ${app.ref.label} could not be refreshed: ${app.lastProblem}`)
    }
    return states()
  }

  const results = new Map<Tracked, AppState>()
  for (const app of apps) {
    results.set(app, await waitFor(app))
  }
  return apps.map((app) => results.get(app) ?? stateOf(app, target, 'timed-out'))

  async function waitFor(app: Tracked): Promise<AppState> {
    const label = app.ref.label
    let successes = 0
    for (;;) {
      const status = app.status
      if (status) {
        report(app, status)
        const verdict = evaluateWait(status, target, app.refreshed)
        if (verdict.kind === 'failed') {
          throw waitError(`Argo CD app ${label} failed: ${verdict.reason}`, app, 'failed')
        }
        if (verdict.kind === 'superseded') {
          logger.warning(
            `Argo CD app ${label} is Synced at ${short(verdict.revision)}, not at the pushed ${short(target.revision)}: ` +
              `a newer commit was pushed, or the app does not track branch ${commit.branch}`
          )
          return stateOf(app, target, 'superseded')
        }
        if (verdict.kind === 'success') {
          // One more poll must agree: apps can flip to OutOfSync right after a sync (contract §6).
          successes++
          if (successes >= 2) {
            logger.info(`${label}: Synced and Healthy at ${short(target.revision)}`)
            return stateOf(app, target, 'deployed')
          }
        } else {
          if (successes > 0)
            logger.info(`${label}: no longer Synced and Healthy (${verdict.reason})`)
          successes = 0
        }
      }
      const now = clock.now()
      if (now >= deadline) {
        throw waitError(
          timeoutMessage(app, options.timeoutSeconds, target, commit.branch),
          app,
          'timed-out'
        )
      }
      const stale =
        status === undefined || (!atRevision(status, target.revision) && !operationRunning(status))
      if (stale && now - app.lastRefreshAt >= timing.refreshAgain) {
        logger.info(`${label}: still not at ${short(target.revision)}; refreshing again`)
        await refresh(app)
        continue
      }
      await clock.sleep(Math.min(timing.poll, deadline - now))
      await poll(app)
    }
  }

  function waitError(
    message: string,
    failing: Tracked,
    outcome: 'failed' | 'timed-out'
  ): ArgoCdWaitError {
    const all = apps.map((app) =>
      app === failing
        ? stateOf(app, target, outcome)
        : stateOf(app, target, app.status ? 'refreshed' : 'unreachable')
    )
    return new ArgoCdWaitError(message, all, { input: 'argocd-app' })
  }
}

function stateOf(app: Tracked, target: WaitTarget, outcome: AppState['outcome']): AppState {
  if (app.status) return toAppState(app.ref.label, app.status, target, outcome)
  return {
    app: app.ref.label,
    revision: '',
    syncStatus: 'Unknown',
    healthStatus: 'Unknown',
    outcome,
    ...(app.lastProblem === '' ? {} : { message: app.lastProblem })
  }
}

function timeoutMessage(app: Tracked, seconds: number, target: WaitTarget, branch: string): string {
  const head = `Argo CD app ${app.ref.label} was not Synced and Healthy at ${short(target.revision)} within ${seconds} s`
  if (!app.status) return `${head}; Argo CD could not be read: ${app.lastProblem || 'no answer'}`
  const last = `${head}; last seen ${describeStatus(app.status, target)}`
  const problem = app.lastProblem === '' ? '' : ` (last API problem: ${app.lastProblem})`
  if (!atRevision(app.status, target.revision)) {
    return `${last}${problem}. Argo CD has not picked up the commit: check that the Application's repoURL is this repository and its targetRevision is ${branch}, or raise argocd-timeout`
  }
  return `${last}${problem}`
}
