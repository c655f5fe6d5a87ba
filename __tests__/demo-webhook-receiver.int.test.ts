import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startWebhookReceiver } from '../scripts/lib/webhook-receiver.js'
import type { WebhookReceiver } from '../scripts/lib/webhook-receiver.js'

// A worked example: body, secret and HMAC-SHA256 as Argo CD computes them to check the signature.
const body =
  '{"ref":"refs/heads/main","before":"1111111111111111111111111111111111111111","after":"2222222222222222222222222222222222222222","repository":{"name":"gitops","full_name":"acme/gitops","html_url":"https://github.com/acme/gitops","clone_url":"https://github.com/acme/gitops.git","ssh_url":"git@github.com:acme/gitops.git","default_branch":"main"},"commits":[{"id":"2222222222222222222222222222222222222222","message":"chore: bump image tag","added":[],"modified":["helm/values.yaml"],"removed":[]}],"head_commit":{"id":"2222222222222222222222222222222222222222","message":"chore: bump image tag","added":[],"modified":["helm/values.yaml"],"removed":[]}}'
const secret = 's3cr3t'
const knownSha256 = 'b95d05cb39685fb2f357858616c4f429672b9ea1f85f55858034a4513738c0ab'

const hmac = (text: string, key = secret) =>
  createHmac('sha256', key).update(Buffer.from(text, 'utf8')).digest('hex')

interface Case {
  name: string
  method?: string
  path?: string
  headers: Record<string, string>
  body?: string
  status: number
  reply: string
}

const push = { 'X-GitHub-Event': 'push', 'Content-Type': 'application/json' }
const cases: Case[] = [
  {
    name: 'the worked example',
    headers: { ...push, 'X-Hub-Signature-256': `sha256=${knownSha256}` },
    status: 200,
    reply: ''
  },
  {
    name: 'bare hex',
    headers: { ...push, 'X-Hub-Signature-256': knownSha256 },
    status: 200,
    reply: ''
  },
  {
    name: 'uppercase hex',
    headers: { ...push, 'X-Hub-Signature-256': `sha256=${knownSha256.toUpperCase()}` },
    status: 400,
    reply: 'Webhook processing failed\n'
  },
  {
    name: 'wrong secret',
    headers: { ...push, 'X-Hub-Signature-256': `sha256=${hmac(body, 'other')}` },
    status: 400,
    reply: 'Webhook processing failed\n'
  },
  {
    name: 'only the sha1 header',
    headers: { ...push, 'X-Hub-Signature': 'sha1=0b5c729d8690ba70ae76405da99675c8d86823f8' },
    status: 400,
    reply: 'Webhook processing failed\n'
  },
  {
    name: 'body changed after signing',
    headers: { ...push, 'X-Hub-Signature-256': `sha256=${knownSha256}` },
    body: ` ${body}`,
    status: 400,
    reply: 'Webhook processing failed\n'
  },
  {
    name: 'a pull_request event',
    headers: { ...push, 'X-GitHub-Event': 'pull_request', 'X-Hub-Signature-256': knownSha256 },
    status: 400,
    reply: 'Webhook processing failed\n'
  },
  {
    name: 'no event header',
    headers: { 'X-Hub-Signature-256': knownSha256 },
    status: 400,
    reply: 'Unknown webhook event\n'
  },
  {
    name: 'GET',
    method: 'GET',
    headers: push,
    body: '',
    status: 405,
    reply: 'Webhook processing failed\n'
  },
  {
    name: 'empty body',
    headers: { ...push, 'X-Hub-Signature-256': hmac('') },
    body: '',
    status: 400,
    reply: 'Webhook processing failed: payload must be valid JSON under 50 MB\n'
  },
  {
    name: 'created_at as a date string',
    headers: { ...push, 'X-Hub-Signature-256': hmac('{"repository":{"created_at":"2026-01-01"}}') },
    body: '{"repository":{"created_at":"2026-01-01"}}',
    status: 400,
    reply: 'Webhook processing failed\n'
  },
  { name: 'another path', path: '/api/other', headers: push, status: 404, reply: 'not found\n' }
]

describe('demo webhook receiver', () => {
  let receiver: WebhookReceiver
  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret })
  })
  afterAll(async () => {
    await receiver.close()
  })

  it('computes the same HMAC as the reference', () => {
    expect(hmac(body)).toBe(knownSha256)
  })

  it.each(cases)('answers $status to $name', async (c) => {
    const before = receiver.events.length
    const url = c.path ? receiver.url.replace('/api/webhook', c.path) : receiver.url
    const method = c.method ?? 'POST'
    const res = await fetch(url, {
      method,
      headers: c.headers,
      body: method === 'GET' ? undefined : (c.body ?? body),
      signal: AbortSignal.timeout(5000)
    })
    expect(res.status).toBe(c.status)
    expect(await res.text()).toBe(c.reply)
    expect(receiver.events.length).toBe(before + (c.status === 200 ? 1 : 0))
  })

  it('records what Argo CD reads from an accepted push', async () => {
    const res = await fetch(receiver.url, {
      method: 'POST',
      headers: { ...push, 'X-Hub-Signature-256': `sha256=${knownSha256}` },
      body,
      signal: AbortSignal.timeout(5000)
    })
    expect(res.status).toBe(200)
    expect(receiver.events.at(-1)).toMatchObject({
      webURL: 'https://github.com/acme/gitops',
      revision: 'main',
      touchedHead: true,
      after: '2222222222222222222222222222222222222222',
      changedFiles: ['helm/values.yaml'],
      signedSha1: false
    })
  })

  it('accepts anything well-formed when no secret is configured', async () => {
    const open = await startWebhookReceiver()
    try {
      const payload = '{"ref":"refs/heads/env/prod","repository":{"default_branch":"main"}}'
      const res = await fetch(open.url, {
        method: 'POST',
        headers: push,
        body: payload,
        signal: AbortSignal.timeout(5000)
      })
      expect(res.status).toBe(200)
      expect(open.events[0]).toMatchObject({ revision: 'env/prod', touchedHead: false })
    } finally {
      await open.close()
    }
  })
})
