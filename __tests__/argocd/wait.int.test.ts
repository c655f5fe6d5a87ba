import { get } from 'node:https'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ArgoCdApiSettings, IsDescendant, PushedCommit } from '../../src/argocd/types.js'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { createHttpClient } from '../../src/lib/http.js'
import { waitForApps } from '../../src/argocd/wait.js'
import type { WaitDeps } from '../../src/argocd/wait.js'
import { ArgoCdWaitError } from '../../src/argocd/wait-error.js'
import { ArgoCdError } from '../../src/lib/errors.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { startFakeArgoCd } from '../support/fake-argocd.js'
import type { AppFrame, FakeApp, FakeArgoCd, FakeArgoCdOptions } from '../support/fake-argocd.js'
import { createFakeClock } from '../support/fake-clock.js'
import { createSelfSignedCert } from '../support/self-signed.js'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2VjcmV0LXNpZ25hdHVyZQ'
const PREVIOUS = '1'.repeat(40)
const OURS = '2'.repeat(40)
const NEWER = '3'.repeat(40)
const OLDER = '0'.repeat(40)
const commit: PushedCommit = {
  repoUrl: 'https://github.com/acme/gitops',
  branch: 'main',
  defaultBranch: 'main',
  before: PREVIOUS,
  after: OURS,
  files: ['helm/values.yaml'],
  message: 'release',
  authorName: 'bot',
  authorEmail: 'bot@example.com'
}
const atPrevious: AppFrame = {
  revision: PREVIOUS,
  sync: 'Synced',
  health: 'Healthy',
  phase: 'Succeeded',
  opRevision: PREVIOUS
}
const syncing: AppFrame = { revision: OURS, sync: 'OutOfSync', health: 'Healthy', phase: 'Running' }
const progressing: AppFrame = {
  revision: OURS,
  sync: 'Synced',
  health: 'Progressing',
  phase: 'Succeeded',
  finishedAt: 300,
  reconciledAt: 301
}
const deployed: AppFrame = {
  revision: OURS,
  sync: 'Synced',
  health: 'Healthy',
  phase: 'Succeeded',
  finishedAt: 300,
  reconciledAt: 305
}

// The commit graph of these tests: PREVIOUS <- OURS <- NEWER, and OLDER before PREVIOUS.
const history = [OLDER, PREVIOUS, OURS, NEWER]
const isDescendant: IsDescendant = (ancestor, commit) => {
  const a = history.indexOf(ancestor)
  const c = history.indexOf(commit)
  return Promise.resolve(a >= 0 && c >= a)
}

let fake: FakeArgoCd | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function run(
  apps: readonly FakeApp[],
  extra: Partial<ArgoCdApiSettings> = {},
  fakeOptions: Partial<FakeArgoCdOptions> = {},
  deps: Partial<WaitDeps> = {}
) {
  fake = await startFakeArgoCd({ token: TOKEN, apps, ...fakeOptions })
  const clock = createFakeClock()
  const logger = createMemoryLogger()
  const options: ArgoCdApiSettings = {
    server: fake.url,
    token: TOKEN,
    apps: apps.map((a) => parseAppRef(a.namespace ? `${a.namespace}/${a.name}` : a.name)),
    sync: false,
    wait: true,
    timeoutSeconds: 300,
    insecure: false,
    ...extra
  }
  const outcome = waitForApps(
    { ...options, commit },
    {
      logger,
      clock,
      isDescendant,
      // The composition root gives Argo CD a client with `argocd-insecure`.
      http: createHttpClient({ insecure: options.insecure }),
      ...deps
    }
  )
  return { outcome, clock, logger, fake }
}

async function failure(promise: Promise<unknown>): Promise<ArgoCdError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ArgoCdError) return error
    throw error
  }
  throw new Error('expected an ArgoCdError')
}

describe('waitForApps', () => {
  it('does not count Synced+Healthy at the previous commit', async () => {
    const { outcome, logger, clock } = await run([
      { name: 'web', frames: [atPrevious, atPrevious, atPrevious, syncing, deployed] }
    ])
    const [state] = await outcome
    expect(state).toMatchObject({
      app: 'web',
      revision: OURS,
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      outcome: 'deployed'
    })
    expect(logger.lines).toContain('info: web: at 1111111: Synced, Healthy, operation Succeeded')
    expect(clock.now()).toBeGreaterThanOrEqual(4 * 5000)
  })

  it('times out rather than succeed when the app stays at the previous commit', async () => {
    const { outcome, clock } = await run([{ name: 'web', frames: [atPrevious] }], {
      timeoutSeconds: 60
    })
    const error = await failure(outcome)
    expect(error).toBeInstanceOf(ArgoCdWaitError)
    expect(error.message).toMatch(
      /web was not Synced and Healthy at 2222222 within 60 s; last seen at 1111111: Synced, Healthy/
    )
    expect(error.message).toMatch(/targetRevision is main/)
    expect(error instanceof ArgoCdWaitError ? error.apps : []).toEqual([
      expect.objectContaining({ app: 'web', revision: PREVIOUS, outcome: 'timed-out' })
    ])
    expect(clock.now()).toBe(60_000)
  })

  it('succeeds after Progressing then Healthy at our commit, logging each change once', async () => {
    const {
      outcome,
      logger,
      fake: server
    } = await run([
      { name: 'web', frames: [atPrevious, syncing, progressing, progressing, deployed] }
    ])
    expect(await outcome).toEqual([
      {
        app: 'web',
        revision: OURS,
        syncStatus: 'Synced',
        healthStatus: 'Healthy',
        operationPhase: 'Succeeded',
        outcome: 'deployed'
      }
    ])
    const states = logger.lines.filter((l) => l.startsWith('info: web: at '))
    expect(states).toEqual([
      'info: web: at 1111111: Synced, Healthy, operation Succeeded',
      'info: web: at 2222222 (ours): OutOfSync, Healthy, operation Running',
      'info: web: at 2222222 (ours): Synced, Progressing, operation Succeeded',
      'info: web: at 2222222 (ours): Synced, Healthy, operation Succeeded'
    ])
    expect(server.requests[0]?.query).toEqual({ refresh: 'normal' })
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true)
  })

  it('waits for the reconcile that follows the sync', async () => {
    const notReconciled: AppFrame = { ...deployed, finishedAt: 300, reconciledAt: 290 }
    const { outcome, fake: server } = await run([
      { name: 'web', frames: [notReconciled, notReconciled, notReconciled, deployed] }
    ])
    await outcome
    expect(server.requests.length).toBeGreaterThanOrEqual(5)
  })

  it('needs a second look before success, and says when the app flips back', async () => {
    const flipped: AppFrame = { ...deployed, sync: 'OutOfSync' }
    const {
      outcome,
      logger,
      fake: server
    } = await run([{ name: 'web', frames: [deployed, flipped, deployed] }])
    expect((await outcome)[0]?.outcome).toBe('deployed')
    expect(logger.lines).toContain('info: web: no longer Synced and Healthy (OutOfSync)')
    expect(server.requests).toHaveLength(4)
  })

  it('fails fast when the sync of our commit fails', async () => {
    const failed: AppFrame = {
      revision: OURS,
      sync: 'OutOfSync',
      health: 'Healthy',
      phase: 'Failed',
      message: 'one or more objects failed to apply'
    }
    const { outcome, clock } = await run([{ name: 'web', frames: [atPrevious, syncing, failed] }])
    const error = await failure(outcome)
    expect(error).toBeInstanceOf(ArgoCdWaitError)
    expect(error.message).toBe(
      'Argo CD app web failed: the sync to 2222222 ended Failed: one or more objects failed to apply'
    )
    expect(error instanceof ArgoCdWaitError ? error.apps[0] : undefined).toMatchObject({
      outcome: 'failed',
      operationPhase: 'Failed',
      failure: {
        kind: 'sync-failed',
        revision: OURS,
        phase: 'Failed',
        message: 'one or more objects failed to apply'
      }
    })
    expect(clock.now()).toBeLessThanOrEqual(2 * 5000)
  })

  it('fails when the app turns Degraded at our commit, saying why and where each app is', async () => {
    const degraded: AppFrame = {
      ...deployed,
      health: 'Degraded',
      message: 'successfully synced',
      healthMessage: 'Deployment "web" exceeded its progress deadline'
    }
    const { outcome } = await run([
      { name: 'web', frames: [atPrevious, syncing, degraded] },
      { name: 'api', frames: [atPrevious] }
    ])
    const error = await failure(outcome)
    expect(error.message).toBe(
      'Argo CD app web failed: the app is Degraded at 2222222: Deployment/web: Deployment "web" exceeded its progress deadline'
    )
    expect(error instanceof ArgoCdWaitError ? error.apps : []).toEqual([
      expect.objectContaining({
        app: 'web',
        revision: OURS,
        healthStatus: 'Degraded',
        outcome: 'failed',
        failure: {
          kind: 'degraded',
          revision: OURS,
          message: 'Deployment/web: Deployment "web" exceeded its progress deadline'
        }
      }),
      // Not waited for yet: where Argo CD stands, without a failure of its own.
      expect.objectContaining({ app: 'api', revision: PREVIOUS, outcome: 'refreshed' })
    ])
    expect(error instanceof ArgoCdWaitError ? error.failed.map((a) => a.app) : []).toEqual(['web'])
  })

  it('can run again in the same run for another commit, with a deadline of its own', async () => {
    const ROLLBACK = '4'.repeat(40)
    const atRollback: AppFrame = { ...deployed, revision: ROLLBACK, opRevision: ROLLBACK }
    const { outcome, clock, logger } = await run(
      [
        {
          name: 'web',
          frames: [
            atPrevious,
            syncing,
            syncing,
            syncing,
            deployed,
            deployed,
            syncing,
            syncing,
            atRollback
          ]
        }
      ],
      { timeoutSeconds: 30 }
    )
    expect((await outcome)[0]).toMatchObject({ revision: OURS, outcome: 'deployed' })
    const firstEnded = clock.now()
    expect(firstEnded).toBeGreaterThanOrEqual(20_000)
    const rollback: PushedCommit = { ...commit, before: OURS, after: ROLLBACK }
    const again = await waitForApps(
      {
        server: fake?.url ?? '',
        token: TOKEN,
        apps: [parseAppRef('web')],
        sync: false,
        wait: true,
        timeoutSeconds: 30,
        insecure: false,
        commit: rollback
      },
      { logger, clock, isDescendant, http: createHttpClient() }
    )
    expect(again[0]).toMatchObject({ revision: ROLLBACK, outcome: 'deployed' })
    // Together longer than one timeout: each call counts its own.
    expect(clock.now()).toBeGreaterThan(30_000)
    expect(logger.lines).toContain('info: web: Synced and Healthy at 4444444')
  })

  it('names the last state when nothing changes within the timeout', async () => {
    const stuck: AppFrame = {
      revision: OURS,
      sync: 'OutOfSync',
      health: 'Progressing',
      phase: 'Running',
      message: 'waiting for healthy state of apps/Deployment/web'
    }
    const { outcome, clock } = await run([{ name: 'web', frames: [stuck] }], { timeoutSeconds: 30 })
    const error = await failure(outcome)
    expect(error.message).toBe(
      'Argo CD app web was not Synced and Healthy at 2222222 within 30 s; last seen at 2222222 (ours): OutOfSync, Progressing, operation Running: waiting for healthy state of apps/Deployment/web'
    )
    expect(clock.now()).toBe(30_000)
  })

  it('counts a newer commit that contains ours, Synced and Healthy, as deployed', async () => {
    const newer: AppFrame = { revision: NEWER, sync: 'Synced', health: 'Healthy' }
    const asked: string[] = []
    const { outcome, logger } = await run(
      [{ name: 'web', frames: [atPrevious, newer] }],
      {},
      {},
      {
        isDescendant: (ancestor, revision) => {
          asked.push(`${ancestor.slice(0, 1)}..${revision.slice(0, 1)}`)
          return isDescendant(ancestor, revision)
        }
      }
    )
    expect((await outcome)[0]).toMatchObject({
      revision: NEWER,
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      outcome: 'superseded'
    })
    expect(logger.lines).toContain(
      'info: web: Synced and Healthy at 3333333, a newer commit that contains 2222222: a newer commit was pushed after ours and is deployed'
    )
    // Asked once for the newer revision; never for the previous tip, which cannot contain ours.
    expect(asked).toEqual(['2..3'])
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([])
  })

  it('does not count an older commit that another job left Synced and Healthy', async () => {
    // Another job pushed PREVIOUS (our push's parent) after OLDER; Argo CD still reports OLDER.
    const atOlder: AppFrame = { ...atPrevious, revision: OLDER, opRevision: OLDER }
    const { outcome, clock, logger } = await run([{ name: 'web', frames: [atOlder] }], {
      timeoutSeconds: 60
    })
    const error = await failure(outcome)
    expect(error).toBeInstanceOf(ArgoCdWaitError)
    expect(error.message).toMatch(
      /^Argo CD app web was not Synced and Healthy at 2222222 within 60 s; last seen at 0000000: Synced, Healthy/
    )
    expect(clock.now()).toBe(60_000)
    const apps = error instanceof ArgoCdWaitError ? error.failed : []
    expect(apps).toEqual([
      expect.objectContaining({
        app: 'web',
        revision: OLDER,
        syncStatus: 'Synced',
        healthStatus: 'Healthy',
        outcome: 'timed-out',
        failure: {
          kind: 'timed-out',
          seconds: 60,
          lastSeen: 'at 0000000: Synced, Healthy, operation Succeeded'
        }
      })
    ])
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([])
  })

  it('succeeds once Argo CD moves from the older commit to ours', async () => {
    const atOlder: AppFrame = { ...atPrevious, revision: OLDER, opRevision: OLDER }
    const { outcome } = await run([{ name: 'web', frames: [atOlder, atOlder, syncing, deployed] }])
    expect((await outcome)[0]).toMatchObject({ revision: OURS, outcome: 'deployed' })
  })

  it('keeps waiting when the ancestry check fails', async () => {
    const newer: AppFrame = { revision: NEWER, sync: 'Synced', health: 'Healthy' }
    const { outcome, logger } = await run(
      [{ name: 'web', frames: [newer] }],
      { timeoutSeconds: 20 },
      {},
      { isDescendant: () => Promise.reject(new Error('commit 3333333 not fetched')) }
    )
    expect(await failure(outcome)).toBeInstanceOf(ArgoCdWaitError)
    expect(
      logger.lines.filter((l) => l.includes('Could not tell whether 3333333 contains 2222222'))
    ).toHaveLength(1)
  })

  it.each<[string, Partial<FakeArgoCdOptions>, Partial<ArgoCdApiSettings>, string, RegExp]>([
    [
      '401 for a bad token',
      {},
      { token: 'eyJ.eyJ.bad' },
      'argocd-token',
      /rejected argocd-token while refreshing web \(HTTP 401: invalid session/
    ],
    [
      '404 for an unknown app',
      {},
      { apps: [parseAppRef('nope')] },
      'argocd-app',
      /has no application nope \(HTTP 404: applications\.argoproj\.io "nope" not found\)/
    ],
    [
      '403 for an app out of reach',
      { unknownAppStatus: 403 },
      { apps: [parseAppRef('nope')] },
      'argocd-app',
      /denied refreshing nope \(HTTP 403: permission denied.*RBAC/
    ]
  ])('fails at once on %s', async (_name, fakeOptions, extra, input, message) => {
    const {
      outcome,
      clock,
      fake: server
    } = await run([{ name: 'web', frames: [atPrevious] }], extra, fakeOptions)
    const error = await failure(outcome)
    expect(error).not.toBeInstanceOf(ArgoCdWaitError)
    expect(error.location.input).toBe(input)
    expect(error.message).toMatch(message)
    expect(error.message).toContain(server.url)
    expect(clock.sleeps).toEqual([])
  })

  it('says when argocd-server is not the API (the web UI answers)', async () => {
    fake = await startFakeArgoCd({ token: TOKEN, apps: [] })
    const options: ArgoCdApiSettings = {
      server: `${fake.url}/ui`,
      token: TOKEN,
      apps: [parseAppRef('web')],
      sync: false,
      wait: true,
      timeoutSeconds: 60,
      insecure: false
    }
    const error = await failure(
      waitForApps(
        { ...options, commit },
        {
          logger: createMemoryLogger(),
          clock: createFakeClock(),
          isDescendant,
          http: createHttpClient()
        }
      )
    )
    expect(error.location.input).toBe('argocd-server')
    expect(error.message).toMatch(/not JSON \(text\/html; charset=utf-8\)/)
  })

  it('uses appNamespace for NAMESPACE/NAME and sends exactly application/json on POST', async () => {
    const app: FakeApp = {
      name: 'web',
      namespace: 'team-a',
      frames: [atPrevious],
      afterSync: [syncing, deployed]
    }
    const {
      outcome,
      logger,
      fake: server
    } = await run([app], { sync: true }, { rootPath: '/argocd' })
    expect((await outcome)[0]).toMatchObject({ app: 'team-a/web', outcome: 'deployed' })
    const gets = server.requests.filter((r) => r.method === 'GET')
    expect(
      gets.every(
        (r) => r.path === '/argocd/api/v1/applications/web' && r.query.appNamespace === 'team-a'
      )
    ).toBe(true)
    const [post] = server.requests.filter((r) => r.method === 'POST')
    expect(post?.path).toBe('/argocd/api/v1/applications/web/sync')
    expect(post?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(post?.body ?? '')).toEqual({ appNamespace: 'team-a' })
    expect(logger.lines).toContain('info: team-a/web: sync requested')
  })

  it('takes "another operation is already in progress" as someone syncing', async () => {
    const {
      outcome,
      logger,
      fake: server
    } = await run([{ name: 'web', frames: [atPrevious, syncing, deployed] }], { sync: true })
    expect((await outcome)[0]?.outcome).toBe('deployed')
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(logger.lines).toContain(
      'info: web: another operation is already in progress; waiting for it instead'
    )
  })

  it('judges the state after its own sync, not an older failed attempt', async () => {
    const failedBefore: AppFrame = {
      revision: OURS,
      sync: 'OutOfSync',
      health: 'Healthy',
      phase: 'Failed',
      message: 'old'
    }
    const app: FakeApp = { name: 'web', frames: [failedBefore], afterSync: [syncing, deployed] }
    const { outcome } = await run([app], { sync: true })
    expect((await outcome)[0]?.outcome).toBe('deployed')
  })

  it('warns, without failing, when Argo CD cannot be reached and there is no wait', async () => {
    const gone = await startFakeArgoCd({ token: TOKEN, apps: [] })
    await gone.close()
    const logger = createMemoryLogger()
    const options: ArgoCdApiSettings = {
      server: gone.url,
      token: TOKEN,
      apps: [parseAppRef('web')],
      sync: false,
      wait: false,
      timeoutSeconds: 60,
      insecure: false
    }
    const states = await waitForApps(
      { ...options, commit },
      { logger, clock: createFakeClock(), isDescendant, http: createHttpClient() }
    )
    expect(states).toEqual([
      expect.objectContaining({
        app: 'web',
        outcome: 'unreachable',
        message: expect.stringContaining('ECONNREFUSED') as unknown
      })
    ])
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([
      expect.stringMatching(/^warning: Argo CD app web could not be refreshed: .*ECONNREFUSED/)
    ])
  })

  it('does not sync while an operation runs', async () => {
    const {
      outcome,
      logger,
      fake: server
    } = await run([{ name: 'web', frames: [syncing, deployed] }], { sync: true })
    await outcome
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    expect(logger.lines).toContain(
      'info: web: an operation is already running (auto-sync?); not starting another'
    )
  })

  it('only refreshes without argocd-wait', async () => {
    const {
      outcome,
      fake: server,
      clock
    } = await run(
      [
        { name: 'web', frames: [atPrevious] },
        { name: 'api', frames: [syncing] }
      ],
      { wait: false }
    )
    expect(await outcome).toEqual([
      expect.objectContaining({ app: 'web', revision: PREVIOUS, outcome: 'refreshed' }),
      expect.objectContaining({
        app: 'api',
        revision: OURS,
        outcome: 'refreshed',
        operationPhase: 'Running'
      })
    ])
    expect(server.requests.map((r) => r.query.refresh)).toEqual(['normal', 'normal'])
    expect(clock.sleeps).toEqual([])
  })

  it('polls when the refresh fails, and refreshes again while the commit is not seen', async () => {
    const app: FakeApp = {
      name: 'web',
      frames: [atPrevious, ...Array<AppFrame>(12).fill(atPrevious), syncing, deployed],
      refreshStatus: 503
    }
    const { outcome, logger, fake: server } = await run([app])
    expect((await outcome)[0]?.outcome).toBe('deployed')
    expect(logger.lines.join('\n')).toContain(
      'web: refresh did not complete (refreshing web: HTTP 503'
    )
    expect(logger.lines).toContain('info: web: still not at 2222222; refreshing again')
    expect(
      server.requests.filter((r) => r.query.refresh === 'normal').length
    ).toBeGreaterThanOrEqual(2)
  })

  it('gives up on a refresh that hangs and polls instead', async () => {
    const app: FakeApp = { name: 'web', frames: [deployed], refreshDelayMs: 1500 }
    const { outcome, logger } = await run([app], {}, {}, { timing: { refreshTimeoutMs: 200 } })
    expect((await outcome)[0]?.outcome).toBe('deployed')
    expect(
      logger.lines.some((l) => /refresh did not complete .*no answer within 1 s/.test(l))
    ).toBe(true)
  })

  it('waits for every app, in order, within one deadline', async () => {
    const { outcome } = await run([
      { name: 'web', frames: [atPrevious, syncing, deployed] },
      { name: 'api', namespace: 'team-b', frames: [progressing, deployed] }
    ])
    expect((await outcome).map((s) => `${s.app}:${s.outcome}`)).toEqual([
      'web:deployed',
      'team-b/api:deployed'
    ])
  })

  it('never logs the token', async () => {
    const { outcome, logger } = await run([{ name: 'web', frames: [deployed] }])
    expect((await outcome)[0]?.outcome).toBe('deployed')
    expect(logger.lines.join('\n')).not.toContain(TOKEN)
  })
})

const tls = createSelfSignedCert()
const describeTls = tls ? describe : describe.skip

describeTls('waitForApps over TLS with a self-signed certificate', () => {
  it('refuses the certificate by default, naming argocd-insecure', async () => {
    const { outcome, clock } = await run([{ name: 'web', frames: [deployed] }], {}, { tls })
    const error = await failure(outcome)
    expect(error.location.input).toBe('argocd-insecure')
    expect(error.message).toMatch(
      /TLS verification failed .*self-signed certificate.*argocd-insecure: true/
    )
    expect(clock.sleeps).toEqual([])
  })

  it('accepts it with argocd-insecure, for its own requests only', async () => {
    const { outcome, fake: server } = await run(
      [{ name: 'web', frames: [deployed] }],
      { insecure: true },
      { tls }
    )
    expect((await outcome)[0]?.outcome).toBe('deployed')
    expect(server.url).toMatch(/^https:/)
    // Node's global agent still verifies certificates.
    const plain = await new Promise<string>((resolve) => {
      get(`${server.url}/`, () => {
        resolve('answered')
      }).on('error', (error: NodeJS.ErrnoException) => {
        resolve(error.code ?? 'error')
      })
    })
    expect(plain).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
  })
})
