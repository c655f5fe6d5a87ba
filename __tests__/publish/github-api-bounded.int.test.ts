import { DEFAULT_RATE_LIMITS } from '../../src/publish/github/rate-limit.js'
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createHttpClient } from '../../src/lib/http.js'
import { createGitHubApi } from '../../src/publish/github/api.js'

const TOKEN = 'ghs_BoundedApiToken0123456789abcdef'
const repository = { owner: 'acme', repo: 'gitops' }

// A GitHub API stand-in whose every answer is `answer(res)`; stopped after each test.
let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

async function serve(answer: (res: ServerResponse) => void): Promise<string> {
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const server: Server = createServer((_req, res) => {
    answer(res)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  stop = () =>
    new Promise((resolve) => {
      for (const timer of timers) clearInterval(timer)
      for (const socket of sockets) socket.destroy()
      server.close(() => {
        resolve()
      })
    })
  const { port } = server.address() as AddressInfo
  return `http://127.0.0.1:${port}`
}

function api(url: string, timeoutMs: number) {
  return createGitHubApi(
    TOKEN,
    { apiUrl: `${url}/api/v3`, graphqlUrl: `${url}/api/graphql` },
    DEFAULT_RATE_LIMITS,
    { http: createHttpClient(), timeoutMs }
  )
}

describe('every GitHub API request has one deadline', () => {
  it('gives up on an answer that drips one byte at a time, within the deadline', async () => {
    const drips: NodeJS.Timeout[] = []
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{')
      // stands for one byte every 20 s: never silent long enough for an idle timeout
      drips.push(setInterval(() => res.write(' '), 100))
    })
    const started = performance.now()
    try {
      await expect(api(url, 1000).listTree(repository, 'a'.repeat(40))).rejects.toThrow(
        /Listing tree a+: GitHub sent no complete answer: no answer within 1 s/
      )
    } finally {
      drips.forEach(clearInterval)
    }
    expect(performance.now() - started).toBeLessThan(5000)
  }, 15_000)

  it('says "no answer within" for a server that never answers, not "HTTP 500"', async () => {
    const url = await serve(() => undefined)
    const run = api(url, 500).defaultBranch(repository)
    await expect(run).rejects.toThrow(/GitHub sent no complete answer: no answer within 1 s/)
    await expect(run).rejects.not.toThrow(/HTTP 500/)
  }, 15_000)

  it('does not follow a redirect: the token is not sent anywhere else', async () => {
    let elsewhere = 0
    const other = await serve(() => {
      elsewhere++
    })
    const otherStop = stop
    const url = await serve((res) => {
      res.writeHead(307, { location: `${other}/api/graphql` }).end()
    })
    try {
      await expect(api(url, 1000).defaultBranch(repository)).rejects.toThrow(
        /answered 307 with a redirect to http:\/\/127\.0\.0\.1:\d+\/api\/graphql/
      )
      expect(elsewhere).toBe(0)
    } finally {
      await otherStop?.()
    }
  }, 15_000)
})
