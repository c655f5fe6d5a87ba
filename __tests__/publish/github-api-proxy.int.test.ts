import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import * as tls from 'node:tls'
import { PlainHttpCredentialError } from '../../src/lib/http-client.js'
import { createHttpClient } from '../../src/lib/http.js'
import { createGitHubApi } from '../../src/publish/github/api.js'
import { DEFAULT_RATE_LIMITS } from '../../src/publish/github/rate-limit.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { createSelfSignedCert, hasOpenssl, type KeyAndCert } from '../support/self-signed.js'
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js'
import { createRemote, isolateGitConfig, removeTempDirs, tempDir } from '../support/git-fixtures.js'
import { valuesFile } from './helpers/line-compute.js'

// The GitHub API behind a proxy, as on a self-hosted runner: HTTPS_PROXY/HTTP_PROXY send every
// API request through the proxy, NO_PROXY exempts a host. The proxy is a CONNECT proxy on
// loopback that maps every host to the fake GitHub, so the API can be named by a host that only
// the proxy can reach (loopback addresses are never proxied). The fake serves https with a
// self-signed certificate for that name, trusted for this file's lifetime through Node's default
// CA list (tls.setDefaultCACertificates; the client takes no CA option, as the action trusts what
// Node trusts). dist/ over the same proxy: __tests__/action/api-proxy.int.test.ts.
const TOKEN = 'ghs_ProxyToken0123456789abcdef'
const HOST = 'github.proxied.invalid'
const REPOSITORY = { owner: 'acme', repo: 'gitops' }

function selfSigned(): KeyAndCert {
  const pair = createSelfSignedCert([HOST])
  // A missing tool fails the file rather than skipping it: these cases are the proof.
  if (!pair) throw new Error('these tests need the openssl CLI for a self-signed certificate')
  return pair
}

let restore: () => void
let github: FakeGitHub
let proxy: ConnectProxy
let pair: KeyAndCert
let trusted: string[]

beforeAll(async () => {
  restore = isolateGitConfig()
  pair = selfSigned()
  trusted = tls.getCACertificates('default')
  tls.setDefaultCACertificates([...trusted, pair.cert])
  proxy = await startConnectProxy()
})
beforeEach(async () => {
  const root = tempDir('publish-proxy-root-')
  createRemote({ 'helm/values.yaml': valuesFile(1) }, join(root, 'acme', 'gitops.git'))
  github = await startFakeGitHub(root, 'acme', 'gitops', TOKEN, pair)
  proxy.tunnels.length = 0
  proxy.forwarded.length = 0
  proxy.proxyAuthorizations.length = 0
})
afterEach(async () => {
  await github.close()
  removeTempDirs()
})
afterAll(async () => {
  tls.setDefaultCACertificates(trusted)
  await proxy.close()
  restore()
})

/** The fake GitHub's URLs with the loopback host replaced by a name only the proxy knows. */
function proxiedUrls(protocol: 'https:' | 'http:' = 'https:'): {
  serverUrl: string
  apiUrl: string
  graphqlUrl: string
} {
  const swap = (url: string): string => {
    const parsed = new URL(url)
    parsed.protocol = protocol
    parsed.hostname = HOST
    return parsed.toString().replace(/\/$/, '')
  }
  return {
    serverUrl: swap(github.serverUrl),
    apiUrl: swap(github.apiUrl),
    graphqlUrl: swap(github.graphqlUrl)
  }
}

/** The API client as the action makes it, with the proxy variables given. */
function apiBehind(env: Record<string, string>, protocol?: 'https:' | 'http:') {
  return createGitHubApi(TOKEN, proxiedUrls(protocol), DEFAULT_RATE_LIMITS, {
    http: createHttpClient({ env })
  })
}

// Without the openssl CLI there is no certificate: CI fails (selfSigned throws), a plain
// `npm test` on a machine without it says so once and skips.
const describeTls = hasOpenssl() || process.env.CI === 'true' ? describe : describe.skip
if (!hasOpenssl() && process.env.CI !== 'true') {
  console.warn('SKIPPING the GitHub API client behind a proxy: the openssl CLI is not installed')
}

describeTls('the GitHub API client behind a proxy', () => {
  it('sends REST and GraphQL requests over https through the proxy (CONNECT)', async () => {
    const api = apiBehind({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
    expect(await api.defaultBranch(REPOSITORY)).toBe('main')
    expect(await api.branchHead(REPOSITORY, 'main')).toMatchObject({
      oid: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown
    })
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(proxy.tunnels.every((target) => target.startsWith(`${HOST}:`))).toBe(true)
    expect(proxy.forwarded).toEqual([])
    expect(github.calls.length).toBeGreaterThanOrEqual(2)
  })

  it('refuses to send the token over plain http to a host that is not loopback', async () => {
    const api = apiBehind({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }, 'http:')
    const failure = api.defaultBranch(REPOSITORY)
    await expect(failure).rejects.toBeInstanceOf(PlainHttpCredentialError)
    await expect(failure).rejects.toThrow(HOST)
    await expect(failure).rejects.not.toThrow('HTTP 500')
    // Refused before anything was sent: the proxy saw neither a request nor a tunnel.
    expect(proxy.forwarded).toEqual([])
    expect(proxy.tunnels).toEqual([])
    expect(proxy.proxyAuthorizations).toEqual([])
    expect(github.calls).toEqual([])
  })

  it('does not use the proxy for a host in NO_PROXY', async () => {
    const api = apiBehind({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: HOST })
    // Without the proxy the made-up host cannot be reached at all.
    await expect(api.defaultBranch(REPOSITORY)).rejects.toThrow()
    expect(proxy.tunnels).toEqual([])
    expect(proxy.forwarded).toEqual([])
  })
})
