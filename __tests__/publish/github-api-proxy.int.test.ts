import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createGitHubApi } from '../../src/publish/github-api.js'
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js'
import { createRemote, isolateGitConfig, removeTempDirs, tempDir } from './helpers/git-fixtures.js'
import { valuesFile } from './helpers/line-compute.js'

// The GitHub API behind a proxy, as on a self-hosted runner: HTTPS_PROXY/HTTP_PROXY send every
// API request through the proxy, NO_PROXY exempts a host. The proxy is a CONNECT proxy on
// loopback that maps every host to the fake GitHub, so the API can be named by a host that only
// the proxy can reach (the toolkit never proxies loopback addresses).
const TOKEN = 'ghs_ProxyToken0123456789abcdef'
const HOST = 'github.proxied.invalid'
const PROXY_VARIABLES = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'NO_PROXY',
  'no_proxy'
]

let restore: () => void
let github: FakeGitHub
let proxy: http.Server
let proxyPort = 0
const connects: string[] = []
const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]))

beforeAll(async () => {
  restore = isolateGitConfig()
  proxy = http.createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    connects.push(req.url ?? '')
    const port = Number(new URL(github.apiUrl).port)
    const upstream = net.connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyPort = (proxy.address() as AddressInfo).port
})
beforeEach(async () => {
  const root = tempDir('publish-proxy-root-')
  createRemote({ 'helm/values.yaml': valuesFile(1) }, join(root, 'acme', 'gitops.git'))
  github = await startFakeGitHub(root, 'acme', 'gitops', TOKEN)
  connects.length = 0
})
afterEach(async () => {
  for (const [name, value] of saved) {
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
  await github.close()
  removeTempDirs()
})
afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise((resolve) => proxy.close(resolve))
  restore()
})

/** The fake GitHub's API URL with its loopback host replaced by a name only the proxy knows. */
function proxiedUrls(): { serverUrl: string; apiUrl: string; graphqlUrl: string } {
  const swap = (url: string): string => {
    const parsed = new URL(url)
    parsed.hostname = HOST
    return parsed.toString().replace(/\/$/, '')
  }
  return {
    serverUrl: swap(github.serverUrl),
    apiUrl: swap(github.apiUrl),
    graphqlUrl: swap(github.graphqlUrl)
  }
}

describe('the GitHub API client behind a proxy', () => {
  it('sends REST and GraphQL requests through HTTP_PROXY/HTTPS_PROXY', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`
    process.env.HTTPS_PROXY = `http://127.0.0.1:${proxyPort}`
    const api = createGitHubApi(TOKEN, proxiedUrls())
    const repository = { owner: 'acme', repo: 'gitops' }
    expect(await api.defaultBranch(repository)).toBe('main')
    expect(await api.branchHead(repository, 'main')).toMatchObject({
      oid: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown
    })
    expect(connects.length).toBeGreaterThan(0)
    expect(connects.every((target) => target.startsWith(`${HOST}:`))).toBe(true)
    expect(github.calls.length).toBeGreaterThanOrEqual(2)
  })

  it('does not use the proxy for a host in NO_PROXY', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`
    process.env.HTTPS_PROXY = `http://127.0.0.1:${proxyPort}`
    process.env.NO_PROXY = HOST
    const api = createGitHubApi(TOKEN, proxiedUrls())
    // Without the proxy the made-up host cannot be reached at all.
    await expect(api.defaultBranch({ owner: 'acme', repo: 'gitops' })).rejects.toThrow()
    expect(connects).toEqual([])
  })
})
