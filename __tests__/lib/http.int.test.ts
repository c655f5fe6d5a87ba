import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { createSelfSignedCert } from '../support/self-signed.js'
import {
  HttpNetworkError,
  PlainHttpCredentialError,
  type HttpRequest
} from '../../src/lib/http-client.js'
import { createHttpClient } from '../../src/lib/http.js'

// A target server (plain and TLS) and a forward proxy on loopback. The proxy maps every host it
// is asked for to loopback, so tests use names that only the proxy can reach: a request that
// went around the proxy fails instead of passing unseen.
const tlsPair = createSelfSignedCert()
if (tlsPair === undefined) throw new Error('the HTTP client tests need the openssl CLI')
let target: http.Server
let secureTarget: https.Server
let proxy: ConnectProxy
let targetPort = 0
let securePort = 0
const seen: { target: string[] } = { target: [] }

const handler: http.RequestListener = (req, res) => {
  seen.target.push(
    `${req.method ?? ''} ${req.url ?? ''} auth=${req.headers.authorization ?? ''}` +
      (req.headers['proxy-authorization'] === undefined ? '' : ' PROXY-AUTH LEAKED')
  )
  if (req.url === '/redirect') {
    res.writeHead(301, { location: 'http://elsewhere.invalid/' }).end()
    return
  }
  if (req.url === '/hang') return
  if (req.url === '/drip') {
    // Headers at once, then one byte every 200 ms, for ever: never idle, never done.
    res.writeHead(200, { 'content-type': 'text/plain' })
    const drip = setInterval(() => res.write('.'), 200)
    res.on('close', () => {
      clearInterval(drip)
    })
    return
  }
  if (req.url === '/big') {
    res.end('x'.repeat(4096))
    return
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.url ?? ''}`)
}

beforeAll(async () => {
  target = http.createServer(handler)
  secureTarget = https.createServer({ key: tlsPair.key, cert: tlsPair.cert }, handler)
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => secureTarget.listen(0, '127.0.0.1', resolve))
  proxy = await startConnectProxy()
  targetPort = (target.address() as AddressInfo).port
  securePort = (secureTarget.address() as AddressInfo).port
})

afterAll(async () => {
  target.closeAllConnections()
  secureTarget.closeAllConnections()
  await new Promise((resolve) => target.close(resolve))
  await new Promise((resolve) => secureTarget.close(resolve))
  await proxy.close()
})

afterEach(() => {
  proxy.tunnels.length = 0
  proxy.forwarded.length = 0
  proxy.proxyAuthorizations.length = 0
  seen.target.length = 0
})

const get = (url: string, more: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url,
  headers: {},
  timeoutMs: 5000,
  ...more
})

describe('the HTTP client', () => {
  it('answers directly without proxy variables', async () => {
    const response = await createHttpClient().request(get(`http://127.0.0.1:${targetPort}/plain`))
    expect(response).toMatchObject({ status: 200, body: 'hello /plain' })
    expect([...proxy.tunnels, ...proxy.forwarded]).toEqual([])
  })

  it('sends plain http through HTTP_PROXY in absolute-URI form, not through a tunnel', async () => {
    const client = createHttpClient({ env: { HTTP_PROXY: proxy.url } })
    const url = `http://gitops-proxied.invalid:${targetPort}/api/webhook?x=1`
    const response = await client.request({ ...get(url), method: 'POST', body: '{}' })
    expect(response).toMatchObject({ status: 200, body: 'hello /api/webhook?x=1' })
    expect(proxy.forwarded).toEqual([`POST ${url}`])
    expect(proxy.tunnels).toEqual([])
  })

  it('sends https through HTTPS_PROXY with CONNECT; insecure is for the target', async () => {
    const url = `https://gitops-proxied.invalid:${securePort}/secure`
    const env = { HTTPS_PROXY: proxy.url }
    const response = await createHttpClient({ env, insecure: true }).request(get(url))
    expect(response).toMatchObject({ status: 200, body: 'hello /secure' })
    expect(proxy.tunnels).toEqual([`gitops-proxied.invalid:${securePort}`])
    expect(proxy.forwarded).toEqual([])

    // Without insecure, the target's self-signed certificate is refused, through the tunnel too.
    const refused = createHttpClient({ env }).request(get(url))
    await expect(refused).rejects.toBeInstanceOf(HttpNetworkError)
    await expect(refused).rejects.toMatchObject({ tls: true })
  })

  it('sends the proxy URL credentials as Proxy-Authorization, to the proxy only', async () => {
    const [host, port] = proxy.url.replace('http://', '').split(':')
    const withUser = `http://ci%40corp:p%3Ass@${host ?? ''}:${port ?? ''}`
    const env = { HTTP_PROXY: withUser, HTTPS_PROXY: withUser }
    const client = createHttpClient({ env, insecure: true })
    await client.request(get(`http://gitops-proxied.invalid:${targetPort}/a`))
    await client.request(get(`https://gitops-proxied.invalid:${securePort}/b`))
    const basic = `Basic ${Buffer.from('ci@corp:p:ss').toString('base64')}`
    expect(proxy.proxyAuthorizations).toEqual([basic, basic])
    expect(seen.target).toEqual(['GET /a auth=', 'GET /b auth='])
  })

  it('reads the proxy variables from the environment it is given, not from process.env', async () => {
    const saved = process.env.HTTP_PROXY
    process.env.HTTP_PROXY = proxy.url
    try {
      const url = `http://gitops-proxied.invalid:${targetPort}/x`
      await expect(createHttpClient({ env: {} }).request(get(url))).rejects.toBeInstanceOf(
        HttpNetworkError
      )
      expect(proxy.forwarded).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY
      else process.env.HTTP_PROXY = saved
    }
  })

  it.each([
    ['.invalid', 'http'],
    ['invalid', 'http'],
    ['other.example, gitops-proxied.invalid', 'https'],
    ['*', 'https']
  ])('goes direct for NO_PROXY=%s (%s)', async (noProxy, scheme) => {
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy }
    const url =
      scheme === 'http'
        ? `http://gitops-proxied.invalid:${targetPort}/`
        : `https://gitops-proxied.invalid:${securePort}/`
    // Without the entry the proxy reaches the name; with it the request goes direct, where the
    // name does not resolve: a network error, and the proxy is never asked.
    const proxied = await createHttpClient({
      env: { ...env, NO_PROXY: '' },
      insecure: true
    }).request(get(url))
    expect(proxied.status).toBe(200)
    expect([...proxy.tunnels, ...proxy.forwarded]).toHaveLength(1)
    const request = createHttpClient({ env, insecure: true }).request(get(url))
    await expect(request).rejects.toBeInstanceOf(HttpNetworkError)
    expect([...proxy.tunnels, ...proxy.forwarded]).toHaveLength(1)
  })

  it('goes direct for NO_PROXY=host:port at that port only', async () => {
    const noProxy = `gitops-proxied.invalid:${targetPort}`
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy }
    const client = createHttpClient({ env, insecure: true })
    await expect(
      client.request(get(`http://gitops-proxied.invalid:${targetPort}/`))
    ).rejects.toBeInstanceOf(HttpNetworkError)
    expect(proxy.forwarded).toEqual([])
    const response = await client.request(get(`https://gitops-proxied.invalid:${securePort}/`))
    expect(response.status).toBe(200)
    expect(proxy.tunnels).toEqual([`gitops-proxied.invalid:${securePort}`])
  })

  it('never follows a redirect, so no header goes to another host', async () => {
    const response = await createHttpClient().request({
      method: 'POST',
      url: `http://127.0.0.1:${targetPort}/redirect`,
      headers: { Authorization: 'Bearer t' },
      body: '{}',
      timeoutMs: 5000
    })
    expect(response.status).toBe(301)
    expect(seen.target).toEqual(['POST /redirect auth=Bearer t'])
  })

  it('ends a request that gets no answer at its deadline', async () => {
    const started = performance.now()
    await expect(
      createHttpClient().request(get(`http://127.0.0.1:${targetPort}/hang`, { timeoutMs: 300 }))
    ).rejects.toMatchObject({ timedOut: true })
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('ends a response that drips one byte at a time at the deadline', async () => {
    const started = performance.now()
    const env = { HTTPS_PROXY: proxy.url }
    await expect(
      createHttpClient({ env, insecure: true }).request(
        get(`https://gitops-proxied.invalid:${securePort}/drip`, { timeoutMs: 1000 })
      )
    ).rejects.toMatchObject({
      timedOut: true,
      message: expect.stringMatching(/no answer within 1 s/)
    })
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('refuses a body over the cap', async () => {
    await expect(
      createHttpClient({ maxBodyBytes: 1024 }).request(get(`http://127.0.0.1:${targetPort}/big`))
    ).rejects.toThrow(/larger than 1024 bytes/)
  })
})

describe('credentials over plain http', () => {
  const client = createHttpClient({ env: { HTTP_PROXY: '' } })
  it.each<[string, Partial<HttpRequest>]>([
    ['an Authorization header', { headers: { Authorization: 'Bearer t' } }],
    ['a lower-case authorization header', { headers: { authorization: 'Basic dTpw' } }],
    ['a cookie', { headers: { Cookie: 'argocd.token=t' } }],
    ['user:password in the URL', { url: 'http://ci:secret@argocd.example.com/api' }]
  ])('refuses %s to a host that is not loopback, sending nothing', async (_title, more) => {
    const request = get('http://argocd.example.com/api', more)
    await expect(client.request(request)).rejects.toBeInstanceOf(PlainHttpCredentialError)
  })

  it('sends them over plain http to loopback', async () => {
    const response = await client.request(
      get(`http://localhost:${targetPort}/local`, { headers: { Authorization: 'Bearer t' } })
    )
    expect(response.status).toBe(200)
    expect(seen.target).toEqual(['GET /local auth=Bearer t'])
  })

  it('sends user:password of the URL as Basic credentials', async () => {
    await client.request(get(`http://ci:s%40cret@127.0.0.1:${targetPort}/basic`))
    expect(seen.target).toEqual([
      `GET /basic auth=Basic ${Buffer.from('ci:s@cret').toString('base64')}`
    ])
  })

  it('sends them to any host when the request allows plain http (argocd-insecure)', async () => {
    const proxied = createHttpClient({ env: { HTTP_PROXY: proxy.url } })
    const url = `http://gitops-proxied.invalid:${targetPort}/allowed`
    const headers = { Authorization: 'Bearer t' }
    await expect(proxied.request(get(url, { headers }))).rejects.toBeInstanceOf(
      PlainHttpCredentialError
    )
    expect(proxy.forwarded).toEqual([])
    const response = await proxied.request(get(url, { headers, allowPlainHttpCredentials: true }))
    expect(response.status).toBe(200)
    expect(seen.target).toEqual(['GET /allowed auth=Bearer t'])
  })

  it('sends a request without credentials over plain http anywhere', async () => {
    const proxied = createHttpClient({ env: { HTTP_PROXY: proxy.url } })
    const url = `http://gitops-proxied.invalid:${targetPort}/anonymous`
    expect((await proxied.request(get(url))).status).toBe(200)
  })
})

// A proxy that accepts every connection and never says a word, like a black-holed corporate
// proxy: the request must fail at its deadline and leave nothing that keeps the process alive.
describe('a proxy that accepts and never answers', () => {
  const helpers = join(dirname(fileURLToPath(import.meta.url)), '..')
  let silent: net.Server
  let silentUrl = ''
  const held = new Set<net.Socket>()
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      held.add(socket)
      socket.on('error', () => undefined)
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    silentUrl = `http://ci:pw@127.0.0.1:${(silent.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const socket of held) socket.destroy()
    await new Promise((resolve) => silent.close(resolve))
  })

  const runChild = (
    env: Record<string, string>
  ): Promise<{ exitedAfterMs: number; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      const started = performance.now()
      const child = spawn(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          '--import',
          join(helpers, 'publish', 'helpers', 'ts-hooks.js'),
          join(helpers, 'support', 'http-request-child.ts')
        ],
        { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      // The bug kept the process alive for good; ten seconds is far past any honest exit.
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.on('error', reject)
      child.on('exit', () => {
        clearTimeout(killer)
        resolve({ exitedAfterMs: performance.now() - started, stdout, stderr })
      })
    })

  it.each([
    ['https through CONNECT', 'HTTPS_PROXY', 'https://argocd.gitops-proxy.invalid/api/webhook'],
    [
      'plain http in absolute-URI form',
      'HTTP_PROXY',
      'http://argocd.gitops-proxy.invalid:8080/api/webhook'
    ]
  ])('%s: the request times out and the process exits', async (_title, variable, url) => {
    const run = await runChild({ [variable]: silentUrl, CHILD_URL: url, CHILD_TIMEOUT_MS: '1000' })
    const result = JSON.parse(run.stdout.trim() || '{}') as { timedOut?: boolean; ms?: number }
    expect(result).toMatchObject({ timedOut: true })
    expect(result.ms).toBeLessThan(2500)
    // Node starts in well under a second here; the process ends right after the deadline.
    expect(run.exitedAfterMs).toBeLessThan(5000)
    expect(run.stderr).not.toMatch(/DeprecationWarning/)
  })
})
