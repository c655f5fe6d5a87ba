import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { PushedCommit } from '../../src/argocd/types.js'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { waitForApps } from '../../src/argocd/wait.js'
import { notifyWebhook } from '../../src/argocd/webhook.js'
import { createHttpClient } from '../../src/lib/http.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { startWebhookReceiver } from '../support/argocd-receiver.js'
import type { WebhookReceiver } from '../support/argocd-receiver.js'
import { startFakeArgoCd } from '../support/fake-argocd.js'
import type { FakeArgoCd } from '../support/fake-argocd.js'
import { createFakeClock } from '../support/fake-clock.js'
import { createSelfSignedCert } from '../support/self-signed.js'
import { squidOrWarn, startSquid, type Squid } from '../support/squid.js'

// The runner's proxy variables must carry the webhook and the Argo CD API through a real Squid
// with Debian's default rules: the webhook (plain http on a port outside SSL_ports) in
// absolute-URI form, the API (https) through CONNECT. The stage is pointed at names only Squid
// resolves (to 127.0.0.1), so a request that went around Squid fails.
const describeSquid = squidOrWarn('the Argo CD proxy tests') ? describe : describe.skip

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.cHJveHk'
const SECRET = 'proxy-hook-secret'
const HOOK_HOST = 'hooks.gitops-proxy.test'
const API_HOST = 'argocd.gitops-proxy.test'
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

// The same URL with the host replaced by a name only Squid resolves.
const viaName = (url: string, host: string): string => {
  const parsed = new URL(url)
  parsed.hostname = host
  return parsed.toString().replace(/\/$/, '')
}
const port = (url: string): string => new URL(url).port

describeSquid('the Argo CD stage behind Squid', () => {
  let squid: Squid
  let receiver: WebhookReceiver
  let argocd: FakeArgoCd

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, mode: 'sha256' })
    argocd = await startFakeArgoCd({
      token: TOKEN,
      // With TLS when openssl is there: the API's https goes through CONNECT.
      ...(tls ? { tls } : {}),
      apps: [
        { name: 'web', frames: [{ revision: commit.after, sync: 'Synced', health: 'Healthy' }] }
      ]
    })
    squid = await startSquid({
      sslPorts: [Number(port(argocd.url))],
      hosts: [HOOK_HOST, API_HOST]
    })
  })

  afterAll(async () => {
    await squid.stop()
    await receiver.close()
    await argocd.close()
  })

  // The proxy variables as the settings layer hands them to the stage's HTTP client.
  const client = (env: Record<string, string>, insecure: boolean) =>
    createHttpClient({ env: { HTTP_PROXY: squid.url, HTTPS_PROXY: squid.url, ...env }, insecure })

  const notify = (env: Record<string, string> = {}) =>
    notifyWebhook(
      {
        url: viaName(receiver.url, HOOK_HOST),
        secret: SECRET,
        insecure: false,
        commit
      },
      { logger: createMemoryLogger(), clock: createFakeClock(), http: client(env, false) }
    )
  const wait = (waitForIt: boolean, env: Record<string, string> = {}) =>
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
        http: client(env, true)
      }
    )

  it('sends the webhook and the API calls through the proxy the variables name', async () => {
    const before = receiver.events.length
    const requests = argocd.requests.length

    const result = await notify()
    expect(result).toMatchObject({ delivered: true, status: 200, attempts: 1 })
    expect(receiver.events.length).toBe(before + 1)
    // Plain http to port other than 443: forwarded, where a CONNECT would be refused (403).
    const hook = await squid.waitForLog(new RegExp(` POST http://${HOOK_HOST}:\\d+/api/webhook `))
    expect(hook).toMatch(/TCP_MISS\/200/)

    const [state] = await wait(true)
    expect(state).toMatchObject({ app: 'web', revision: commit.after, outcome: 'deployed' })
    expect(argocd.requests.length).toBeGreaterThan(requests)
    expect(argocd.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    const api = tls
      ? await squid.waitForLog(new RegExp(`TCP_TUNNEL/200 \\d+ CONNECT ${API_HOST}:`))
      : await squid.waitForLog(new RegExp(`TCP_MISS/200 \\d+ GET http://${API_HOST}:`))
    expect(api).toContain(API_HOST)
  })

  it('goes direct for the hosts in NO_PROXY', async () => {
    const noProxy = { NO_PROXY: `${HOOK_HOST},.gitops-proxy.test` }
    const before = receiver.events.length
    const logged = squid.accessLog()

    // Direct, the names do not resolve: nothing arrives, and Squid is never asked.
    const result = await notify(noProxy)
    expect(result.delivered).toBe(false)
    expect(result.status).toBeUndefined()
    expect(receiver.events.length).toBe(before)

    const [state] = await wait(false, noProxy)
    expect(state).toMatchObject({ app: 'web', outcome: 'unreachable' })
    expect(squid.accessLog()).toBe(logged)
  })
})
