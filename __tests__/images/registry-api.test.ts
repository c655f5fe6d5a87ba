import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { lookupImage } from '../../src/images/registry-api.js'
import {
  HttpNetworkError,
  type HttpClient,
  type HttpRequest,
  type HttpResponse
} from '../../src/lib/http-client.js'

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const D = (c: string) => `sha256:${c.repeat(64)}`

/** A registry in memory speaking the distribution API, with a choice of auth. */
function fakeRegistry(options: {
  auth: 'none' | 'basic' | 'bearer'
  index?: boolean
  redirectBlobs?: boolean
  labels?: Record<string, string>
  /** The token service the bearer challenge names. */
  realm?: string
  /** A Docker-Content-Digest that is not the manifest's. */
  wrongDigest?: string
}) {
  const realm = options.realm ?? 'https://auth.example.com/token'
  const config = JSON.stringify({ config: { Labels: options.labels ?? { a: 'b' } } })
  const manifest = JSON.stringify({ schemaVersion: 2, config: { digest: sha(config) } })
  const list = JSON.stringify({
    manifests: [{ digest: sha(manifest), platform: { os: 'linux', architecture: 'amd64' } }]
  })
  const top = options.index ? list : manifest
  const requests: HttpRequest[] = []
  const basic = `Basic ${Buffer.from('bot:pw').toString('base64')}`
  const answer = (
    status: number,
    body = '',
    headers: Record<string, string> = {}
  ): HttpResponse => ({
    status,
    headers,
    body
  })
  const client: HttpClient = {
    request: (request) => {
      requests.push(request)
      const url = new URL(request.url)
      const auth = request.headers.Authorization
      if (url.pathname === '/token') {
        if (auth !== basic) return Promise.resolve(answer(401))
        expect(url.searchParams.get('scope')).toBe('repository:acme/api:pull')
        expect(url.searchParams.get('service')).toBe('reg')
        return Promise.resolve(answer(200, JSON.stringify({ token: 'tok' })))
      }
      if (url.host === 'cdn.example.com') {
        return Promise.resolve(answer(auth === undefined ? 200 : 400, config))
      }
      const allowed =
        options.auth === 'none' ||
        (options.auth === 'basic' ? auth === basic : auth === 'Bearer tok')
      if (!allowed) {
        const challenge =
          options.auth === 'basic' ? 'Basic realm="r"' : `Bearer realm="${realm}",service="reg"`
        return Promise.resolve(answer(401, '', { 'www-authenticate': challenge }))
      }
      const path = url.pathname
      if (path === '/v2/acme/api/manifests/t1')
        return Promise.resolve(
          answer(200, top, { 'docker-content-digest': options.wrongDigest ?? sha(top) })
        )
      if (path === `/v2/acme/api/manifests/${sha(manifest)}`)
        return Promise.resolve(answer(200, manifest))
      if (path === `/v2/acme/api/blobs/${sha(config)}`) {
        return Promise.resolve(
          options.redirectBlobs
            ? answer(307, '', { location: 'https://cdn.example.com/blob?sig=1' })
            : answer(200, config)
        )
      }
      return Promise.resolve(answer(404, '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}'))
    }
  }
  return { client, requests, topDigest: sha(top), manifest }
}

const credentials = { registry: 'reg.example.com', username: 'bot', password: 'pw' }

describe('lookupImage', () => {
  it.each<[string, Parameters<typeof fakeRegistry>[0]]>([
    ['no auth', { auth: 'none' }],
    ['basic auth', { auth: 'basic' }],
    ['the bearer-token flow', { auth: 'bearer' }],
    ['an image index', { auth: 'bearer', index: true }],
    [
      'a blob redirected to a CDN (no credentials carried there)',
      { auth: 'bearer', redirectBlobs: true }
    ],
    [
      'a token service on another origin over https',
      { auth: 'bearer', realm: 'https://login.example.net/token' }
    ],
    [
      'a token service on a loopback address over http',
      { auth: 'bearer', realm: 'http://127.0.0.1:5001/token' }
    ]
  ])('reads the labels with %s', async (_title, setup) => {
    const registry = fakeRegistry({
      ...setup,
      labels: { 'io.github.gitops-release.fingerprint': 'sha256:f' }
    })
    const found = await lookupImage(registry.client, 'reg.example.com/acme/api', 't1', {
      credentials
    })
    expect(found).toEqual({
      kind: 'found',
      digest: registry.topDigest,
      labels: { 'io.github.gitops-release.fingerprint': 'sha256:f' }
    })
    // Small requests only: manifests and the config blob, never a layer.
    for (const request of registry.requests) {
      expect(request.method).toBe('GET')
      expect(request.url).not.toMatch(/layers/)
    }
  })

  it('says missing for a tag the registry does not have', async () => {
    const registry = fakeRegistry({ auth: 'bearer' })
    expect(
      await lookupImage(registry.client, 'reg.example.com/acme/api', 'nope', { credentials })
    ).toEqual({
      kind: 'missing'
    })
  })

  it('uses the credentials only for their own registry', async () => {
    const registry = fakeRegistry({ auth: 'basic' })
    const found = await lookupImage(registry.client, 'reg.example.com/acme/api', 't1', {
      credentials: { ...credentials, registry: 'other.example.com' }
    })
    expect(found).toEqual({
      kind: 'unknown',
      reason: 'the registry needs credentials (username and password)'
    })
    expect(registry.requests.every((request) => request.headers.Authorization === undefined)).toBe(
      true
    )
  })

  it.each<[string, HttpClient, RegExp]>([
    [
      'no answer',
      {
        request: () =>
          Promise.reject(new HttpNetworkError('connect ECONNREFUSED', 'ECONNREFUSED', false))
      },
      /ECONNREFUSED/
    ],
    [
      'a 500',
      { request: () => Promise.resolve({ status: 500, headers: {}, body: 'boom' }) },
      /answered 500 for the manifest: boom/
    ],
    [
      'not JSON',
      { request: () => Promise.resolve({ status: 200, headers: {}, body: '<html>' }) },
      /not JSON/
    ],
    [
      'wrong credentials',
      {
        request: () =>
          Promise.resolve({
            status: 401,
            headers: { 'www-authenticate': 'Basic realm="r"' },
            body: ''
          })
      },
      /answered 401/
    ]
  ])('is unknown (never a throw) for %s', async (_title, client, reason) => {
    const found = await lookupImage(client, 'reg.example.com/acme/api', 't1', { credentials })
    expect(found.kind).toBe('unknown')
    expect(found.kind === 'unknown' ? found.reason : '').toMatch(reason)
  })

  it('refuses a config whose content does not match its digest', async () => {
    const good = fakeRegistry({ auth: 'none' })
    const client: HttpClient = {
      request: async (request) => {
        const response = await good.client.request(request)
        return request.url.includes('/blobs/') ? { ...response, body: '{"config":{}}' } : response
      }
    }
    const found = await lookupImage(client, 'reg.example.com/acme/api', 't1')
    expect(found.kind === 'unknown' ? found.reason : '').toMatch(/does not match its digest/)
  })

  it.each<[string, string]>([
    ['over plain http', 'http://auth.example.com/token'],
    ['over plain http on the registry host, another port', 'http://reg.example.com:8080/token'],
    ['with a scheme that is not http', 'ftp://auth.example.com/token']
  ])('never sends the credentials to a token service %s', async (_title, realm) => {
    const registry = fakeRegistry({ auth: 'bearer', realm })
    const found = await lookupImage(registry.client, 'reg.example.com/acme/api', 't1', {
      credentials
    })
    const origin = new URL(realm).origin
    expect(found).toEqual({
      kind: 'unknown',
      reason: expect.stringContaining(`the token service ${origin}`)
    })
    expect(registry.requests.map((request) => request.url)).toEqual([
      'https://reg.example.com/v2/acme/api/manifests/t1'
    ])
    expect(registry.requests.every((request) => request.headers.Authorization === undefined)).toBe(
      true
    )
  })

  it('refuses a manifest whose Docker-Content-Digest is not its digest', async () => {
    const registry = fakeRegistry({ auth: 'none', wrongDigest: D('e') })
    const found = await lookupImage(registry.client, 'reg.example.com/acme/api', 't1')
    expect(found).toEqual({
      kind: 'unknown',
      reason: `the manifest does not match its Docker-Content-Digest ${D('e')} (its content is ${registry.topDigest})`
    })
  })

  it('refuses a platform manifest that does not match the digest the index names', async () => {
    const good = fakeRegistry({ auth: 'none', index: true })
    const client: HttpClient = {
      request: async (request) => {
        const response = await good.client.request(request)
        return request.url.endsWith(sha(good.manifest))
          ? { ...response, body: good.manifest.replace('schemaVersion', 'schemaversion') }
          : response
      }
    }
    const found = await lookupImage(client, 'reg.example.com/acme/api', 't1')
    expect(found).toEqual({
      kind: 'unknown',
      reason: `the manifest ${sha(good.manifest)} does not match its digest`
    })
  })
})
