import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { composeStages } from '../src/compose.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { run } from '../src/main.js'
import { startArgoCdByRevision, type ArgoCdByRevision } from './support/argocd-by-revision.js'
import { dockerEnvOrWarn } from './support/docker-env.js'
import { checkoutWorkspace, createRemote, git } from './support/git-fixtures.js'
import { createMemoryRuntime } from './support/memory-runtime.js'
import { uniqueSuffix } from './support/registry.js'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'

// A promotion end to end in-process: real git (a bare repository, two workspaces), the real
// registry of .ci/services.sh (an image pushed through its HTTP API), Argo CD faked by revision
// (every app auto-synced to the branch tip, with its history).
const found = await dockerEnvOrWarn('the promotion integration test')
const describeRegistry = found ? describe : describe.skip

/** Pushes a one-config, no-layer OCI image to `registry` as `repository:tag`; its digest. */
async function pushImage(registry: string, repository: string, tag: string): Promise<string> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: [] }
    })
  )
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`
  const start = await fetch(`http://${registry}/v2/${repository}/blobs/uploads/`, {
    method: 'POST'
  })
  const location = new URL(start.headers.get('location') ?? '', `http://${registry}`)
  location.searchParams.set('digest', configDigest)
  const blob = await fetch(location, {
    method: 'PUT',
    body: config,
    headers: { 'Content-Type': 'application/octet-stream' }
  })
  expect(blob.status).toBe(201)
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
  const put = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }
  })
  expect(put.status).toBe(201)
  return `sha256:${createHash('sha256').update(manifest).digest('hex')}`
}

describeRegistry('a promotion over real git and a real registry', () => {
  const registry = found?.registry ?? ''
  const namespace = `promote-${uniqueSuffix()}`
  let dir = ''
  let remote = ''
  let argocd: ArgoCdByRevision
  let digest = ''

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-promote-'))
    digest = await pushImage(registry, `${namespace}/web`, 'v2')
    const values = (tag: string): string =>
      `web:\n  repository: ${registry}/${namespace}/web\n  tag: ${tag}\n`
    remote = createRemote(
      {
        'envs/dev/values.yaml': values('v2'),
        'envs/prod/values.yaml': values('v1')
      },
      path.join(dir, 'remote.git')
    ).bare
    const deployedAt = new Date(Date.now() - 2 * 3600_000)
    argocd = await startArgoCdByRevision({
      token: TOKEN,
      revision: () => git(remote, 'rev-parse', 'main'),
      apps: ['shop-dev', 'shop-prod'].map((name) => ({
        name,
        frameAt: (revision) => ({
          sync: 'Synced',
          health: 'Healthy',
          phase: 'Succeeded',
          history: [{ revision, deployedAt }]
        })
      }))
    })
  })

  afterAll(async () => {
    await argocd.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function promoteOnce(name: string): Promise<Record<string, string>> {
    const workspace = path.join(dir, name)
    const sha = checkoutWorkspace(remote, workspace)
    const runtime = createMemoryRuntime({
      images: 'web',
      registry,
      namespace,
      'repository-path': '{name}.repository',
      environments:
        '- name: dev\n  values-file: envs/dev/values.yaml\n  argocd-app: shop-dev\n' +
        '- name: prod\n  values-file: envs/prod/values.yaml\n  argocd-app: shop-prod\n  soak: 1h\n',
      'promote-to': 'prod',
      'argocd-server': argocd.url,
      'argocd-token': TOKEN,
      'argocd-timeout': '30',
      'argocd-wait': 'true',
      token: ''
    })
    const failures: unknown[] = []
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
    expect(failures).toEqual([])
    return runtime.outputs
  }

  it('lands once when two promotions race to one target, and a re-run finds nothing to do', async () => {
    const base = git(remote, 'rev-parse', 'main')
    const [a, b] = await Promise.all([promoteOnce('ws-a'), promoteOnce('ws-b')])
    const log = git(remote, 'log', '--format=%H', `${base}..main`)
    // One commit landed. Each run reports it, or found nothing to do: two runs that build the
    // same commit (same parent, tree, message and second) push the same object, and both did.
    expect(log.split('\n')).toHaveLength(1)
    for (const outputs of [a, b]) {
      expect([
        { promoted: 'true', changed: 'true', 'commit-sha': log },
        { promoted: 'false', changed: 'false', 'commit-sha': '' }
      ]).toContainEqual({
        promoted: outputs.promoted,
        changed: outputs.changed,
        'commit-sha': outputs['commit-sha']
      })
    }
    expect([a.promoted, b.promoted]).toContain('true')
    expect(git(remote, 'log', '-1', '--format=%s%n%n%b', 'main').trim()).toBe(
      `chore(promote): web:v2 to prod [skip ci]\n\nPromoted-from: dev@${base}`
    )
    expect(git(remote, 'show', 'main:envs/prod/values.yaml')).toBe(
      `web:\n  repository: ${registry}/${namespace}/web\n  tag: v2`
    )
    const landed = a.promoted === 'true' ? a : b
    expect(landed).toMatchObject({
      'promoted-from': 'dev',
      'promoted-to': 'prod',
      'source-revision': base,
      'soak-remaining': '0',
      // The target's app, auto-synced to the tip, seen Synced and Healthy at the landed commit.
      'argocd-revision': log,
      'argocd-health-status': 'Healthy'
    })
    // And run again later: the target has it, nothing to do.
    expect(await promoteOnce('ws-c')).toMatchObject({
      promoted: 'false',
      changed: 'false',
      'commit-sha': ''
    })
    expect(git(remote, 'rev-parse', 'main')).toBe(log)
    expect(JSON.parse(landed.images ?? '[]')).toEqual([
      expect.objectContaining({ name: 'web', tag: 'v2', digest })
    ])
  })
})
