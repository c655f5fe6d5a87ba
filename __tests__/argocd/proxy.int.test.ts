import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { PushedCommit } from '../../src/argocd/types.js'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { createHttpClient } from '../../src/lib/http.js'
import { waitForApps } from '../../src/argocd/wait.js'
import { notifyWebhook } from '../../src/argocd/webhook.js'
import { createMemoryLogger } from '../../src/logger.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { startWebhookReceiver } from '../support/argocd-receiver.js'
import type { WebhookReceiver } from '../support/argocd-receiver.js'
import { startFakeArgoCd } from '../support/fake-argocd.js'
import type { FakeArgoCd } from '../support/fake-argocd.js'
import { createFakeClock } from '../support/fake-clock.js'
import { createSelfSignedCert } from '../support/self-signed.js'

// The runner's proxy variables must carry the webhook and the Argo CD API. The toolkit never
// proxies loopback, so the stage is pointed at names under .invalid (which never resolve) and a
// CONNECT proxy on loopback sends every tunnel to 127.0.0.1 at the port asked for.

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.cHJveHk'
const SECRET = 'proxy-hook-secret'
const HOOK_HOST = 'hooks.gitops-proxy.invalid'
const API_HOST = 'argocd.gitops-proxy.invalid'
const commit: PushedCommit = {
  repoUrl: 'https://github.com/acme/gitops',
  branch: 'main',
  defaultBranch: 'main',
  before: '1'.repeat(40),
  after: '2'.repeat(40),
  files: ['helm/values.yaml'],
  message: 'release',
  authorName: 'bot',
  authorEmail: 'bot@example.com'
}
const tls = createSelfSignedCert()

let proxy: ConnectProxy
let receiver: WebhookReceiver
let argocd: FakeArgoCd

beforeAll(async () => {
  proxy = await startConnectProxy()
  receiver = await startWebhookReceiver({ secret: SECRET, mode: 'sha256' })
  argocd = await startFakeArgoCd({
    token: TOKEN,
    // With TLS when openssl is there: the API's https goes through HTTPS_PROXY.
    ...(tls ? { tls } : {}),
    apps: [{ name: 'web', frames: [{ revision: commit.after, sync: 'Synced', health: 'Healthy' }] }]
  })
})

afterAll(async () => {
  await proxy.close()
  await receiver.close()
  await argocd.close()
})

const proxyVariables = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'NO_PROXY',
  'no_proxy'
]
const saved = new Map(proxyVariables.map((name) => [name, process.env[name]]))
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
  proxy.tunnels.length = 0
})

// The same URL with the host replaced by a name only the proxy can reach.
const viaName = (url: string, host: string): string => {
  const parsed = new URL(url)
  parsed.hostname = host
  return parsed.toString().replace(/\/$/, '')
}
const port = (url: string): string => new URL(url).port

const notify = () =>
  notifyWebhook(
    {
      url: viaName(receiver.url, HOOK_HOST),
      secret: SECRET,
      insecure: false,
      commit
    },
    { logger: createMemoryLogger(), clock: createFakeClock(), http: createHttpClient() }
  )
const wait = (waitForIt: boolean) =>
  waitForApps(
    {
      server: viaName(argocd.url, API_HOST),
      token: TOKEN,
      apps: [parseAppRef('web')],
      sync: false,
      wait: waitForIt,
      timeoutSeconds: 60,
      // The test's certificate is self-signed; over plain http, a non-loopback name needs it too.
      insecure: true,
      commit
    },
    {
      logger: createMemoryLogger(),
      clock: createFakeClock(),
      isDescendant: () => Promise.resolve(false),
      http: createHttpClient({ insecure: true })
    }
  )

describe('the Argo CD stage behind a proxy', () => {
  it('sends the webhook and the API calls through the proxy the variables name', async () => {
    process.env.HTTP_PROXY = proxy.url
    process.env.HTTPS_PROXY = proxy.url
    const before = receiver.events.length
    const requests = argocd.requests.length

    const result = await notify()
    expect(result).toMatchObject({ delivered: true, status: 200, attempts: 1 })
    expect(receiver.events.length).toBe(before + 1)

    const [state] = await wait(true)
    expect(state).toMatchObject({ app: 'web', revision: commit.after, outcome: 'deployed' })
    expect(argocd.requests.length).toBeGreaterThan(requests)
    expect(argocd.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`)

    expect(new Set(proxy.tunnels)).toEqual(
      new Set([`${HOOK_HOST}:${port(receiver.url)}`, `${API_HOST}:${port(argocd.url)}`])
    )
  })

  it('goes direct for the hosts in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url
    process.env.HTTPS_PROXY = proxy.url
    process.env.NO_PROXY = `${HOOK_HOST},.gitops-proxy.invalid`
    const before = receiver.events.length

    // Direct, the names do not resolve: nothing arrives, and the proxy is never asked.
    const result = await notify()
    expect(result.delivered).toBe(false)
    expect(result.status).toBeUndefined()
    expect(receiver.events.length).toBe(before)

    const [state] = await wait(false)
    expect(state).toMatchObject({ app: 'web', outcome: 'unreachable' })
    expect(proxy.tunnels).toEqual([])
  })
})
