import { parseAppRef } from '../../src/argocd/app-ref.js'
import { createHttpClient } from '../../src/lib/http.js'
import { describe, expect, it } from '@jest/globals'
import type { AppRef } from '../../src/argocd/app-ref.js'
import { ArgoCdUnavailableError, type ArgoCdApi } from '../../src/argocd/argocd-api.js'
import { ArgoCdError } from '../../src/lib/errors.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { waitForGate, type GateOptions } from '../../src/promote/gate.js'
import { application, startFakeArgoCd, type AppFrame } from '../support/fake-argocd.js'
import { createFakeClock } from '../support/fake-clock.js'

const R1 = '1'.repeat(40)
const R2 = '2'.repeat(40)
const good: AppFrame = { revision: R1, sync: 'Synced', health: 'Healthy', phase: 'Succeeded' }

/** An ArgoCdApi whose apps answer from scripted frames, one per GET, the last repeating. */
function fakeApi(scripts: Record<string, (AppFrame | 'unavailable')[]>) {
  const gets: string[] = []
  const api: ArgoCdApi = {
    getApp: (app: AppRef, options) => {
      gets.push(`${app.label}${options.refresh ? ' (refresh)' : ''}`)
      const frames = scripts[app.label] ?? []
      const frame = frames.length > 1 ? frames.shift() : frames[0]
      if (frame === undefined) return Promise.reject(new Error(`no script for ${app.label}`))
      if (frame === 'unavailable') return Promise.reject(new ArgoCdUnavailableError('HTTP 503'))
      return Promise.resolve(application({ name: app.name, frames: [] }, frame))
    },
    sync: () => Promise.reject(new Error('the gate never syncs'))
  }
  return { api, gets }
}

const options: GateOptions = {
  environment: 'dev',
  apps: [parseAppRef('web'), parseAppRef('team/worker')],
  server: 'https://argocd.example.com',
  token: 'a.b.c',
  insecure: false,
  timeoutSeconds: 60
}

describe('waitForGate', () => {
  it('waits until every app runs the candidate twice in a row, asking git once per revision', async () => {
    const { api, gets } = fakeApi({
      web: [{ ...good, revision: R2 }, 'unavailable', good],
      'team/worker': [{ ...good, phase: 'Running' }, good]
    })
    const asked: string[] = []
    const clock = createFakeClock()
    const logger = createMemoryLogger()
    const result = await waitForGate(options, {
      api,
      clock,
      logger,
      holdsCandidate: (revision) => {
        asked.push(revision)
        return Promise.resolve(revision === R1)
      }
    })
    expect(result.revision).toBe(R1)
    expect(result.applications.map((a) => a.app)).toEqual(['web', 'team/worker'])
    expect(asked).toEqual([R2, R1])
    expect(gets.slice(0, 2)).toEqual(['web (refresh)', 'team/worker (refresh)'])
    expect(gets).toHaveLength(8)
    expect(clock.sleeps).toEqual([5000, 5000, 5000])
    expect(logger.lines.join('\n')).toMatch(/dev\/web: .*does not hold the candidate/)
  })

  it.each([
    ['finished long ago and reconciled since: at once', 100, 200, 1],
    ['finished a moment ago: confirmed by a second round', 299, 300, 2],
    ['without a wall clock: confirmed by a second round', 100, 200, 2, false]
  ])('counts a settled pass %s', async (_label, finishedAt, reconciledAt, rounds, wall = true) => {
    const frame = { ...good, finishedAt, reconciledAt }
    const { api, gets } = fakeApi({ web: [frame], 'team/worker': [frame] })
    const clock = createFakeClock()
    // The fake's times are seconds after 2026-01-01; "now" is 300 s after it.
    const nowMs = (): number => Date.UTC(2026, 0, 1) + 300_000
    await waitForGate(options, {
      api,
      clock,
      logger: createMemoryLogger(),
      ...(wall ? { nowMs } : {}),
      holdsCandidate: () => Promise.resolve(true)
    })
    expect(gets).toHaveLength(2 * rounds)
  })

  it('fails at once on a Degraded app, naming the environment and the app', async () => {
    const { api } = fakeApi({
      web: [good],
      'team/worker': [{ ...good, health: 'Degraded' }]
    })
    const clock = createFakeClock()
    const promise = waitForGate(options, {
      api,
      clock,
      logger: createMemoryLogger(),
      holdsCandidate: () => Promise.resolve(true)
    })
    await expect(promise).rejects.toThrow(ArgoCdError)
    await expect(promise).rejects.toThrow(
      /Environment 'dev' is not fit to promote from: Argo CD app team\/worker: it is Degraded/
    )
    expect(clock.sleeps).toEqual([])
  })

  it('gives up after the timeout with each pending app', async () => {
    const { api } = fakeApi({ web: [{ ...good, revision: R2 }], 'team/worker': [good] })
    const clock = createFakeClock()
    const promise = waitForGate(
      { ...options, timeoutSeconds: 12 },
      {
        api,
        clock,
        logger: createMemoryLogger(),
        holdsCandidate: (revision) => Promise.resolve(revision === R1)
      }
    )
    await expect(promise).rejects.toThrow(
      /'dev' did not run the candidate within 12 s \(web: Synced and Healthy at 2222222, which does not hold/
    )
    expect(clock.sleeps).toEqual([5000, 5000, 2000])
  })

  it('counts a revision git cannot read as one without the candidate', async () => {
    const { api } = fakeApi({ web: [good], 'team/worker': [good] })
    const logger = createMemoryLogger()
    await expect(
      waitForGate(
        { ...options, timeoutSeconds: 5 },
        {
          api,
          clock: createFakeClock(),
          logger,
          holdsCandidate: () => Promise.reject(new Error('shallow clone'))
        }
      )
    ).rejects.toThrow(/did not run the candidate/)
    expect(logger.lines.join('\n')).toMatch(
      /Could not read the source files at 1111111 \(shallow clone\)/
    )
  })

  it("reads through src/argocd's client over HTTP when no api is given", async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
    const argocd = await startFakeArgoCd({
      token,
      apps: [
        { name: 'web', frames: [good] },
        { name: 'worker', namespace: 'team', frames: [good] }
      ]
    })
    try {
      const result = await waitForGate(
        { ...options, server: argocd.url, token },
        {
          clock: createFakeClock(),
          logger: createMemoryLogger(),
          holdsCandidate: (revision) => Promise.resolve(revision === R1),
          http: createHttpClient()
        }
      )
      expect(result.revision).toBe(R1)
      expect(argocd.requests.map((r) => `${r.path} ${JSON.stringify(r.query)}`)).toEqual([
        '/api/v1/applications/web {"refresh":"normal"}',
        '/api/v1/applications/worker {"refresh":"normal","appNamespace":"team"}',
        '/api/v1/applications/web {}',
        '/api/v1/applications/worker {"appNamespace":"team"}'
      ])
    } finally {
      await argocd.close()
    }
  })
})
