import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { PushedCommit, WebhookOptions } from '../../src/argocd/types.js'
import { notifyWebhook } from '../../src/argocd/webhook.js'
import { webhookEndpoint } from '../../src/argocd/webhook-endpoint.js'
import { resolveArgoCd } from '../../src/settings/argocd.js'
import { createHttpClient } from '../../src/lib/http.js'
import type { WebhookDeps } from '../../src/argocd/webhook.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import type { Logger } from '../../src/lib/logger.js'
import { wouldRefresh } from '../support/argocd-app-match.js'
import { startWebhookReceiver } from '../support/argocd-receiver.js'
import type { ReceiverOptions, WebhookReceiver } from '../support/argocd-receiver.js'
import { createFakeClock } from '../support/fake-clock.js'
import { startConnectProxy } from '../support/connect-proxy.js'

const SECRET = 'hook-secret-value'
const commit: PushedCommit = {
  repoUrl: 'git@github.com:acme/gitops.git',
  branch: 'main',
  defaultBranch: 'main',
  before: '1'.repeat(40),
  after: '2'.repeat(40),
  files: ['helm/values.yaml', 'apps/web/deployment.yaml'],
  message: 'chore(release): web 2222222 [skip ci]',
  authorName: 'github-actions[bot]',
  authorEmail: '41898282+github-actions[bot]@users.noreply.github.com'
}
type Options = Omit<WebhookOptions, 'commit'>
const options = (url: string, extra: Partial<Options> = {}): Options => ({
  url: webhookEndpoint(url),
  secret: SECRET,
  insecure: false,
  ...extra
})
// The stage for `pushed`, on a fake clock unless the test brings its own deps.
const send = (
  settings: Options,
  pushed: PushedCommit,
  logger: Logger,
  deps: Partial<WebhookDeps> = {}
) =>
  notifyWebhook(
    { ...settings, commit: pushed },
    { logger, clock: createFakeClock(), http: createHttpClient(), ...deps }
  )

let receiver: WebhookReceiver | undefined
const start = async (settings: ReceiverOptions): Promise<WebhookReceiver> => {
  receiver = await startWebhookReceiver(settings)
  return receiver
}
afterEach(async () => {
  await receiver?.close()
  receiver = undefined
})

describe('notifyWebhook against a receiver that verifies like Argo CD', () => {
  it.each<[string, ReceiverOptions]>([
    ['Argo CD >= 2.13 (SHA-256)', { secret: SECRET, mode: 'sha256' }],
    ['Argo CD <= 2.12 (SHA-1)', { secret: SECRET, mode: 'sha1' }],
    ['Argo CD without a secret', {}]
  ])('is accepted by %s', async (_name, settings) => {
    const hook = await start(settings)
    const logger = createMemoryLogger()
    const result = await send(options(hook.url), commit, logger)
    expect(result).toEqual({
      delivered: true,
      status: 200,
      attempts: 1,
      url: hook.url,
      reason: 'accepted (HTTP 200)'
    })
    expect(hook.events).toHaveLength(1)
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([])
  })

  it('sends a payload Argo CD reads right', async () => {
    const hook = await start({ secret: SECRET })
    await send(options(hook.url), { ...commit, branch: 'env/prod' }, createMemoryLogger(), {
      deliveryId: () => 'delivery-1'
    })
    const [event] = hook.events
    expect(event).toMatchObject({
      event: 'push',
      deliveryId: 'delivery-1',
      webURL: 'https://github.com/acme/gitops',
      revision: 'env/prod',
      touchedHead: false,
      changedFiles: commit.files,
      before: commit.before,
      after: commit.after
    })
    expect(event!.payload).toMatchObject({
      ref: 'refs/heads/env/prod',
      repository: { default_branch: 'main' }
    })
    expect(event!.headers['content-type']).toBe('application/json')
    expect(event!.headers['x-github-event']).toBe('push')
    expect(event!.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(event!.headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/)
    expect(Number(event!.headers['content-length'])).toBe(event!.rawBody.length)
  })

  it('refreshes the apps whatever form their repoURL takes', async () => {
    const hook = await start({ secret: SECRET })
    await send(
      options(hook.url),
      { ...commit, repoUrl: 'https://github.com/acme/gitops.git' },
      createMemoryLogger()
    )
    const [event] = hook.events
    for (const repoURL of [
      'https://github.com/acme/gitops',
      'https://github.com/acme/gitops.git',
      'git@github.com:acme/gitops.git',
      'ssh://git@github.com/acme/gitops.git'
    ]) {
      expect(wouldRefresh(event!, { repoURL, targetRevision: 'HEAD' })).toBe(true)
    }
    expect(
      wouldRefresh(event!, { repoURL: 'https://github.com/acme/other', targetRevision: 'HEAD' })
    ).toBe(false)
  })

  it('uses argocd-repo-url over the repository', async () => {
    const hook = await start({})
    await send(
      options(hook.url, { repoUrl: 'https://git.example.com/platform/deploy' }),
      commit,
      createMemoryLogger()
    )
    expect(hook.events[0]!.webURL).toBe('https://git.example.com/platform/deploy')
  })

  it('trims the secret, as a secret stored with a newline would otherwise never verify', async () => {
    const hook = await start({ secret: SECRET })
    // The settings layer trims it, once, when it reads the inputs.
    const resolved = resolveArgoCd(
      {
        webhookUrl: hook.url,
        webhookSecret: `${SECRET}\n`,
        apps: [],
        sync: false,
        wait: false,
        timeoutSeconds: 300,
        insecure: false
      },
      () => undefined
    ).webhook
    if (resolved === undefined) throw new Error('no webhook settings')
    const result = await send(resolved, commit, createMemoryLogger())
    expect(result.delivered).toBe(true)
  })

  it('warns, with the status and body, when the secret is wrong (400, not retried)', async () => {
    const hook = await start({ secret: SECRET, detailedErrors: true })
    const logger = createMemoryLogger()
    const result = await send(options(hook.url, { secret: 'wrong' }), commit, logger)
    expect(result).toMatchObject({ delivered: false, status: 400, attempts: 1 })
    expect(result.reason).toMatch(
      /^HTTP 400: Webhook processing failed: HMAC verification failed; .*webhook\.github\.secret/
    )
    expect(hook.requests.map((r) => r.status)).toEqual([400])
    const warnings = logger.lines.filter((l) => l.startsWith('warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/not delivered .*HTTP 400.*next poll/)
  })

  it('retries a 503 and delivers', async () => {
    const hook = await start({ secret: SECRET, script: [503] })
    const clock = createFakeClock()
    const logger = createMemoryLogger()
    const result = await send(options(hook.url), commit, logger, {
      clock
    })
    expect(result).toMatchObject({ delivered: true, status: 200, attempts: 2 })
    expect(hook.requests.map((r) => r.status)).toEqual([503, 200])
    expect(clock.sleeps).toEqual([1000])
    // The receiver answers its scripted 503 only to a request whose signature verified.
    expect(logger.lines.join('\n')).toContain('attempt 1 failed (HTTP 503: Queue is full')
  })

  it('gives up on 5xx within the retry budget, with a warning', async () => {
    const hook = await start({ script: [503, 503, 503, 503, 503, 503, 503] })
    const clock = createFakeClock()
    const logger = createMemoryLogger()
    const result = await send(options(hook.url, { secret: undefined }), commit, logger, {
      clock,
      retry: { attempts: 10, baseDelayMs: 1000, maxDelayMs: 4000, totalMs: 8000, jitter: 'none' }
    })
    expect(result).toMatchObject({ delivered: false, status: 503 })
    expect(clock.sleeps).toEqual([1000, 2000, 4000])
    expect(hook.requests).toHaveLength(4)
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toHaveLength(1)
  })

  it('retries network errors and warns when nothing answers', async () => {
    const closed = await start({})
    const url = closed.url
    await closed.close()
    receiver = undefined
    const clock = createFakeClock()
    const logger = createMemoryLogger()
    const result = await send(options(url), commit, logger, {
      clock
    })
    expect(result.delivered).toBe(false)
    expect(result.status).toBeUndefined()
    expect(result.attempts).toBe(5)
    expect(result.reason).toMatch(/ECONNREFUSED/)
    expect(logger.lines.find((l) => l.startsWith('warning'))).toMatch(
      /Argo CD will still notice the commit/
    )
  })

  it('does not take a web page for a delivery', async () => {
    const ui = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<!doctype html><title>Argo CD</title>')
    })
    await new Promise<void>((resolve) => ui.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = ui.address() as AddressInfo
      const result = await send(
        options(`http://127.0.0.1:${port}/argocd`),
        commit,
        createMemoryLogger()
      )
      expect(result).toMatchObject({ delivered: false, status: 200, attempts: 1 })
      expect(result.reason).toMatch(/web UI/)
    } finally {
      ui.closeAllConnections()
      await new Promise((resolve) => ui.close(resolve))
    }
  })

  it('never logs the secret', async () => {
    const hook = await start({ secret: SECRET })
    const logger = createMemoryLogger()
    const result = await send(options(hook.url), commit, logger)
    expect(result.delivered).toBe(true)
    expect(logger.lines.join('\n')).not.toContain(SECRET)
  })

  it('does not follow a redirect (Argo CD sends plain http to https), and says where it points', async () => {
    const sent: string[] = []
    const result = await send(
      options('http://argocd.example.com/api/webhook'),
      commit,
      createMemoryLogger(),
      {
        http: {
          request: (request) => {
            sent.push(request.url)
            return Promise.resolve({
              status: 307,
              headers: { location: 'https://argocd.example.com/api/webhook?x=1' },
              body: ''
            })
          }
        }
      }
    )
    expect(result).toMatchObject({ delivered: false, status: 307, attempts: 1 })
    expect(result.reason).toBe(
      'HTTP 307; it redirects to https://argocd.example.com/api/webhook, which is not followed: set argocd-webhook-url to the final URL'
    )
    expect(sent).toEqual(['http://argocd.example.com/api/webhook'])
  })

  it('announces a second commit in the same run (a rollback)', async () => {
    const hook = await start({ secret: SECRET })
    const logger = createMemoryLogger()
    const rollback: PushedCommit = { ...commit, before: commit.after, after: '4'.repeat(40) }
    const first = await send(options(hook.url), commit, logger)
    const second = await send(options(hook.url), rollback, logger)
    expect([first.delivered, second.delivered]).toEqual([true, true])
    expect(hook.events.map((e) => e.after)).toEqual([commit.after, rollback.after])
  })

  it('warns instead of throwing when the repository URL cannot be used', async () => {
    const hook = await start({})
    const logger = createMemoryLogger()
    const result = await send(
      options(hook.url),
      { ...commit, repoUrl: 'file:///tmp/gitops.git' },
      logger
    )
    expect(result.delivered).toBe(false)
    expect(result.reason).toMatch(/argocd-repo-url/)
    expect(hook.requests).toHaveLength(0)
  })
})

describe('webhookEndpoint', () => {
  it.each([
    ['https://argocd.example.com', 'https://argocd.example.com/api/webhook'],
    ['https://argocd.example.com/', 'https://argocd.example.com/api/webhook'],
    ['https://argocd.example.com/api/webhook', 'https://argocd.example.com/api/webhook'],
    ['https://example.com/argocd/api/webhook', 'https://example.com/argocd/api/webhook']
  ])('%s → %s', (input, expected) => {
    expect(webhookEndpoint(input)).toBe(expected)
  })
})

describe('notifyWebhook with user:password in a plain-http URL', () => {
  it('refuses it for a host that is not loopback at once, without retrying', async () => {
    const logger = createMemoryLogger()
    const url = 'http://hook:pw@hooks.gitops.invalid:8080/api/webhook'
    const result = await send(options(url), commit, logger)
    expect(result).toMatchObject({ delivered: false, attempts: 1 })
    expect(result.reason).toMatch(/refused to send credentials in the URL over plain http/)
    expect(logger.lines.join('\n')).not.toContain('pw')
  })

  it('sends it with argocd-insecure: true', async () => {
    const proxy = await startConnectProxy()
    try {
      const hook = await start({ secret: SECRET })
      const url = `http://hook:pw@hooks.gitops.invalid:${new URL(hook.url).port}/api/webhook`
      const http = createHttpClient({ env: { HTTP_PROXY: proxy.url }, insecure: true })
      const result = await send(options(url, { insecure: true }), commit, createMemoryLogger(), {
        http
      })
      expect(result).toMatchObject({ delivered: true, attempts: 1 })
      expect(proxy.forwarded).toEqual([
        `POST http://hooks.gitops.invalid:${new URL(hook.url).port}/api/webhook`
      ])
    } finally {
      await proxy.close()
    }
  })
})
