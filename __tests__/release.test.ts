import { createMemoryRuntime } from './support/memory-runtime.js'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { ArgoCdWaitError } from '../src/argocd/wait-error.js'
import type { AppState } from '../src/argocd/types.js'
import { createMemorySource } from './support/memory-source.js'
import { unifiedDiff } from '../src/edit/unified-diff.js'
import { EditError } from '../src/lib/errors.js'
import { LandedError } from '../src/publish/landed-error.js'
import { fallbackTag, readSettings } from '../src/settings/inputs.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { release, run } from '../src/main.js'
import type { Stages } from '../src/pipeline/stages.js'
import { createEditEngine } from '../src/edit/engine.js'
import type { ComputeChanges, PublishResult } from '../src/publish/publish.js'
import type { PublishSettings } from '../src/settings/settings.js'
import { newReleaseState, outputValues, type ReleaseState } from '../src/outputs.js'
import { renderSummary } from '../src/summary.js'

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

  function settingsWith(values: Record<string, string>): ReturnType<typeof readSettings> {
    return readSettings({
      runtime: fakeRuntime(values),
      warn: () => undefined,
      env: {
        GITHUB_WORKSPACE: workspace,
        GITHUB_SHA: '2682590' + 'a'.repeat(33),
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_REF: 'refs/heads/main'
      }
    })
  }

  // The publish stage's fake: computes the edits on the committed file, lands when not a dry run.
  const publishFake = async (
    options: PublishSettings,
    dryRun: boolean,
    compute: ComputeChanges
  ): Promise<PublishResult> => {
    calls.push(dryRun ? 'publish (dry run)' : 'publish')
    const edits = await compute(createMemorySource({ 'helm/values.yaml': VALUES }))
    const landed = !dryRun
    return {
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
      ...(options.createPr && landed
        ? { prNumber: 7, prUrl: 'https://github.com/acme/shop/pull/7' }
        : {}),
      prOperation: options.createPr && landed ? 'created' : '',
      prHeadSha: options.createPr && landed ? PUSHED : ''
    }
  }

  function stages(overrides: Partial<Stages> = {}): Stages {
    return {
      logger: createMemoryLogger(),
      edits: createEditEngine(),
      checkBuildContexts: () => Promise.resolve(),
      buildImages: (options) => {
        calls.push('build')
        return Promise.resolve(
          options.images.map((image) => ({
            name: image.name,
            repository: image.repository,
            tag: options.tag,
            digest: `sha256:${'d'.repeat(64)}`,
            ref: `${image.repository}:${options.tag}`,
            seconds: 1,
            built: true,
            metadata: { 'containerimage.digest': `sha256:${'d'.repeat(64)}` },
            fingerprint: ''
          }))
        )
      },
      openRepository: (options) => {
        calls.push('open')
        return Promise.resolve({
          preview: (_text, compute) => publishFake(options, true, compute),
          land: (_text, compute) => publishFake(options, options.dryRun, compute),
          isDescendant: (ancestor, commit) => Promise.resolve(ancestor === commit),
          sourceAt: () => Promise.reject(new Error('a release reads no other commit')),
          close: () => {
            calls.push('close')
            return Promise.resolve()
          }
        })
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
      waitForApps: () => {
        calls.push('wait')
        return Promise.resolve([healthy])
      },
      lookupImage: () => Promise.reject(new Error('a release looks up no image')),
      waitForGate: () => Promise.reject(new Error('a release has no gate')),
      measureSoak: () => Promise.reject(new Error('a release has no soak')),
      notice: () => undefined,
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
    fakes: Stages = stages()
  ): Promise<{ state: ReleaseState; error: unknown }> {
    const settings = settingsWith(values)
    const state = newReleaseState(settings.tag)
    let error: unknown
    try {
      await release(settings, fakes, state)
    } catch (caught) {
      error = caught
    }
    return { state, error }
  }

  it('runs the stages in order: preflight, build, publish, webhook, wait', async () => {
    const { state, error } = await runRelease({ images: 'web', tag: 'v2', ...argocdInputs })
    expect(error).toBeUndefined()
    expect(calls).toEqual([
      'open',
      'publish (dry run)',
      'build',
      'publish',
      'webhook',
      'wait',
      'close'
    ])
    const outputs = outputValues(state)
    expect(outputs).toMatchObject({
      'commit-sha': PUSHED,
      changed: 'true',
      digest: `sha256:${'d'.repeat(64)}`,
      'argocd-revision': PUSHED,
      'argocd-sync-status': 'Synced',
      'argocd-health-status': 'Healthy',
      'rolled-back': 'false'
    })
    expect(JSON.parse(outputs.images ?? '')).toEqual([
      {
        name: 'web',
        repository: 'docker.io/acme/web',
        tag: 'v2',
        digest: `sha256:${'d'.repeat(64)}`,
        ref: 'docker.io/acme/web:v2',
        built: true
      }
    ])
    expect(JSON.parse(outputs.metadata ?? '')).toEqual({
      web: { 'containerimage.digest': `sha256:${'d'.repeat(64)}` }
    })
    expect(outputs.diff).toContain('+  tag: v2 # current')
  })

  it('keeps a reused image as the images stage reported it, and tells Argo CD the committed message', async () => {
    const messages: string[] = []
    const fakes = stages({
      buildImages: (options) => {
        calls.push('build')
        return Promise.resolve(
          options.images.map((image) => ({
            name: image.name,
            repository: image.repository,
            tag: 'v1',
            digest: `sha256:${'e'.repeat(64)}`,
            ref: `${image.repository}:v1`,
            seconds: 0,
            built: false,
            reusedFrom: 'v1',
            metadata: {},
            fingerprint: ''
          }))
        )
      },
      notifyWebhook: (options) => {
        calls.push('webhook')
        messages.push(options.commit.message)
        return Promise.resolve({
          delivered: true,
          status: 200,
          attempts: 1,
          url: 'x',
          reason: 'ok'
        })
      }
    })
    const { state, error } = await runRelease(
      { images: 'web', tag: 'v2', message: 'release {names} {tag} ({short-sha})', ...argocdInputs },
      fakes
    )
    expect(error).toBeUndefined()
    expect(JSON.parse(outputValues(state).images ?? '')).toEqual([
      expect.objectContaining({ ref: 'docker.io/acme/web:v1', built: false })
    ])
    expect(renderSummary(state)).toContain('reused from `v1`')
    // {names} lists the images whose tags are written: none here, so the fallback word.
    expect(messages).toEqual(['release update v2 (2682590)'])
  })

  it('builds nothing when a path does not resolve', async () => {
    const { error } = await runRelease({ images: 'web', tag: 'v2', 'tag-path': '{name}.nope' })
    expect(error).toBeInstanceOf(EditError)
    expect(calls).toEqual(['open', 'publish (dry run)', 'close'])
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
    const outputs = outputValues(state)
    expect(outputs.changed).toBe('true')
    expect(outputs.diff).toContain('-  tag: v1 # current')
    expect(JSON.parse(outputs.images ?? '')).toEqual([
      expect.objectContaining({ digest: '', ref: 'docker.io/acme/web:v2', built: false })
    ])
    expect(await readFile(path.join(workspace, 'helm', 'values.yaml'), 'utf8')).toBe(VALUES)
  })

  it('tells Argo CD nothing in pull-request mode', async () => {
    const { state, error } = await runRelease({
      images: 'web',
      tag: 'v2',
      'create-pr': 'true',
      token: 'ghs_x',
      ...argocdInputs
    })
    expect(error).toBeUndefined()
    expect(calls).toEqual(['open', 'publish (dry run)', 'build', 'publish', 'close'])
    expect(outputValues(state)).toMatchObject({
      'pr-number': '7',
      'pr-operation': 'created',
      'pr-head-sha': PUSHED
    })
    expect(state.publish?.branch).toBe('release/v2')
  })

  it('keeps what landed when the pull request cannot be opened after the push', async () => {
    const real = stages()
    const fakes = stages({
      openRepository: async (options) => {
        const repository = await real.openRepository(options)
        return {
          ...repository,
          land: async (text, compute) => {
            const landed = await repository.land(text, compute)
            // the branch was pushed; the pull request was not opened
            const pushed = { ...landed, prOperation: '' as const }
            delete pushed.prNumber
            delete pushed.prUrl
            throw new LandedError(pushed, new Error('HTTP 403 Forbidden'))
          }
        }
      }
    })
    const { state, error } = await runRelease(
      { images: 'web', tag: 'v2', 'create-pr': 'true', token: 'ghs_x' },
      fakes
    )
    expect(error).toBeInstanceOf(LandedError)
    expect(outputValues(state)).toMatchObject({
      changed: 'true',
      'commit-sha': PUSHED,
      'pr-head-sha': PUSHED,
      'pr-operation': ''
    })
    expect(state.publish?.branch).toBe('release/v2')
  })

  it('keeps the landed commit and the apps state when the wait fails', async () => {
    const degraded: AppState = { ...healthy, healthStatus: 'Degraded', outcome: 'failed' }
    const fakes = stages({
      waitForApps: () => {
        calls.push('wait')
        return Promise.reject(new ArgoCdWaitError('shop is Degraded', [degraded]))
      }
    })
    const { state, error } = await runRelease({ images: 'web', tag: 'v2', ...argocdInputs }, fakes)
    expect(error).toBeInstanceOf(ArgoCdWaitError)
    expect(outputValues(state)).toMatchObject({
      'commit-sha': PUSHED,
      'argocd-health-status': 'Degraded'
    })
    expect(renderSummary(state)).toMatch(/Degraded/)
  })

  const fakeRuntime = createMemoryRuntime

  it.each([
    ['input validation', { images: 'web', tag: 'v2', namespace: 'evil ns' }, 'v2', /namespace/],
    ['input validation, bad tag', { images: 'web', tag: 'bad tag' }, '', /tag/],
    ['the preflight', { images: 'web', tag: 'v2', 'tag-path': '{name}.nope' }, 'v2', /nope/]
  ])('writes every output and the summary when %s fails', async (_label, inputs, tag, reason) => {
    const runtime = fakeRuntime(inputs)
    const failures: unknown[] = []
    await run({
      runtime,
      logger: createMemoryLogger(),
      env: {
        GITHUB_WORKSPACE: workspace,
        GITHUB_SHA: '2682590' + 'a'.repeat(33),
        GITHUB_REPOSITORY: 'acme/shop'
      },
      compose: () => stages(),
      fail: (error) => failures.push(error)
    })
    expect(failures).toHaveLength(1)
    expect(runtime.outputs).toMatchObject({
      tag,
      changed: 'false',
      'commit-sha': '',
      diff: '',
      'pr-url': ''
    })
    expect(JSON.parse(runtime.outputs.images ?? '')).toEqual(expect.any(Array))
    expect(runtime.summaries).toHaveLength(1)
    expect(runtime.summaries[0]).toMatch(/\*\*Failed:\*\*/)
    expect(runtime.summaries[0]).toMatch(reason)
  })

  it.each([
    ['the tag input', 'v3', 'a'.repeat(40), 'v3'],
    ['the short SHA', '', `2682590${'a'.repeat(33)}`, '2682590'],
    ['nothing valid', 'bad tag', 'a'.repeat(40), '']
  ])('falls back to %s for the tag output', (_label, input, sha, tag) => {
    expect(fallbackTag({ runtime: fakeRuntime({ tag: input }), env: { GITHUB_SHA: sha } })).toBe(
      tag
    )
  })
})
