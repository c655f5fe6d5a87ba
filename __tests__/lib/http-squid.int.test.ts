import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import { lookupImage } from '../../src/images/registry-api.js'
import { HttpNetworkError, type HttpRequest } from '../../src/lib/http-client.js'
import { createHttpClient } from '../../src/lib/http.js'
import { createSelfSignedCert } from '../support/self-signed.js'
import { squidOrWarn, startSquid, type Squid } from '../support/squid.js'

// The client against Debian's Squid with its default access rules, as on a corporate runner:
// plain http must arrive in absolute-URI form (Squid refuses a CONNECT to a port outside
// SSL_ports), https through CONNECT. Squid alone resolves the *.test names, to 127.0.0.1, so a
// request that went around it fails.
const describeSquid = squidOrWarn('the HTTP client tests through Squid') ? describe : describe.skip

const tlsPair = createSelfSignedCert()
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const listen = async (server: http.Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}
const close = async (server: http.Server): Promise<void> => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
}

// A registry with token auth, the two calls of a lookup, over https: user `ci`, password `pw`.
const CONFIG = JSON.stringify({ config: { Labels: { 'org.example.fingerprint': 'abc' } } })
const CONFIG_DIGEST = `sha256:${createHash('sha256').update(CONFIG).digest('hex')}`
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: CONFIG_DIGEST, size: 1 },
  layers: []
})
function registryHandler(port: () => number): http.RequestListener {
  return (req, res) => {
    const url = req.url ?? ''
    if (url.startsWith('/token')) {
      const basic = `Basic ${Buffer.from('ci:pw').toString('base64')}`
      if (req.headers.authorization !== basic) return void res.writeHead(401).end()
      return void res.writeHead(200).end(JSON.stringify({ token: 'registry-token' }))
    }
    if (req.headers.authorization !== 'Bearer registry-token') {
      const realm = `https://registry.test:${port()}/token`
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="registry.test"` })
      return void res.end()
    }
    if (url === '/v2/team/app/manifests/v1') {
      return void res
        .writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
        .end(MANIFEST)
    }
    if (url === `/v2/team/app/blobs/${CONFIG_DIGEST}`) return void res.writeHead(200).end(CONFIG)
    res.writeHead(404).end()
  }
}

describeSquid('the HTTP client through Squid', () => {
  let squid: Squid
  let plain: http.Server
  let secure: https.Server
  let refusedTls: https.Server
  let registry: https.Server
  let plainPort = 0
  let securePort = 0
  let refusedPort = 0
  let registryPort = 0
  const received: string[] = []

  beforeAll(async () => {
    if (tlsPair === undefined) throw new Error('these tests need the openssl CLI')
    const handler: http.RequestListener = (req, res) => {
      received.push(`${req.method ?? ''} ${req.url ?? ''} host=${req.headers.host ?? ''}`)
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    }
    plain = http.createServer(handler)
    secure = https.createServer(tlsPair, handler)
    refusedTls = https.createServer(tlsPair, handler)
    registry = https.createServer(
      tlsPair,
      registryHandler(() => registryPort)
    )
    plainPort = await listen(plain)
    securePort = await listen(secure)
    refusedPort = await listen(refusedTls)
    registryPort = await listen(registry)
    // refusedPort is left out of SSL_ports: Squid refuses a CONNECT there.
    squid = await startSquid({
      sslPorts: [securePort, registryPort],
      hosts: ['hooks.test', 'argocd.test', 'registry.test']
    })
  })

  afterAll(async () => {
    await squid.stop()
    await Promise.all([plain, secure, refusedTls, registry].map(close))
  })

  const env = (): Record<string, string> => ({ HTTP_PROXY: squid.url, HTTPS_PROXY: squid.url })
  const post = (url: string): HttpRequest => ({
    method: 'POST',
    url,
    headers: { 'Content-Type': 'application/json', 'X-GitHub-Event': 'push' },
    body: '{"ref":"refs/heads/main"}',
    timeoutMs: 10_000
  })

  it('delivers a webhook over plain http in absolute-URI form', async () => {
    const url = `http://hooks.test:${plainPort}/api/webhook`
    const response = await createHttpClient({ env: env() }).request(post(url))
    expect(response.status).toBe(200)
    expect(received).toContain(`POST /api/webhook host=hooks.test:${plainPort}`)
    expect(await squid.waitForLog(/ POST http:\/\/hooks\.test:\d+\/api\/webhook /)).toMatch(
      new RegExp(`TCP_MISS/200 \\d+ ${escaped(`POST ${url} `)}`)
    )
  })

  it('reaches https through CONNECT, with the target certificate skipped only when insecure', async () => {
    const url = `https://argocd.test:${securePort}/api/v1/applications/web`
    const response = await createHttpClient({ env: env(), insecure: true }).request({
      method: 'GET',
      url,
      headers: { Authorization: 'Bearer t' },
      timeoutMs: 10_000
    })
    expect(response.status).toBe(200)
    expect(await squid.waitForLog(new RegExp(`CONNECT argocd\\.test:${securePort} `))).toMatch(
      /TCP_TUNNEL\/200/
    )
    const strict = createHttpClient({ env: env() }).request({ ...post(url), method: 'GET' })
    await expect(strict).rejects.toMatchObject({ tls: true })
  })

  it('reports a CONNECT Squid refuses as a proxy error', async () => {
    const url = `https://argocd.test:${refusedPort}/`
    const request = createHttpClient({ env: env(), insecure: true }).request(post(url))
    await expect(request).rejects.toBeInstanceOf(HttpNetworkError)
    await expect(request).rejects.toMatchObject({
      code: 'EPROXY',
      message: expect.stringContaining(`refused CONNECT argocd.test:${refusedPort}: HTTP 403`)
    })
    expect(await squid.waitForLog(new RegExp(`CONNECT argocd\\.test:${refusedPort} `))).toMatch(
      /TCP_DENIED\/403/
    )
  })

  it.each(['.test', 'test', 'hooks.test', 'HOOKS.TEST', 'hooks.test:PORT', '*'])(
    'goes around Squid for NO_PROXY=%s',
    async (entry) => {
      const path = `/no-proxy/${encodeURIComponent(entry)}`
      const url = `http://hooks.test:${plainPort}${path}`
      const noProxy = `other.example,${entry.replace('PORT', String(plainPort))}`
      const client = createHttpClient({ env: { ...env(), NO_PROXY: noProxy } })
      // Only Squid knows hooks.test: direct, the name does not resolve.
      await expect(client.request(post(url))).rejects.toMatchObject({ code: 'ENOTFOUND' })
      // The same request without the entry goes through Squid and arrives.
      await createHttpClient({ env: env() }).request(post(url))
      await squid.waitForLog(new RegExp(escaped(`POST ${url} `)))
      expect(squid.accessLog().split(path).length - 1).toBe(1)
    }
  )

  it('looks an image up in a registry with token auth through Squid', async () => {
    const repository = `registry.test:${registryPort}/team/app`
    const found = await lookupImage(
      createHttpClient({ env: env(), insecure: true }),
      repository,
      'v1',
      { credentials: { registry: `registry.test:${registryPort}`, username: 'ci', password: 'pw' } }
    )
    expect(found).toMatchObject({ kind: 'found', labels: { 'org.example.fingerprint': 'abc' } })
    await squid.waitForLog(new RegExp(`CONNECT registry\\.test:${registryPort} `))
  })
})
