// The receiver must answer as Argo CD does (status codes and bodies of its webhook handler), or the
// webhook tests that rely on it prove nothing.
import { createHmac } from 'node:crypto'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { webUrlMatches, wouldRefresh } from '../support/argocd-app-match.js'
import { startWebhookReceiver } from '../support/argocd-receiver.js'
import type { WebhookReceiver } from '../support/argocd-receiver.js'

const SECRET = 's3cr3t'
const EXAMPLE =
  '{"ref":"refs/heads/main","before":"1111111111111111111111111111111111111111","after":"2222222222222222222222222222222222222222","repository":{"name":"gitops","full_name":"acme/gitops","html_url":"https://github.com/acme/gitops","clone_url":"https://github.com/acme/gitops.git","ssh_url":"git@github.com:acme/gitops.git","default_branch":"main"},"commits":[{"id":"2222222222222222222222222222222222222222","message":"chore: bump image tag","added":[],"modified":["helm/values.yaml"],"removed":[]}],"head_commit":{"id":"2222222222222222222222222222222222222222","message":"chore: bump image tag","added":[],"modified":["helm/values.yaml"],"removed":[]}}'
const SHA256 = 'sha256=b95d05cb39685fb2f357858616c4f429672b9ea1f85f55858034a4513738c0ab'
const SHA1 = 'sha1=0b5c729d8690ba70ae76405da99675c8d86823f8'

interface Answer {
  readonly status: number
  readonly body: string
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

const signed = (body: string, secret = SECRET) => ({
  'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  'X-Hub-Signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`
})
const push = { 'Content-Type': 'application/json', 'X-GitHub-Event': 'push' }

describe('the test receiver, SHA-256 rules (Argo CD >= 2.13)', () => {
  let receiver: WebhookReceiver
  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, mode: 'sha256', maxPayloadSizeMB: 1 })
  })
  afterAll(() => receiver.close())

  it.each<[string, string, Record<string, string>, string, number, string]>([
    [
      'the worked example',
      'POST',
      { ...push, 'X-Hub-Signature-256': SHA256, 'X-Hub-Signature': SHA1 },
      EXAMPLE,
      200,
      ''
    ],
    ['bare hex', 'POST', { ...push, 'X-Hub-Signature-256': SHA256.slice(7) }, EXAMPLE, 200, ''],
    [
      'uppercase hex',
      'POST',
      { ...push, 'X-Hub-Signature-256': `sha256=${SHA256.slice(7).toUpperCase()}` },
      EXAMPLE,
      400,
      'Webhook processing failed\n'
    ],
    [
      'a wrong secret',
      'POST',
      { ...push, ...signed(EXAMPLE, 'other') },
      EXAMPLE,
      400,
      'Webhook processing failed\n'
    ],
    [
      'only X-Hub-Signature',
      'POST',
      { ...push, 'X-Hub-Signature': SHA1 },
      EXAMPLE,
      400,
      'Webhook processing failed\n'
    ],
    [
      'a body changed after signing',
      'POST',
      { ...push, 'X-Hub-Signature-256': SHA256 },
      `${EXAMPLE} `,
      400,
      'Webhook processing failed\n'
    ],
    [
      'ping',
      'POST',
      { ...push, 'X-GitHub-Event': 'ping', ...signed('{"zen":"hi"}') },
      '{"zen":"hi"}',
      200,
      ''
    ],
    [
      'pull_request',
      'POST',
      { ...push, 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': SHA256 },
      EXAMPLE,
      400,
      'Webhook processing failed\n'
    ],
    [
      'no event header',
      'POST',
      { 'Content-Type': 'application/json', 'X-Hub-Signature-256': SHA256 },
      EXAMPLE,
      400,
      'Unknown webhook event\n'
    ],
    ['GET', 'GET', { 'X-GitHub-Event': 'push' }, '', 405, 'Webhook processing failed\n'],
    [
      'an empty body',
      'POST',
      { ...push, ...signed('') },
      '',
      400,
      'Webhook processing failed: payload must be valid JSON under 1 MB\n'
    ],
    [
      'a form-encoded body',
      'POST',
      { ...push, ...signed(`payload=${encodeURIComponent(EXAMPLE)}`) },
      `payload=${encodeURIComponent(EXAMPLE)}`,
      400,
      'Webhook processing failed\n'
    ],
    [
      'created_at as a string',
      'POST',
      { ...push, ...signed('{"repository":{"created_at":"2024-01-01T00:00:00Z"}}') },
      '{"repository":{"created_at":"2024-01-01T00:00:00Z"}}',
      400,
      'Webhook processing failed\n'
    ],
    [
      'over the size limit',
      'POST',
      push,
      `{"x":"${'a'.repeat(1048576)}"}`,
      400,
      'Webhook processing failed: payload must be valid JSON under 1 MB\n'
    ]
  ])('%s → %p', async (_name, method, headers, body, status, text) => {
    const answer = await send(receiver.url, method, headers, body)
    expect(answer).toEqual({ status, body: text })
  })

  it('derives what Argo CD derives', () => {
    const event = receiver.events.find((e) => e.event === 'push')
    expect(event).toMatchObject({
      webURL: 'https://github.com/acme/gitops',
      revision: 'main',
      touchedHead: true,
      changedFiles: ['helm/values.yaml'],
      before: '1'.repeat(40),
      after: '2'.repeat(40)
    })
  })

  it('answers 404 beside the webhook path', async () => {
    const answer = await send(
      receiver.url.replace('/api/webhook', '/api/other'),
      'POST',
      push,
      EXAMPLE
    )
    expect(answer.status).toBe(404)
  })
})

describe('the test receiver, SHA-1 rules (Argo CD <= 2.12)', () => {
  let receiver: WebhookReceiver
  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, mode: 'sha1', rootPath: '/argocd' })
  })
  afterAll(() => receiver.close())

  it.each<[string, Record<string, string>, number, string]>([
    ['both headers', { ...push, 'X-Hub-Signature-256': SHA256, 'X-Hub-Signature': SHA1 }, 200, ''],
    ['any 5-character prefix', { ...push, 'X-Hub-Signature': `xxxx=${SHA1.slice(5)}` }, 200, ''],
    [
      'only the SHA-256 header',
      { ...push, 'X-Hub-Signature-256': SHA256 },
      400,
      'Webhook processing failed: missing X-Hub-Signature Header\n'
    ],
    [
      'a wrong SHA-1',
      { ...push, 'X-Hub-Signature': `sha1=${'0'.repeat(40)}` },
      400,
      'Webhook processing failed: HMAC verification failed\n'
    ]
  ])('%s → %p', async (_name, headers, status, text) => {
    expect(await send(receiver.url, 'POST', headers, EXAMPLE)).toEqual({ status, body: text })
    expect(receiver.url).toMatch(/\/argocd\/api\/webhook$/)
  })

  it('drops the connection where Go would panic (header under 5 characters)', async () => {
    await expect(
      send(receiver.url, 'POST', { ...push, 'X-Hub-Signature': 'abc' }, EXAMPLE)
    ).rejects.toThrow()
  })
})

describe('the test receiver without a secret', () => {
  it('accepts any well-formed push and a scripted 503 first', async () => {
    const receiver = await startWebhookReceiver({ script: [503] })
    try {
      expect(await send(receiver.url, 'POST', push, EXAMPLE)).toEqual({
        status: 503,
        body: 'Queue is full, discarding webhook payload\n'
      })
      expect(await send(receiver.url, 'POST', push, EXAMPLE)).toEqual({ status: 200, body: '' })
      expect(receiver.events).toHaveLength(1)
    } finally {
      await receiver.close()
    }
  })
})

describe('webUrlMatches and wouldRefresh', () => {
  it.each([
    ['https://github.com/acme/gitops.git', true],
    ['https://github.com/acme/gitops', true],
    ['git@github.com:acme/gitops.git', true],
    ['ssh://git@github.com/acme/gitops.git', true],
    ['ssh://git@ssh.github.com:443/acme/gitops.git', true],
    ['https://github.com/Acme/GitOps.git', true],
    ['https://user@github.com/acme/gitops', true],
    ['https://github.com/acme/gitops/', false],
    ['https://github.com/acme/gitops-infra.git', false]
  ])('html_url https://github.com/acme/gitops vs %s → %p', (repoURL, expected) => {
    expect(webUrlMatches('https://github.com/acme/gitops', repoURL)).toBe(expected)
  })

  it('misses apps without the suffix when html_url keeps .git', () => {
    expect(
      webUrlMatches('https://github.com/acme/gitops.git', 'https://github.com/acme/gitops')
    ).toBe(false)
  })

  const event = {
    webURL: 'https://github.com/acme/gitops',
    revision: 'main',
    touchedHead: true
  }
  it.each([
    ['', true],
    ['HEAD', true],
    ['main', true],
    ['refs/heads/main', true],
    ['develop', false],
    ['refs/heads/develop', false]
  ])('targetRevision %p → %p', (targetRevision, expected) => {
    expect(wouldRefresh(event, { repoURL: 'git@github.com:acme/gitops.git', targetRevision })).toBe(
      expected
    )
  })
})
