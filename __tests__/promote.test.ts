import { describe, expect, it } from '@jest/globals'
import { ArgoCdWaitError } from '../src/argocd/wait-error.js'
import type { AppState } from '../src/argocd/types.js'
import { createEditEngine } from '../src/edit/engine.js'
import { ArgoCdError, PromotionError } from '../src/lib/errors.js'
import type { ImageLookup } from '../src/images/registry-api.js'
import { createMemoryLogger } from '../src/lib/logger.js'
import { promote, run } from '../src/main.js'
import { newReleaseState, outputValues, type ReleaseState } from '../src/outputs.js'
import type { Stages } from '../src/pipeline/stages.js'
import { measureSoak } from '../src/promote/soak-stage.js'
import { readSettings } from '../src/settings/inputs.js'
import type { Settings } from '../src/settings/settings.js'
import { renderSummary } from '../src/summary.js'
import { createMemoryGitOps } from './support/memory-gitops.js'
import { createMemoryRuntime } from './support/memory-runtime.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const DEV = `web:\n  tag: v2 # dev\n  digest: ${D2}\n`
const PROD = `web:\n  tag: v1 # prod\n  digest: ${D1}\n`
const ENV = {
  GITHUB_WORKSPACE: '/nonexistent',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_REF: 'refs/heads/main'
}
const HOUR = 3600_000
const NOW = Date.parse('2026-12-07T12:00:00Z')

function environments(prod: Record<string, string> = {}): string {
  const extra = Object.entries(prod)
    .map(([key, value]) => `\n  ${key}: ${value}`)
    .join('')
  return (
    '- name: dev\n  values-file: envs/dev/values.yaml\n  argocd-app: shop-dev\n' +
    `- name: prod\n  values-file: envs/prod/values.yaml\n  argocd-app: shop-prod${extra}\n`
  )
}

const inputs = (over: Record<string, string> = {}): Record<string, string> => ({
  images: 'web',
  'digest-path': '{name}.digest',
  environments: environments(),
  'promote-to': 'prod',
  'argocd-server': 'https://argocd.example.com',
  'argocd-token': 'aa.bb.cc',
  'argocd-webhook-url': 'https://argocd.example.com/api/webhook',
  'argocd-wait': 'true',
  ...over
})

function settingsOf(values: Record<string, string>): Settings {
  return readSettings({ runtime: createMemoryRuntime(values), env: ENV, warn: () => undefined })
}

/** The stages over an in-memory repository, registry and Argo CD; `calls` in order. */
function harness(
  options: {
    readonly files?: Record<string, string>
    /** What the registry says each tag is. */
    readonly registry?: Record<string, ImageLookup>
    /** The revision the source app runs; default: the main branch's tip when the gate starts. */
    readonly sourceRuns?: () => string
    /** When the source app deployed that revision (for the soak). */
    readonly deployedAt?: number
    readonly waitFails?: boolean
  } = {}
) {
  const repo = createMemoryGitOps({
    main: options.files ?? { 'envs/dev/values.yaml': DEV, 'envs/prod/values.yaml': PROD }
  })
  const calls = repo.calls
  const logger = createMemoryLogger()
  const notices: string[] = []
  const healthy: AppState = {
    app: 'shop-prod',
    revision: '',
    syncStatus: 'Synced',
    healthStatus: 'Healthy',
    outcome: 'deployed'
  }
  const stages: Stages = {
    logger,
    edits: createEditEngine(),
    checkBuildContexts: () => Promise.reject(new Error('a promotion checks no build context')),
    buildImages: () => Promise.reject(new Error('a promotion builds nothing')),
    openRepository: (publish) => Promise.resolve(repo.open(publish)),
    notifyWebhook: (webhook) => {
      calls.push(`webhook ${webhook.commit.message.split('\n')[0] ?? ''}`)
      return Promise.resolve({ delivered: true, status: 200, attempts: 1, url: 'x', reason: 'ok' })
    },
    waitForApps: (wait) => {
      calls.push(`wait ${wait.apps.map((app) => app.label).join(',')}`)
      const state = { ...healthy, revision: wait.commit.after }
      if (options.waitFails === true && wait.commit.message.startsWith('chore(promote)')) {
        return Promise.reject(
          new ArgoCdWaitError('shop-prod is Degraded', [
            { ...state, healthStatus: 'Degraded', outcome: 'failed' }
          ])
        )
      }
      return Promise.resolve([state])
    },
    lookupImage: (repository, tag) => {
      calls.push(`lookup ${repository}:${tag}`)
      return Promise.resolve(
        options.registry?.[`${repository}:${tag}`] ?? { kind: 'found', digest: D2, labels: {} }
      )
    },
    // Argo CD's answer for the source app: Synced and Healthy at one revision; the gate passes
    // only when git says that revision holds the candidate (a timeout otherwise).
    waitForGate: async (gate, holdsCandidate) => {
      calls.push(`gate ${gate.environment} ${gate.apps.map((app) => app.label).join(',')}`)
      const revision = options.sourceRuns?.() ?? repo.tips.get('main') ?? ''
      if (!(await holdsCandidate(revision))) {
        throw new ArgoCdError(`Environment '${gate.environment}' did not run the candidate`, {
          input: 'argocd-timeout'
        })
      }
      const history = [
        {
          id: 1,
          revision,
          deployedAt: new Date(options.deployedAt ?? NOW - 2 * HOUR).toISOString()
        }
      ]
      return { revision, applications: [{ app: 'shop-dev', application: { status: { history } } }] }
    },
    measureSoak: (soak, holdsCandidate) => {
      calls.push('soak')
      return measureSoak(soak, { holdsCandidate, nowMs: () => NOW, logger })
    },
    notice: (message) => {
      notices.push(message)
    }
  }
  return { repo, calls, stages, logger, notices }
}

async function promoteWith(
  values: Record<string, string>,
  fakes: ReturnType<typeof harness>
): Promise<{ state: ReleaseState; error: unknown }> {
  const settings = settingsOf(values)
  const state = newReleaseState(settings.tag)
  let error: unknown
  try {
    if (settings.promotion === undefined) throw new Error('not a promotion')
    await promote(settings, settings.promotion, fakes.stages, state)
  } catch (caught) {
    error = caught
  }
  return { state, error }
}

const prodFile = (fakes: ReturnType<typeof harness>, branch = 'main'): string | undefined =>
  fakes.repo.commits.get(fakes.repo.tips.get(branch) ?? '')?.files['envs/prod/values.yaml']

describe('promote', () => {
  it('reads both environments, checks the registry, waits for the gate, lands and deploys', async () => {
    const fakes = harness()
    const tip = fakes.repo.tips.get('main') ?? ''
    const { state, error } = await promoteWith(inputs(), fakes)
    expect(error).toBeUndefined()
    expect(fakes.calls).toEqual([
      'open main',
      'preview main',
      'preview main',
      'lookup docker.io/acme/web:v2',
      'gate dev shop-dev',
      'land main',
      'webhook chore(promote): web:v2 to prod [skip ci]',
      'wait shop-prod',
      'close main'
    ])
    const landed = fakes.repo.commits.get(fakes.repo.tips.get('main') ?? '')
    expect(landed?.message).toBe(
      `chore(promote): web:v2 to prod [skip ci]\n\nPromoted-from: dev@${tip}`
    )
    expect(prodFile(fakes)).toBe(`web:\n  tag: v2 # prod\n  digest: ${D2}\n`)
    expect(outputValues(state)).toMatchObject({
      promoted: 'true',
      'promoted-from': 'dev',
      'promoted-to': 'prod',
      'source-revision': tip,
      'soak-remaining': '',
      changed: 'true',
      tag: 'v2',
      'commit-sha': landed?.sha,
      'argocd-health-status': 'Healthy'
    })
    expect(JSON.parse(outputValues(state).images ?? '')).toEqual([
      expect.objectContaining({ name: 'web', tag: 'v2', digest: D2, built: false })
    ])
    const summary = renderSummary(state)
    expect(summary).toContain('### Promotion: dev → prod')
    expect(summary).toContain(`docker.io/acme/web:v2@${D2}`)
    expect(summary).toContain('Synced and Healthy')
  })

  it('does nothing, before the gate, when the target already runs the candidate', async () => {
    const fakes = harness({
      files: { 'envs/dev/values.yaml': DEV, 'envs/prod/values.yaml': DEV.replace('dev', 'prod') }
    })
    const { state, error } = await promoteWith(inputs(), fakes)
    expect(error).toBeUndefined()
    expect(fakes.calls).toEqual(['open main', 'preview main', 'preview main', 'close main'])
    expect(outputValues(state)).toMatchObject({
      promoted: 'false',
      changed: 'false',
      'commit-sha': ''
    })
    expect(renderSummary(state)).toContain('already runs these images')
  })

  it('refuses a tag that moved in the registry, writing nothing', async () => {
    const fakes = harness({
      registry: { 'docker.io/acme/web:v2': { kind: 'found', digest: D1, labels: {} } }
    })
    const before = fakes.repo.tips.get('main')
    const { state, error } = await promoteWith(inputs(), fakes)
    expect(error).toBeInstanceOf(PromotionError)
    expect((error as Error).message).toContain(D1)
    expect(fakes.calls).not.toContain('gate dev shop-dev')
    expect(fakes.repo.tips.get('main')).toBe(before)
    expect(outputValues(state).promoted).toBe('false')
  })

  it('never counts a revision whose files do not hold the candidate', async () => {
    // The source app runs the first commit; dev moved on to v3 since, so the tip is the candidate.
    let first = ''
    const fakes = harness({ sourceRuns: () => first })
    first = fakes.repo.tips.get('main') ?? ''
    fakes.repo.commit('main', { 'envs/dev/values.yaml': DEV.replaceAll('v2', 'v3') })
    const { error } = await promoteWith(inputs(), fakes)
    expect(error).toBeInstanceOf(ArgoCdError)
    expect(fakes.calls).not.toContain('land main')
  })

  it.each([
    ['not over: a notice, success, nothing written', NOW - HOUR / 2, 1800, false, ['30m']],
    ['over: promoted', NOW - 2 * HOUR, 0, true, []]
  ])('measures the soak, %s', async (_label, deployedAt, remaining, promoted, notices) => {
    const fakes = harness({ deployedAt })
    const before = fakes.repo.tips.get('main')
    const { state, error } = await promoteWith(
      inputs({ environments: environments({ soak: '1h' }) }),
      fakes
    )
    expect(error).toBeUndefined()
    expect(outputValues(state)).toMatchObject({
      promoted: String(promoted),
      'soak-remaining': String(remaining)
    })
    expect(fakes.calls.includes('land main')).toBe(promoted)
    expect(fakes.repo.tips.get('main') === before).toBe(!promoted)
    expect(fakes.notices).toEqual(
      notices.map((left) => expect.stringContaining(`${left} more`) as unknown)
    )
  })

  it('is a no-op when run again after landing', async () => {
    const fakes = harness()
    await promoteWith(inputs(), fakes)
    const tip = fakes.repo.tips.get('main')
    fakes.calls.length = 0
    const { state, error } = await promoteWith(inputs(), fakes)
    expect(error).toBeUndefined()
    expect(fakes.repo.tips.get('main')).toBe(tip)
    expect(outputValues(state)).toMatchObject({ promoted: 'false', changed: 'false' })
  })

  it('rolls the target back with revert(promote) when the wait fails', async () => {
    const fakes = harness({ waitFails: true })
    const { state, error } = await promoteWith(inputs({ 'rollback-on-failure': 'true' }), fakes)
    expect(error).toBeInstanceOf(Error)
    const tip = fakes.repo.commits.get(fakes.repo.tips.get('main') ?? '')
    expect(tip?.message).toBe('revert(promote): web:v2 to prod [skip ci]')
    expect(prodFile(fakes)).toBe(PROD)
    expect(outputValues(state)).toMatchObject({ 'rolled-back': 'true', promoted: 'true' })
  })

  it('goes through a pull request from promote/{env}/{short} and tells Argo CD nothing', async () => {
    const fakes = harness()
    const { state, error } = await promoteWith(
      inputs({ environments: environments({ 'create-pr': 'true' }) }),
      fakes
    )
    expect(error).toBeUndefined()
    const branch = state.publish?.branch ?? ''
    expect(branch).toMatch(/^promote\/prod\/[0-9a-f]{12}$/)
    expect(prodFile(fakes, branch)).toContain('tag: v2 # prod')
    expect(prodFile(fakes)).toBe(PROD)
    expect(fakes.calls.some((call) => call.startsWith('webhook'))).toBe(false)
    expect(outputValues(state)).toMatchObject({ promoted: 'true', 'pr-number': '9' })
    // Again while the pull request is open: nothing new.
    const again = await promoteWith(
      inputs({ environments: environments({ 'create-pr': 'true' }) }),
      fakes
    )
    expect(outputValues(again.state)).toMatchObject({
      promoted: 'false',
      changed: 'false',
      'pr-number': '9'
    })
  })

  it('prints the diff and lands nothing in a dry run', async () => {
    const fakes = harness()
    const before = fakes.repo.tips.get('main')
    const { state, error } = await promoteWith(inputs({ 'dry-run': 'true' }), fakes)
    expect(error).toBeUndefined()
    expect(fakes.repo.tips.get('main')).toBe(before)
    expect(outputValues(state)).toMatchObject({ promoted: 'false', 'commit-sha': '' })
    expect(outputValues(state).diff).toContain('+  tag: v2 # prod')
  })

  it('warns and skips the gate when the source has no argocd-app', async () => {
    const fakes = harness()
    const { state, error } = await promoteWith(
      inputs({
        environments:
          '- name: dev\n  values-file: envs/dev/values.yaml\n' +
          '- name: prod\n  values-file: envs/prod/values.yaml\n  argocd-app: shop-prod\n'
      }),
      fakes
    )
    expect(error).toBeUndefined()
    expect(fakes.calls.some((call) => call.startsWith('gate'))).toBe(false)
    expect(fakes.logger.lines).toContainEqual(expect.stringMatching(/^warning: .*no argocd-app/))
    expect(outputValues(state).promoted).toBe('true')
  })

  it('run() promotes when promote-to is set and writes the promotion outputs', async () => {
    const fakes = harness()
    const runtime = createMemoryRuntime(inputs())
    const failures: unknown[] = []
    await run({
      runtime,
      logger: fakes.logger,
      env: ENV,
      compose: () => fakes.stages,
      fail: (error) => failures.push(error)
    })
    expect(failures).toEqual([])
    expect(runtime.outputs).toMatchObject({ promoted: 'true', 'promoted-to': 'prod' })
  })
})
