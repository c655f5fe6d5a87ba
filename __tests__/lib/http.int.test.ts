import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { createHttpClient, HttpNetworkError } from '../../src/lib/http.js'

// A target server and a CONNECT proxy on loopback. The proxy maps every host it is asked for to
// loopback, so tests can use a name that is not loopback (the toolkit never proxies loopback).
let target: http.Server
let proxy: ConnectProxy
let targetPort = 0
const seen: { target: string[] } = { target: [] }

beforeAll(async () => {
  target = http.createServer((req, res) => {
    seen.target.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? ''}`)
    if (req.url === '/redirect') {
      res.writeHead(301, { location: 'http://elsewhere.invalid/' }).end()
      return
    }
    if (req.url === '/hang') return
    if (req.url === '/big') {
      res.end('x'.repeat(4096))
      return
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.url}`)
  })
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
  proxy = await startConnectProxy()
  targetPort = (target.address() as AddressInfo).port
})

afterAll(async () => {
  target.closeAllConnections()
  await new Promise((resolve) => target.close(resolve))
  await proxy.close()
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
  seen.target.length = 0
})

describe('the HTTP client', () => {
  it('answers directly without proxy variables', async () => {
    const response = await createHttpClient().request({
      method: 'GET',
      url: `http://127.0.0.1:${targetPort}/plain`,
      headers: {},
      timeoutMs: 5000
    })
    expect(response).toMatchObject({ status: 200, body: 'hello /plain' })
    expect(proxy.tunnels).toEqual([])
  })

  it('goes through HTTP_PROXY, and not for a host in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url
    const url = `http://gitops-proxied.invalid:${targetPort}/via-proxy`
    const response = await createHttpClient().request({
      method: 'GET',
      url,
      headers: {},
      timeoutMs: 5000
    })
    expect(response).toMatchObject({ status: 200, body: 'hello /via-proxy' })
    expect(proxy.tunnels).toEqual([`gitops-proxied.invalid:${targetPort}`])

    process.env.NO_PROXY = 'gitops-proxied.invalid'
    await expect(
      createHttpClient().request({ method: 'GET', url, headers: {}, timeoutMs: 5000 })
    ).rejects.toBeInstanceOf(HttpNetworkError)
    expect(proxy.tunnels).toHaveLength(1)
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
      createHttpClient().request({
        method: 'GET',
        url: `http://127.0.0.1:${targetPort}/hang`,
        headers: {},
        timeoutMs: 300
      })
    ).rejects.toMatchObject({ timedOut: true })
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('refuses a body over the cap', async () => {
    await expect(
      createHttpClient({ maxBodyBytes: 1024 }).request({
        method: 'GET',
        url: `http://127.0.0.1:${targetPort}/big`,
        headers: {},
        timeoutMs: 5000
      })
    ).rejects.toThrow(/larger than 1024 bytes/)
  })
})
