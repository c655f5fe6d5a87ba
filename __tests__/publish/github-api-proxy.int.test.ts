import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { createGitHubApi } from '../../src/publish/github/api.js'
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
let proxy: ConnectProxy
const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]))

beforeAll(async () => {
  restore = isolateGitConfig()
  proxy = await startConnectProxy()
})
beforeEach(async () => {
  const root = tempDir('publish-proxy-root-')
  createRemote({ 'helm/values.yaml': valuesFile(1) }, join(root, 'acme', 'gitops.git'))
  github = await startFakeGitHub(root, 'acme', 'gitops', TOKEN)
  proxy.tunnels.length = 0
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
  await proxy.close()
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
    process.env.HTTP_PROXY = proxy.url
    process.env.HTTPS_PROXY = proxy.url
    const api = createGitHubApi(TOKEN, proxiedUrls())
    const repository = { owner: 'acme', repo: 'gitops' }
    expect(await api.defaultBranch(repository)).toBe('main')
    expect(await api.branchHead(repository, 'main')).toMatchObject({
      oid: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown
    })
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(proxy.tunnels.every((target) => target.startsWith(`${HOST}:`))).toBe(true)
    expect(github.calls.length).toBeGreaterThanOrEqual(2)
  })

  it('does not use the proxy for a host in NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url
    process.env.HTTPS_PROXY = proxy.url
    process.env.NO_PROXY = HOST
    const api = createGitHubApi(TOKEN, proxiedUrls())
    // Without the proxy the made-up host cannot be reached at all.
    await expect(api.defaultBranch({ owner: 'acme', repo: 'gitops' })).rejects.toThrow()
    expect(proxy.tunnels).toEqual([])
  })
})
