import { describe, expect, it } from '@jest/globals'
import { createHttpFetch, HttpRedirectError } from '../../src/lib/http-fetch.js'
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/lib/http-client.js'

// An HttpClient that records each request and gives the canned answer.
function fakeHttp(answer: HttpResponse): { http: HttpClient; sent: HttpRequest[] } {
  const sent: HttpRequest[] = []
  return {
    sent,
    http: {
      request: (request) => {
        sent.push(request)
        return Promise.resolve(answer)
      }
    }
  }
}

const ok: HttpResponse = {
  status: 200,
  headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '42' },
  body: '{"a":1}'
}

describe('createHttpFetch', () => {
  it('sends method, headers and body with the deadline, and hands the answer back', async () => {
    const { http, sent } = fakeHttp(ok)
    const fetch = createHttpFetch(http, { timeoutMs: 1234, maxBodyBytes: 100 })
    const response = await fetch('https://api.example.test/graphql', {
      method: 'post',
      headers: { Authorization: 'token x', 'Content-Type': 'application/json' },
      body: '{"query":"q"}'
    })
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://api.example.test/graphql',
        headers: { authorization: 'token x', 'content-type': 'application/json' },
        body: '{"query":"q"}',
        timeoutMs: 1234
      }
    ])
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-remaining')).toBe('42')
    expect(await response.json()).toEqual({ a: 1 })
  })

  it.each([
    ['a 204', { status: 204, headers: {}, body: '' }, ''],
    [
      'a 404 with its body',
      { status: 404, headers: {}, body: '{"message":"Not Found"}' },
      '{"message":"Not Found"}'
    ]
  ])('passes %s through', async (_name, answer, text) => {
    const fetch = createHttpFetch(fakeHttp(answer).http, { timeoutMs: 1000, maxBodyBytes: 100 })
    const response = await fetch(new URL('https://api.example.test/x'))
    expect(response.status).toBe(answer.status)
    expect(await response.text()).toBe(text)
  })

  it.each([301, 302, 307, 308])(
    'turns a %i into HttpRedirectError naming the target',
    async (status) => {
      const { http, sent } = fakeHttp({
        status,
        headers: { location: 'https://elsewhere.test/x' },
        body: ''
      })
      const fetch = createHttpFetch(http, { timeoutMs: 1000, maxBodyBytes: 100 })
      const answer = fetch('https://api.example.test/x')
      await expect(answer).rejects.toThrow(HttpRedirectError)
      await expect(answer).rejects.toThrow(/redirect to https:\/\/elsewhere\.test\/x/)
      expect(sent).toHaveLength(1)
    }
  )

  it('refuses an answer larger than the cap', async () => {
    const fetch = createHttpFetch(fakeHttp(ok).http, { timeoutMs: 1000, maxBodyBytes: 3 })
    await expect(fetch('https://api.example.test/x')).rejects.toThrow(
      'GET https://api.example.test/x: the answer is larger than 3 bytes'
    )
  })

  it('reads the body of a Request object', async () => {
    const { http, sent } = fakeHttp(ok)
    const fetch = createHttpFetch(http, { timeoutMs: 1000, maxBodyBytes: 100 })
    await fetch(new Request('https://api.example.test/x', { method: 'PATCH', body: 'abc' }))
    expect(sent[0]).toMatchObject({ method: 'PATCH', body: Buffer.from('abc') })
  })
})
