import { ArgoCdError, errorMessage } from '../lib/errors.js'
import type { Logger } from '../lib/logger.js'
import type { Clock } from '../lib/clock.js'
import type { HttpClient } from '../lib/http-client.js'
import { shortSha } from '../lib/text.js'
import type { AppRef } from './app-ref.js'
import { readAppStatus } from './app-status.js'
import type { AppStatus } from './app-status.js'
import { ArgoCdUnavailableError, createArgoCdApi } from './argocd-api.js'
import type { ArgoCdApi } from './argocd-api.js'
import type { AppFailure, AppOutcome, AppState, IsDescendant, WaitOptions } from './types.js'
import { ArgoCdWaitError } from './wait-error.js'
import {
  atRevision,
  describeStatus,
  evaluateWait,
  operationRunning,
  reportedShas,
  sameSha,
  toAppState
} from './wait-state.js'
import type { Verdict, WaitTarget } from './wait-state.js'

/** How often and how long the wait asks Argo CD. */
interface WaitTiming {
  /** Between polls of one app. */
  readonly pollMs: number
  /** Longest `GET ?refresh=normal`, which blocks until the refresh is done. */
  readonly refreshTimeoutMs: number
  /** Longest plain GET or POST. */
  readonly requestTimeoutMs: number
  /** Refresh again when the app is still not at the commit after this long. */
  readonly refreshAgainMs: number
}

/** The timing used unless the deps say otherwise. */
const DEFAULT_WAIT_TIMING: WaitTiming = {
  pollMs: 5000,
  refreshTimeoutMs: 60_000,
  requestTimeoutMs: 30_000,
  refreshAgainMs: 45_000
}

/** What waitForApps works with; tests pass fakes. */
export interface WaitDeps {
  readonly logger: Logger
  readonly clock: Clock
  /** Whether a revision Argo CD reports contains the awaited commit (see IsDescendant). */
  readonly isDescendant: IsDescendant
  /** The action's HTTP client (with `insecure` when the settings say so). */
  readonly http: HttpClient
  readonly timing?: Partial<WaitTiming>
}

/** One app being waited for. */
interface Tracked {
  readonly ref: AppRef
  status: AppStatus | undefined
  lastRefreshAt: number
  /** The last API problem ('' after a good answer). */
  lastProblem: string
  /** The state line logged last, so each change is logged once. */
  lastLine: string
  /** Consecutive observations judged a success. */
  successes: number
}

/** Everything one wait works over: its options, deps, the API and the state of each app. */
interface WaitContext {
  readonly options: WaitOptions
  readonly logger: Logger
  readonly clock: Clock
  readonly isDescendant: IsDescendant
  readonly api: ArgoCdApi
  readonly timing: WaitTiming
  readonly target: WaitTarget
  readonly deadline: number
  readonly apps: readonly Tracked[]
  /** Answers of isDescendant(ours, revision), asked once per revision. */
  readonly ancestry: Map<string, Promise<boolean>>
}

/** The verdict for one observation, and the revision that counted when it is a success. */
type Judged = Verdict & { readonly via?: string }

/**
 * Refreshes each app (`GET ?refresh=normal`), syncs it when `sync` is set, and with `wait`
 * waits until it is Synced and Healthy at `options.commit.after`, or at a newer commit that
 * contains it, all within `timeoutSeconds`. Returns each app's state as it came. Throws
 * ArgoCdError at once for 401/403/404 (PlainHttpTokenError before any request when the token
 * would go over plain http), and ArgoCdWaitError, carrying each app's state and why it failed,
 * when a sync fails, an app is Degraded or time runs out. May be called again in the same run
 * for another commit (a rollback commit); each call has its own deadline.
 */
export async function waitForApps(options: WaitOptions, deps: WaitDeps): Promise<AppState[]> {
  const ctx = createContext(options, deps)
  // Refresh (and sync) every app first and together: a bad token or app name shows at once.
  const first = await Promise.allSettled(ctx.apps.map((app) => firstLook(ctx, app)))
  const rejected = first.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (rejected) throw rejected.reason
  if (!options.wait) return refreshOnly(ctx)
  const results: AppState[] = []
  for (const app of ctx.apps) results.push(await waitForApp(ctx, app))
  return results
}

function createContext(options: WaitOptions, deps: WaitDeps): WaitContext {
  const api = createArgoCdApi(
    { server: options.server, token: options.token, insecure: options.insecure },
    deps.http
  )
  const now = deps.clock.now()
  return {
    options,
    logger: deps.logger,
    clock: deps.clock,
    isDescendant: deps.isDescendant,
    api,
    timing: { ...DEFAULT_WAIT_TIMING, ...deps.timing },
    target: { revision: options.commit.after, previous: options.commit.before },
    deadline: now + options.timeoutSeconds * 1000,
    apps: options.apps.map((app) => ({
      ref: app,
      status: undefined,
      lastRefreshAt: now,
      lastProblem: '',
      lastLine: '',
      successes: 0
    })),
    ancestry: new Map()
  }
}

// A request's timeout: its own cap, cut to what is left of the deadline (at least 1 s, so the
// last poll still gets an answer).
function remaining(ctx: WaitContext, cap: number): number {
  return Math.max(1000, Math.min(cap, ctx.deadline - ctx.clock.now()))
}

async function firstLook(ctx: WaitContext, app: Tracked): Promise<void> {
  ctx.logger.info(`${app.ref.label}: refreshing`)
  await refresh(ctx, app)
  if (app.status === undefined) await poll(ctx, app)
  if (app.status) report(ctx, app, app.status)
  if (ctx.options.sync) await startSync(ctx, app)
}

function refreshOnly(ctx: WaitContext): AppState[] {
  for (const app of ctx.apps.filter((a) => a.status === undefined)) {
    ctx.logger.warning(`Argo CD app ${app.ref.label} could not be refreshed: ${app.lastProblem}`)
  }
  return ctx.apps.map((app) => stateOf(ctx, app, app.status ? 'refreshed' : 'unreachable'))
}

function report(ctx: WaitContext, app: Tracked, status: AppStatus): void {
  const line = describeStatus(status, ctx.target)
  if (line !== app.lastLine) ctx.logger.info(`${app.ref.label}: ${line}`)
  app.lastLine = line
}

async function refresh(ctx: WaitContext, app: Tracked): Promise<void> {
  app.lastRefreshAt = ctx.clock.now()
  try {
    const timeoutMs = remaining(ctx, ctx.timing.refreshTimeoutMs)
    app.status = readAppStatus(await ctx.api.getApp(app.ref, { refresh: true, timeoutMs }))
  } catch (error) {
    if (!(error instanceof ArgoCdUnavailableError)) throw error
    app.lastProblem = error.message
    ctx.logger.info(
      `${app.ref.label}: refresh did not complete (${error.message}); polling instead`
    )
  }
}

async function poll(ctx: WaitContext, app: Tracked): Promise<void> {
  try {
    const timeoutMs = remaining(ctx, ctx.timing.requestTimeoutMs)
    app.status = readAppStatus(await ctx.api.getApp(app.ref, { refresh: false, timeoutMs }))
    app.lastProblem = ''
  } catch (error) {
    if (!(error instanceof ArgoCdUnavailableError)) throw error
    if (app.lastProblem !== error.message)
      ctx.logger.info(`${app.ref.label}: Argo CD unavailable (${error.message}); retrying`)
    app.lastProblem = error.message
  }
}

// Why no sync is needed now, or '' when one should be requested.
function noSyncReason(ctx: WaitContext, status: AppStatus | undefined): string {
  if (status === undefined) return ''
  if (status.operationRequested || (status.operation && status.operation.finishedAt === undefined))
    return 'an operation is already running (auto-sync?); not starting another'
  const ours = ctx.target.revision
  if (atRevision(status, ours) && status.syncStatus === 'Synced' && !operationRunning(status))
    return `already Synced at ${shortSha(ours)}; no sync needed`
  return ''
}

async function startSync(ctx: WaitContext, app: Tracked): Promise<void> {
  const label = app.ref.label
  const skip = noSyncReason(ctx, app.status)
  if (skip !== '') {
    ctx.logger.info(`${label}: ${skip}`)
    return
  }
  try {
    const answer = await ctx.api.sync(app.ref, remaining(ctx, ctx.timing.requestTimeoutMs))
    if (answer.result === 'started') {
      // The answer carries the requested operation; the state read before the sync is stale.
      app.status = readAppStatus(answer.application)
      ctx.logger.info(`${label}: sync requested`)
    } else {
      ctx.logger.info(`${label}: another operation is already in progress; waiting for it instead`)
    }
  } catch (error) {
    if (!(error instanceof ArgoCdUnavailableError)) throw error
    // Without wait this is the only chance: the sync did not happen.
    if (!ctx.options.wait)
      throw new ArgoCdError(`Argo CD sync of ${label} failed: ${error.message}`, {
        input: 'argocd-sync'
      })
    app.lastProblem = error.message
    ctx.logger.warning(
      `${label}: sync request failed (${error.message}); waiting for auto-sync or a later sync`
    )
  }
}

// isDescendant(ours, revision), asked once per revision; a failed check counts as "no" (the
// wait goes on), and says why once.
function descendsFromOurs(ctx: WaitContext, revision: string): Promise<boolean> {
  const key = revision.toLowerCase()
  let answer = ctx.ancestry.get(key)
  if (answer === undefined) {
    answer = ctx.isDescendant(ctx.target.revision, revision).catch((error: unknown) => {
      ctx.logger.info(
        `Could not tell whether ${shortSha(revision)} contains ${shortSha(ctx.target.revision)} ` +
          `(${errorMessage(error)}); waiting for ${shortSha(ctx.target.revision)} itself`
      )
      return false
    })
    ctx.ancestry.set(key, answer)
  }
  return answer
}

/**
 * Judges the app's state: at our commit by the usual rules; at a newer commit that contains ours
 * by the same rules for that commit; at any other revision (an older commit, or one from another
 * line of history) it is pending, however Synced and Healthy it looks.
 */
async function judge(ctx: WaitContext, status: AppStatus): Promise<Judged> {
  const { target } = ctx
  if (atRevision(status, target.revision)) return evaluateWait(status, target)
  for (const revision of reportedShas(status)) {
    if (sameSha(revision, target.previous)) continue
    if (await descendsFromOurs(ctx, revision)) {
      const verdict = evaluateWait(status, { ...target, revision })
      return verdict.kind === 'success' ? { ...verdict, via: revision } : verdict
    }
  }
  const verdict = evaluateWait(status, target)
  return verdict.kind === 'pending' &&
    status.revision !== '' &&
    !sameSha(status.revision, target.previous)
    ? { kind: 'pending', reason: `${verdict.reason} nor a commit after it` }
    : verdict
}

async function waitForApp(ctx: WaitContext, app: Tracked): Promise<AppState> {
  for (;;) {
    const status = app.status
    if (status) {
      report(ctx, app, status)
      const done = settle(ctx, app, await judge(ctx, status))
      if (done) return done
    }
    const now = ctx.clock.now()
    if (now >= ctx.deadline) throw timedOut(ctx, app)
    if (shouldRefreshAgain(ctx, app, now)) {
      ctx.logger.info(
        `${app.ref.label}: still not at ${shortSha(ctx.target.revision)}; refreshing again`
      )
      await refresh(ctx, app)
      continue
    }
    await ctx.clock.sleep(Math.min(ctx.timing.pollMs, ctx.deadline - now))
    await poll(ctx, app)
  }
}

// Acts on a verdict: the final state when the app is done, undefined to keep waiting.
function settle(ctx: WaitContext, app: Tracked, verdict: Judged): AppState | undefined {
  const label = app.ref.label
  if (verdict.kind === 'failed') {
    throw failedWait(ctx, `Argo CD app ${label} failed: ${verdict.reason}`, app, verdict.failure)
  }
  if (verdict.kind === 'pending') {
    if (app.successes > 0)
      ctx.logger.info(`${label}: no longer Synced and Healthy (${verdict.reason})`)
    app.successes = 0
    return undefined
  }
  // One more poll must agree: apps can flip to OutOfSync right after a sync (mutating webhooks,
  // defaulted fields), so a single Synced is not trusted.
  app.successes++
  if (app.successes < 2) return undefined
  const ours = shortSha(ctx.target.revision)
  if (verdict.via === undefined) {
    ctx.logger.info(`${label}: Synced and Healthy at ${ours}`)
    return stateOf(ctx, app, 'deployed')
  }
  ctx.logger.info(
    `${label}: Synced and Healthy at ${shortSha(verdict.via)}, a newer commit that contains ${ours}: ` +
      'a newer commit was pushed after ours and is deployed'
  )
  return stateOf(ctx, app, 'superseded')
}

// Webhooks are best effort: ask again when the app has not looked at the branch for a while.
function shouldRefreshAgain(ctx: WaitContext, app: Tracked, now: number): boolean {
  const status = app.status
  const stale =
    status === undefined || (!atRevision(status, ctx.target.revision) && !operationRunning(status))
  return stale && now - app.lastRefreshAt >= ctx.timing.refreshAgainMs
}

function failedWait(
  ctx: WaitContext,
  message: string,
  failing: Tracked,
  failure: AppFailure
): ArgoCdWaitError {
  const apps = ctx.apps.map((app) =>
    app === failing
      ? stateOf(ctx, app, failure.kind === 'timed-out' ? 'timed-out' : 'failed', failure)
      : stateOf(ctx, app, app.status ? 'refreshed' : 'unreachable')
  )
  return new ArgoCdWaitError(message, apps, { input: 'argocd-app' })
}

function timedOut(ctx: WaitContext, app: Tracked): ArgoCdWaitError {
  const seconds = ctx.options.timeoutSeconds
  const ours = shortSha(ctx.target.revision)
  const head = `Argo CD app ${app.ref.label} was not Synced and Healthy at ${ours} within ${seconds} s`
  if (!app.status) {
    const why = `Argo CD could not be read: ${app.lastProblem || 'no answer'}`
    return failedWait(ctx, `${head}; ${why}`, app, { kind: 'timed-out', seconds, lastSeen: why })
  }
  const lastSeen = describeStatus(app.status, ctx.target)
  const problem = app.lastProblem === '' ? '' : ` (last API problem: ${app.lastProblem})`
  const hint = atRevision(app.status, ctx.target.revision)
    ? ''
    : ". Argo CD has not picked up the commit: check that the Application's repoURL is this " +
      `repository and its targetRevision is ${ctx.options.commit.branch}, or raise argocd-timeout`
  return failedWait(ctx, `${head}; last seen ${lastSeen}${problem}${hint}`, app, {
    kind: 'timed-out',
    seconds,
    lastSeen
  })
}

function stateOf(
  ctx: WaitContext,
  app: Tracked,
  outcome: AppOutcome,
  failure?: AppFailure
): AppState {
  const why = failure === undefined ? {} : { failure }
  if (app.status) return { ...toAppState(app.ref.label, app.status, ctx.target, outcome), ...why }
  return {
    app: app.ref.label,
    revision: '',
    syncStatus: 'Unknown',
    healthStatus: 'Unknown',
    outcome,
    ...(app.lastProblem === '' ? {} : { message: app.lastProblem }),
    ...why
  }
}
