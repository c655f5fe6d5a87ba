import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { ArgoCdWaitError } from '../src/argocd/wait-error.js'
import type { AppState } from '../src/argocd/types.js'
import { createMemorySource } from '../src/edit/memory-source.js'
import { unifiedDiff } from '../src/edit/unified-diff.js'
import { EditError } from '../src/errors.js'
import { getInputs, type InputSource } from '../src/inputs.js'
import { createMemoryLogger } from '../src/logger.js'
import { release, type ReleaseStages } from '../src/main.js'
import { newReleaseState, type ReleaseState } from '../src/outputs.js'
import type { PublishResult } from '../src/publish/publish.js'

const VALUES = 'web:\n  image: acme/web\n  tag: v1 # current\n'
const PUSHED = 'c'.repeat(40)
const BASE = 'b'.repeat(40)

// The orchestration with every side-effecting stage faked: which stage runs, in which order,
// and what the state holds when a stage fails.
describe('release', () => {
  let workspace: string
  let calls: string[]

  beforeEach(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'gitops-release-'))
    await mkdir(path.join(workspace, 'helm'))
    await mkdir(path.join(workspace, 'web'))
    await writeFile(path.join(workspace, 'helm', 'values.yaml'), VALUES)
    await writeFile(path.join(workspace, 'web', 'Dockerfile'), 'FROM scratch\n')
    calls = []
  })

  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  function settingsWith(values: Record<string, string>): ReturnType<typeof getInputs> {
    const inputs: InputSource = { get: (name) => values[name] ?? '', mask: () => undefined }
    return getInputs(inputs, {
      GITHUB_WORKSPACE: workspace,
      GITHUB_SHA: '2682590' + 'a'.repeat(33),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_REF: 'refs/heads/main'
    })
  }

  function stages(overrides: Partial<ReleaseStages> = {}): ReleaseStages {
    return {
      buildImages: (options) => {
        calls.push('build')
        return Promise.resolve(
          options.images.map((image) => ({
            name: image.name,
            repository: image.repository,
            tag: options.tag,
            digest: `sha256:${'d'.repeat(64)}`,
            ref: `${image.repository}:${options.tag}`,
            seconds: 1
          }))
        )
      },
      publish: async (options, compute) => {
        calls.push(options.dryRun ? 'publish (dry run)' : 'publish')
        const edits = await compute(createMemorySource({ 'helm/values.yaml': VALUES }))
        const landed = !options.dryRun
        const result: PublishResult = {
          changed: true,
          commitSha: landed ? PUSHED : '',
          commitUrl: landed ? `https://github.com/acme/shop/commit/${PUSHED}` : '',
          branch: options.createPr ? options.prBranch : 'main',
          before: BASE,
          defaultBranch: 'main',
          remoteUrl: 'https://github.com/acme/shop.git',
          files: ['helm/values.yaml'],
          edits,
          diff: unifiedDiff(edits),
          prOperation: options.createPr && landed ? 'created' : '',
          prHeadSha: options.createPr && landed ? PUSHED : '',
          ...(options.createPr && landed
            ? { prNumber: 7, prUrl: 'https://github.com/acme/shop/pull/7' }
            : {})
        }
        return result
      },
      notifyWebhook: () => {
        calls.push('webhook')
        return Promise.resolve({
          delivered: true,
          status: 200,
          attempts: 1,
          url: 'x',
          reason: 'ok'
        })
      },
      refreshAndWait: () => {
        calls.push('wait')
        return Promise.resolve([healthy])
      },
      ...overrides
    }
  }

  const healthy: AppState = {
    app: 'shop',
    revision: PUSHED,
    syncStatus: 'Synced',
    healthStatus: 'Healthy',
    outcome: 'deployed'
  }

  const argocdInputs = {
    'argocd-webhook-url': 'https://argocd.example.com/api/webhook',
    'argocd-server': 'https://argocd.example.com',
    'argocd-token': 'aa.bb.cc',
    'argocd-app': 'shop',
    'argocd-wait': 'true'
  }

  async function runRelease(
    values: Record<string, string>,
    fakes: ReleaseStages = stages()
  ): Promise<{ state: ReleaseState; error: unknown }> {
    const settings = settingsWith(values)
    const state = newReleaseState(settings.tag)
    let error: unknown
    try {
      await release(settings, createMemoryLogger(), state, fakes)
    } catch (caught) {
      error = caught
    }
    return { state, error }
  }

  it('runs the stages in order: preflight, build, publish, webhook, wait', async () => {
    const { state, error } = await runRelease({ images: 'web', tag: 'v2', ...argocdInputs })
    expect(error).toBeUndefined()
    expect(calls).toEqual(['publish (dry run)', 'build', 'publish', 'webhook', 'wait'])
    expect(state.commitSha).toBe(PUSHED)
    expect(state.changed).toBe(true)
    expect(state.images[0]?.digest).toMatch(/^sha256:d{64}$/)
    expect(state.argocd).toEqual({
      revision: PUSHED,
      syncStatus: 'Synced',
      healthStatus: 'Healthy'
    })
    expect(state.diff).toContain('+  tag: v2 # current')
  })

  it('builds nothing when a path does not resolve', async () => {
    const { error } = await runRelease({ images: 'web', tag: 'v2', 'tag-path': '{name}.nope' })
    expect(error).toBeInstanceOf(EditError)
    expect(calls).toEqual(['publish (dry run)'])
  })

  it('checks the workspace, not the remote, with commit: false; and a dry run writes nothing', async () => {
    const { state, error } = await runRelease({
      images: 'web',
      build: 'false',
      commit: 'false',
      'dry-run': 'true',
      tag: 'v2'
    })
    expect(error).toBeUndefined()
    expect(calls).toEqual([])
    expect(state.changed).toBe(true)
    expect(state.diff).toContain('-  tag: v1 # current')
    expect(await readFile(path.join(workspace, 'helm', 'values.yaml'), 'utf8')).toBe(VALUES)
  })

  it('tells Argo CD nothing in pull-request mode', async () => {
    const { state, error } = await runRelease({
      images: 'web',
      tag: 'v2',
      'create-pr': 'true',
      ...argocdInputs
    })
    expect(error).toBeUndefined()
    expect(calls).toEqual(['publish (dry run)', 'build', 'publish'])
    expect(state.prNumber).toBe(7)
    expect(state.branch).toBe('release/v2')
  })

  it('keeps the landed commit and the apps state when the wait fails', async () => {
    const degraded: AppState = { ...healthy, healthStatus: 'Degraded', outcome: 'failed' }
    const fakes = stages({
      refreshAndWait: () => {
        calls.push('wait')
        return Promise.reject(new ArgoCdWaitError('shop is Degraded', [degraded]))
      }
    })
    const { state, error } = await runRelease({ images: 'web', tag: 'v2', ...argocdInputs }, fakes)
    expect(error).toBeInstanceOf(ArgoCdWaitError)
    expect(state.commitSha).toBe(PUSHED)
    expect(state.argocd?.healthStatus).toBe('Degraded')
    expect(state.summarySections.join('\n')).toMatch(/Degraded/)
  })
})
