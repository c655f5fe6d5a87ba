import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../publish/helpers/fake-github.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { checkoutWorkspace, createRemote, git, isolateGitConfig } from '../support/git-fixtures.js'
import { repoRoot, runAction, type ActionRun } from '../support/run-action.js'
import { createSelfSignedCert } from '../support/self-signed.js'

// The bundled action on a self-hosted runner behind a proxy, committing with commit-mode: api:
// the GitHub server is named by a host only the proxy can reach, so every API call (the action's
// own HTTP client, CONNECT through the proxy, then TLS) must go through the proxy, or the run
// fails. The fake serves https with a self-signed certificate for that name, which the run
// trusts the way a runner trusts a corporate CA: NODE_EXTRA_CA_CERTS for Node, GIT_SSL_CAINFO
// for git. The token never goes over plain http to such a host (see
// __tests__/publish/github-api-proxy.int.test.ts), hence https here.
const TOKEN = 'ghs_DistProxyToken0123456789abcdef'
const HOST = 'github.proxied.invalid'
const VALUES = 'helm/values.yaml'
// undici's own bundle, which dist/undici.cjs loads on first use only (for @actions/http-client's
// proxy agent); no request of the action goes through undici.
const UNDICI = path.join(repoRoot, 'dist', 'undici', 'index.cjs')
const UNDICI_LOADER = path.join(repoRoot, 'dist', 'undici.cjs')
const pair = createSelfSignedCert([HOST])

let restore: () => void
let dir: string
let bare: string
let github: FakeGitHub
let proxy: ConnectProxy
let loadedFile: string
let certFile: string

beforeAll(() => {
  restore = isolateGitConfig()
})
afterAll(() => {
  restore()
})
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gitops-api-proxy-'))
  const remote = createRemote(
    {
      [VALUES]: '# shop\nweb:\n  image: acme/web\n  tag: v1 # pinned\n'
    },
    path.join(dir, 'acme', 'remote.git')
  ).bare
  bare = path.join(dir, 'acme', 'gitops.git')
  git(dir, 'clone', '-q', '--bare', remote, bare)
  // A missing tool fails the file rather than skipping it: this run is the proof.
  if (!pair) throw new Error('this test needs the openssl CLI for a self-signed certificate')
  certFile = path.join(dir, 'github-ca.pem')
  await writeFile(certFile, pair.cert)
  github = await startFakeGitHub(dir, 'acme', 'gitops', TOKEN, pair)
  proxy = await startConnectProxy()
  // Every CommonJS module the run loaded, written when it exits (require.cache is Node's
  // documented CommonJS module cache; the on-demand undici bundle is loaded through it).
  loadedFile = path.join(dir, 'loaded.json')
  await writeFile(
    path.join(dir, 'record-loads.cjs'),
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedFile)}, JSON.stringify(Object.keys(require.cache))))\n`
  )
})
afterEach(async () => {
  await proxy.close()
  await github.close()
  await rm(dir, { recursive: true, force: true })
})

/** The fake's URL with its loopback host replaced by the name only the proxy knows. */
function proxied(url: string): string {
  const parsed = new URL(url)
  parsed.hostname = HOST
  return parsed.toString().replace(/\/$/, '')
}

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const workspace = path.join(dir, 'ws')
  checkoutWorkspace(bare, workspace)
  git(workspace, 'remote', 'set-url', 'origin', proxied(github.gitUrl))
  return runAction({
    workspace,
    inputs: { images: 'web', build: 'false', tag: 'v2', token: TOKEN, ...inputs },
    env: {
      GITHUB_REPOSITORY: 'acme/gitops',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_SERVER_URL: proxied(github.serverUrl),
      GITHUB_API_URL: proxied(github.apiUrl),
      GITHUB_GRAPHQL_URL: proxied(github.graphqlUrl),
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NODE_EXTRA_CA_CERTS: certFile,
      GIT_SSL_CAINFO: certFile,
      NODE_OPTIONS: `--require ${path.join(dir, 'record-loads.cjs')}`
    }
  })
}

async function loaded(): Promise<string[]> {
  return JSON.parse(await readFile(loadedFile, 'utf8')) as string[]
}

// Without the openssl CLI there is no certificate: CI fails (the check above throws), a plain
// `npm test` on a machine without it says so once and skips.
const describeTls = pair !== undefined || process.env.CI === 'true' ? describe : describe.skip
if (pair === undefined && process.env.CI !== 'true') {
  console.warn('SKIPPING dist/index.js behind a proxy: the openssl CLI is not installed')
}

describeTls('dist/index.js behind a proxy', () => {
  it('commits with commit-mode: api, every API call through the proxy', async () => {
    const result = await run({ 'commit-mode': 'api' })
    expect(result.stdout).not.toContain('::error')
    expect(result.exitCode).toBe(0)
    const sha = git(bare, 'rev-parse', 'main')
    expect(result.outputs['commit-sha']).toBe(sha)
    expect(git(bare, 'show', `main:${VALUES}`)).toBe(
      '# shop\nweb:\n  image: acme/web\n  tag: v2 # pinned'
    )
    // Read and committed through the API alone (GraphQL createCommitOnBranch): no git traffic.
    expect(github.calls.some((call) => call.startsWith('POST /api/graphql'))).toBe(true)
    expect(github.gitRequests).toEqual([])
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(proxy.tunnels.every((target) => target.startsWith(`${HOST}:`))).toBe(true)
    // Over TLS inside the tunnels: nothing in the clear through the proxy.
    expect(proxy.forwarded).toEqual([])
    expect(github.serverUrl).toMatch(/^https:/)
    // The API goes through the action's own client, which opens one tunnel per request and
    // pools nothing; undici's fetch would have kept a tunnel open for the next request. (undici's
    // bundle is still loaded by this run, unused: importing @actions/github builds a proxy
    // dispatcher for GITHUB_API_URL when a proxy is set.)
    expect(github.exchanges.length).toBeGreaterThan(1)
    expect(proxy.tunnels).toHaveLength(github.exchanges.length)
  })

  it('pushes with git and opens the pull request, both over https through the proxy', async () => {
    const result = await run({ 'create-pr': 'true' })
    expect(result.stdout).not.toContain('::error')
    expect(result.exitCode).toBe(0)
    expect(github.pulls).toEqual([expect.objectContaining({ head: 'release/v2', base: 'main' })])
    expect(git(bare, 'show', `release/v2:${VALUES}`)).toContain('tag: v2 # pinned')
    // git's own requests reached the fake, and only through tunnels to the proxied name.
    expect(github.gitRequests.some((request) => request.includes('git-receive-pack'))).toBe(true)
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(proxy.tunnels.every((target) => target.startsWith(`${HOST}:`))).toBe(true)
    expect(proxy.forwarded).toEqual([])
  })

  it('edits a file without loading undici at all', async () => {
    const result = await run({ commit: 'false' })
    expect(result.exitCode).toBe(0)
    expect(await readFile(path.join(dir, 'ws', VALUES), 'utf8')).toContain('tag: v2 # pinned')
    expect(proxy.tunnels).toEqual([])
    const modules = await loaded()
    expect(modules).toContain(UNDICI_LOADER)
    expect(modules).not.toContain(UNDICI)
  })
})
