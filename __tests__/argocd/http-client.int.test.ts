import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHttpClient, HttpNetworkError } from '../../src/argocd/http-client.js'

describe('createHttpClient', () => {
  const server = createServer((req, res) => {
    if (req.url === '/slow') return // never answers
    if (req.url === '/big') {
      res.end('x'.repeat(4096))
      return
    }
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      res.writeHead(201, {
        'X-Echo-Type': req.headers['content-type'] ?? '',
        'X-Length': req.headers['content-length'] ?? ''
      })
      res.end(`${req.method} ${body}`)
    })
  })
  let base = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
  const client = createHttpClient({ insecure: false, maxBodyBytes: 1024 })

  it('sends the body and headers as given and returns any status', async () => {
    const response = await client.request({
      method: 'POST',
      url: `${base}/echo`,
      headers: { 'Content-Type': 'application/json' },
      body: Buffer.from('{"a":1}'),
      timeoutMs: 5000
    })
    expect(response.status).toBe(201)
    expect(response.body).toBe('POST {"a":1}')
    expect(response.headers['x-echo-type']).toBe('application/json')
    expect(response.headers['x-length']).toBe('7')
  })

  it('ends a request that takes too long', async () => {
    const error = await client
      .request({ method: 'GET', url: `${base}/slow`, headers: {}, timeoutMs: 300 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpNetworkError)
    expect(error).toMatchObject({ timedOut: true, tls: false, code: 'ETIMEDOUT' })
  })

  it('refuses an answer over the size limit', async () => {
    await expect(
      client.request({ method: 'GET', url: `${base}/big`, headers: {}, timeoutMs: 5000 })
    ).rejects.toThrow(/larger than 1024 bytes/)
  })
})
