import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readAppStatus } from '../src/argocd/app-status.js'
import { evaluateGateApp, settledApp } from '../src/promote/gate-verdict.js'
import { evaluateSoak, readHistory } from '../src/promote/soak.js'
import { startFakeArgoCd } from '../scripts/lib/fake-argocd.js'
import type { FakeArgoCd } from '../scripts/lib/fake-argocd.js'

// The demo's Argo CD API stand-in, read through the action's own readers of an Application (the
// wait's status, the promotion gate, the soak's history): what the demo shows is what the action
// would make of a real argocd-server answering the same way.
const TOKEN = 'aaa.bbb.ccc'
const first = '1'.repeat(40)
const second = '2'.repeat(40)

describe('the demo fake Argo CD (scripts/lib/fake-argocd.js)', () => {
  let argocd: FakeArgoCd
  let tip = first
  let clock = Date.UTC(2026, 0, 1, 12)

  beforeAll(async () => {
    argocd = await startFakeArgoCd({
      token: TOKEN,
      apps: [{ name: 'shop-dev', path: 'helm' }],
      repoURL: 'https://github.com/acme/gitops.git',
      tip: () => tip,
      now: () => clock
    })
  })
  afterAll(async () => {
    await argocd.close()
  })

  const get = (path: string, token: string | null = TOKEN) =>
    fetch(`${argocd.url}${path}`, {
      headers: token === null ? {} : { Authorization: `Bearer ${token}` }
    })

  it.each([
    ['no token', '/api/v1/applications/shop-dev', null, 401, 16],
    ['a wrong token', '/api/v1/applications/shop-dev', 'x.y.z', 401, 16],
    ['an unknown app', '/api/v1/applications/nope', TOKEN, 404, 5],
    ['another path', '/api/v1/session', TOKEN, 404, 5]
  ])('refuses %s as argocd-server does', async (_name, path, token, status, code) => {
    const res = await get(path, token)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.json()).toMatchObject({ code })
  })

  it('serves the app Synced and Healthy at the tip, with a history that follows the tip', async () => {
    const look = async () => {
      const res = await get('/api/v1/applications/shop-dev?refresh=normal')
      expect(res.status).toBe(200)
      return res.json()
    }
    const atFirst = readAppStatus(await look())
    expect(atFirst).toMatchObject({
      revision: first,
      syncStatus: 'Synced',
      healthStatus: 'Healthy',
      operationRequested: false,
      autoSync: true,
      operation: { phase: 'Succeeded' }
    })
    expect(evaluateGateApp(atFirst, new Map([[first, true]]))).toEqual({
      kind: 'pass',
      revision: first
    })

    clock += 60_000
    const later = await look()
    // Reconciled after its sync finished, a minute ago: settled for the gate's first look.
    expect(settledApp(readAppStatus(later), clock, 5000)).toBe(true)

    tip = second
    clock += 60_000
    const moved = await look()
    expect(readAppStatus(moved).revision).toBe(second)
    const history = readHistory(moved)
    expect(history).toEqual([
      { id: 0, revisions: [first], deployedAt: Date.UTC(2026, 0, 1, 12) },
      { id: 1, revisions: [second], deployedAt: Date.UTC(2026, 0, 1, 12, 2) }
    ])
    // Both commits hold the candidate: the soak counts from the first deployment; only the
    // second does: from the second.
    const since = (...shas: string[]) =>
      evaluateSoak({
        histories: [history],
        holds: new Map(shas.map((sha) => [sha, true])),
        soakSeconds: 0,
        nowMs: clock
      }).since
    expect(since(first, second)).toBe(Date.UTC(2026, 0, 1, 12))
    expect(since(second)).toBe(Date.UTC(2026, 0, 1, 12, 2))
    expect(argocd.history('shop-dev').map((d) => d.revision)).toEqual([first, second])
    expect(argocd.served.at(-1)).toBe('shop-dev@2222222: Synced/Healthy')
  })
})
