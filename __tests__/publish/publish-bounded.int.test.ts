import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { join } from 'node:path'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { type PublishOptions } from '../../src/publish/publish.js'
import { publishWithDefaults } from './helpers/publish.js'
import {
  createRemote,
  isolateGitConfig,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { startGitHttpServer } from './helpers/git-http-server.js'
import { setLine, valuesFile } from './helpers/line-compute.js'
import { fastDeps, publishOptions } from './helpers/options.js'

const TOKEN = 'ghs_BoundedToken0123456789abcdefABCD'
const VALUES = 'helm/values.yaml'

let restore: () => void
beforeAll(() => {
  restore = isolateGitConfig()
})
afterAll(() => {
  restore()
  removeTempDirs()
})

/** A server that accepts every connection and request and never answers. */
async function startSilentServer(): Promise<{
  url: string
  hits: string[]
  close(): Promise<void>
}> {
  const hits: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => {
          resolve()
        })
      })
  }
}

function options(serverUrl: string, url: string, temp: string, over: Partial<PublishOptions> = {}) {
  return publishOptions({
    target: { kind: 'remote', url },
    workspace: temp,
    tempDir: temp,
    token: TOKEN,
    branch: 'main',
    github: {
      serverUrl,
      apiUrl: `${serverUrl}/api/v3`,
      graphqlUrl: `${serverUrl}/api/graphql`
    },
    ...over
  })
}

describe('git network operations are bounded', () => {
  it('gives up on a remote that accepts connections but never answers, in seconds', async () => {
    const silent = await startSilentServer()
    try {
      const temp = tempDir()
      const logger = createMemoryLogger()
      const started = performance.now()
      const run = publishWithDefaults(
        options(silent.url, `${silent.url}/acme/gitops.git`, temp, { pushAttempts: 2 }),
        {
          ...fastDeps(),
          networkLimits: { stallSeconds: 1 },
          compute: setLine(VALUES, 'app0', 'v1'),
          logger
        }
      )
      await expect(run).rejects.toThrow(
        /Could not reach acme\/gitops \(branch main\) in 2 attempt\(s\)\. Last failure: .*too slow/
      )
      expect(performance.now() - started).toBeLessThan(15_000)
      expect(silent.hits.length).toBeGreaterThanOrEqual(2)
      expect(logger.lines.filter((line) => line.includes('did not land'))).toHaveLength(1)
    } finally {
      await silent.close()
    }
  }, 30_000)

  it('retries a stalled remote once only, whatever push-attempts allows', async () => {
    const silent = await startSilentServer()
    try {
      const temp = tempDir()
      const logger = createMemoryLogger()
      const started = performance.now()
      const run = publishWithDefaults(options(silent.url, `${silent.url}/acme/gitops.git`, temp), {
        ...fastDeps(),
        networkLimits: { stallSeconds: 1 },
        compute: setLine(VALUES, 'app0', 'v1'),
        logger
      })
      await expect(run).rejects.toThrow(/Could not reach acme\/gitops \(branch main\) in 2 attempt/)
      expect(performance.now() - started).toBeLessThan(15_000)
      expect(logger.lines.filter((line) => line.includes('did not land'))).toHaveLength(1)
    } finally {
      await silent.close()
    }
  }, 30_000)

  it('gives up on a push the server never answers (git-receive-pack hangs), and retries once', async () => {
    const root = tempDir('publish-bounded-root-')
    const bare = createRemote({ [VALUES]: valuesFile(2) }, join(root, 'acme', 'gitops.git')).bare
    const before = remoteFile(bare, VALUES)
    let receivePacks = 0
    const server = await startGitHttpServer(root, TOKEN, (req) => {
      if (!(req.url ?? '').endsWith('/git-receive-pack')) return false
      receivePacks++
      return true // never answered
    })
    try {
      const temp = tempDir()
      const started = performance.now()
      const run = publishWithDefaults(
        options(server.url, `${server.url}/acme/gitops.git`, temp, { pushAttempts: 2 }),
        {
          ...fastDeps(),
          networkLimits: { stallSeconds: 1 },
          compute: setLine(VALUES, 'app0', 'v1'),
          logger: createMemoryLogger()
        }
      )
      await expect(run).rejects.toThrow(/Could not reach acme\/gitops \(branch main\) in 2 attempt/)
      expect(performance.now() - started).toBeLessThan(20_000)
      expect(receivePacks).toBe(2)
      expect(remoteFile(bare, VALUES)).toBe(before)
    } finally {
      await server.close()
    }
  }, 40_000)
})

describe('the token stays on the GitHub server origin across redirects', () => {
  it('refuses a redirect to another origin instead of sending the token there', async () => {
    const otherRoot = tempDir('publish-redirect-other-')
    const otherBare = createRemote(
      { [VALUES]: valuesFile(2) },
      join(otherRoot, 'acme', 'gitops.git')
    ).bare
    const before = remoteFile(otherBare, VALUES)
    const other = await startGitHttpServer(otherRoot, '')
    const redirects: string[] = []
    // the "GitHub server": every request is moved permanently to the other origin
    const github = await startGitHttpServer(
      tempDir('publish-redirect-root-'),
      TOKEN,
      (req, res) => {
        redirects.push(req.url ?? '')
        res.writeHead(301, { Location: `${other.url}${req.url ?? '/'}` }).end()
        return true
      }
    )
    try {
      const temp = tempDir()
      const run = publishWithDefaults(options(github.url, `${github.url}/acme/gitops.git`, temp), {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v1'),
        logger: createMemoryLogger()
      })
      await expect(run).rejects.toThrow(
        /acme\/gitops answered reading branch main with a redirect .*Set repository to the repository's current URL/
      )
      expect(redirects.length).toBeGreaterThan(0)
      // the token reached the GitHub server only; the other origin saw nothing at all
      expect(github.authorizations.filter((header) => header !== '').length).toBeGreaterThan(0)
      expect(other.authorizations).toEqual([])
      expect(remoteFile(otherBare, VALUES)).toBe(before)
    } finally {
      await github.close()
      await other.close()
    }
  })
})

describe('the API token stays on the API origin across redirects', () => {
  it.each([301, 307, 308])(
    'an API answer %s to another origin does not carry the token there',
    async (status) => {
      const seen: string[] = []
      const other = createServer((req, res) => {
        seen.push(req.headers.authorization ?? '')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}')
      })
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
      const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
      const apiSeen: string[] = []
      const api = createServer((req, res) => {
        apiSeen.push(req.headers.authorization ?? '')
        res.writeHead(status, { location: `${otherUrl}${req.url ?? '/'}` }).end()
      })
      await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
      const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
      try {
        const temp = tempDir()
        const run = publishWithDefaults(
          options(apiUrl, `${apiUrl}/acme/gitops.git`, temp, { mode: 'api' }),
          {
            ...fastDeps(),
            compute: setLine(VALUES, 'app0', 'v1'),
            logger: createMemoryLogger()
          }
        )
        await expect(run).rejects.toThrow(new RegExp(`answered ${status} with a redirect`))
        expect(apiSeen.length).toBeGreaterThan(0)
        expect(apiSeen.every((header) => header.includes(TOKEN))).toBe(true)
        // the action's HttpClient follows no redirect: the other origin is never asked
        expect(seen).toEqual([])
      } finally {
        await new Promise((resolve) => api.close(resolve))
        await new Promise((resolve) => other.close(resolve))
      }
    }
  )
})
