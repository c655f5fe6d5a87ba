// A promotion against a release, measured in the same run: each round releases tag vN into dev
// (no build: the edit, commit and push of a release) and then promotes vN from dev to prod,
// whose source is already Synced, Healthy and soaked (Argo CD faked by revision, the registry
// faked by a local server answering the manifest requests). Both go through src/main.ts's run()
// with the real stages over a bare git repository.
// Usage: npm run bench -- promote [rounds]
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeStages } from '../src/compose.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { run } from '../src/main.js'
import { startArgoCdByRevision } from '../__tests__/support/argocd-by-revision.js'
import { checkoutWorkspace, createRemote, git } from '../__tests__/support/git-fixtures.js'
import { createMemoryRuntime } from '../__tests__/support/memory-runtime.js'

const ROUNDS = Number(process.argv[2] ?? 5)
const GOAL = 2
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

// The registry's side of the registry check: every tag is one small image.
const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: {} })
const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`
const manifest = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: {
    mediaType: 'application/vnd.oci.image.config.v1+json',
    digest: configDigest,
    size: config.length
  },
  layers: []
})
const manifestDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`
const registry = createServer((req, res) => {
  const url = req.url ?? ''
  if (url.includes('/manifests/')) {
    res.writeHead(200, {
      'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
      'Docker-Content-Digest': manifestDigest
    })
    res.end(req.method === 'HEAD' ? undefined : manifest)
    return
  }
  if (url.endsWith(`/blobs/${configDigest}`)) {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
    res.end(config)
    return
  }
  res.writeHead(url === '/v2/' ? 200 : 404, { 'Content-Type': 'application/json' })
  res.end('{}')
})
await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve))
const registryHost = `127.0.0.1:${(registry.address() as AddressInfo).port}`

const dir = mkdtempSync(join(tmpdir(), 'bench-promote-'))
const values = (tag: string): string => `web:\n  tag: ${tag}\n`
const remote = createRemote(
  {
    'envs/dev/values.yaml': values('v0'),
    'envs/prod/values.yaml': values('v0')
  },
  join(dir, 'remote.git')
).bare
const deployedAt = new Date(Date.now() - 24 * 3600_000)
const argocd = await startArgoCdByRevision({
  token: TOKEN,
  revision: () => git(remote, 'rev-parse', 'main'),
  apps: ['shop-dev', 'shop-prod'].map((name) => ({
    name,
    frameAt: (revision: string) => ({
      sync: 'Synced' as const,
      health: 'Healthy' as const,
      phase: 'Succeeded' as const,
      history: [{ revision, deployedAt }]
    })
  }))
})

const ENVIRONMENTS =
  '- name: dev\n  values-file: envs/dev/values.yaml\n  argocd-app: shop-dev\n' +
  '- name: prod\n  values-file: envs/prod/values.yaml\n  argocd-app: shop-prod\n  soak: 1h\n'

async function timed(name: string, inputs: Record<string, string>): Promise<number> {
  const workspace = join(dir, name)
  const sha = checkoutWorkspace(remote, workspace)
  const runtime = createMemoryRuntime({
    images: 'web',
    registry: registryHost,
    namespace: 'acme',
    build: 'false',
    environments: ENVIRONMENTS,
    'argocd-server': argocd.url,
    'argocd-token': TOKEN,
    token: '',
    ...inputs
  })
  const failures: unknown[] = []
  const start = performance.now()
  await run({
    runtime,
    logger: createMemoryLogger(),
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'acme/gitops',
      GITHUB_REF: 'refs/heads/main',
      RUNNER_TEMP: dir,
      PATH: process.env.PATH ?? ''
    },
    compose: composeStages,
    fail: (error) => failures.push(error)
  })
  const ms = performance.now() - start
  rmSync(workspace, { recursive: true, force: true })
  if (failures.length > 0 || runtime.outputs.changed !== 'true') {
    const why = failures[0] instanceof Error ? failures[0].message : 'nothing changed'
    throw new Error(`${name}: ${why}`)
  }
  return ms
}

try {
  const releases: number[] = []
  const promotions: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    releases.push(await timed(`release-${round}`, { tag: `v${round}` }))
    promotions.push(await timed(`promote-${round}`, { 'promote-to': 'prod' }))
  }
  const release = median(releases)
  const promotion = median(promotions)
  const ratio = promotion / release
  process.stdout.write(
    `release without build (median of ${ROUNDS}): ${release.toFixed(0)} ms\n` +
      `promotion, source healthy and soaked (median of ${ROUNDS}): ${promotion.toFixed(0)} ms\n` +
      `ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL}): ${ratio <= GOAL ? 'met' : 'NOT met'}\n`
  )
} finally {
  await argocd.close()
  await new Promise<void>((resolve) => {
    registry.close(() => {
      resolve()
    })
  })
  rmSync(dir, { recursive: true, force: true })
}
