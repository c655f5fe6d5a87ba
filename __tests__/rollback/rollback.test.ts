import { beforeAll, describe, expect, it } from '@jest/globals'
import type { AppState, WebhookResult } from '../../src/argocd/types.js'
import { computeEdits } from '../../src/edit/compute-edits.js'
import type { EditedPlace } from '../../src/edit/places.js'
import type { EditRequest, FileSource } from '../../src/edit/types.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import {
  rollback,
  rollbackError,
  type LandedCommit,
  type RollbackDeps,
  type WaitFailure
} from '../../src/rollback/rollback.js'
import { rollbackSummary } from '../../src/rollback/summary.js'
import { image, request } from '../edit/helpers.js'
import { createMemorySource } from '../support/memory-source.js'

const RELEASE = 'a'.repeat(40)
const ROLLBACK = 'b'.repeat(40)
const VALUES_BEFORE = 'web:\n  image: acme/web\n  tag: v1 # pinned\napi:\n  tag: "v1"\n'
const VALUES_AFTER = 'web:\n  image: acme/web\n  tag: v2 # pinned\napi:\n  tag: "v2"\n'
const KUST_BEFORE = 'images:\n  - name: acme/worker\n    newTag: v1\n'
const KUST_AFTER = 'images:\n  - name: acme/worker\n    newTag: v2\n'
/** The release, run by the edit engine: the places it changed, checked against the texts above. */
async function release(
  files: Record<string, string>,
  overrides: Partial<EditRequest>,
  expected: Record<string, string>
): Promise<EditedPlace[]> {
  const edits = await computeEdits(
    createMemorySource(files),
    request(overrides),
    createMemoryLogger()
  )
  expect(Object.fromEntries(edits.map((edit) => [edit.path, edit.after]))).toEqual(expected)
  return edits.flatMap((edit) => edit.places ?? [])
}

const degraded: AppState = {
  app: 'shop',
  revision: RELEASE,
  syncStatus: 'Synced',
  healthStatus: 'Degraded',
  message: 'Back-off pulling image "acme/web:v2"',
  outcome: 'failed'
}
const FAILURE: WaitFailure = {
  message: `Argo CD app shop failed: the app is Degraded at ${RELEASE.slice(0, 7)}`,
  apps: [degraded]
}
const healthy: AppState = {
  app: 'shop',
  revision: ROLLBACK,
  syncStatus: 'Synced',
  healthStatus: 'Healthy',
  outcome: 'deployed'
}

function source(files: Map<string, string>): FileSource {
  return {
    description: 'tip',
    read: (path) => Promise.resolve(files.has(path) ? Buffer.from(files.get(path)!) : undefined),
    list: () => Promise.resolve([...files.keys()])
  }
}

interface Harness {
  deps: RollbackDeps<LandedCommit>
  logger: ReturnType<typeof createMemoryLogger>
  /** The branch: path → text; the fake publish writes landed edits here. */
  branch: Map<string, string>
  calls: string[]
  messages: string[]
}

// A publish stand-in: computes against the branch files and "lands" what changed, as the
// compare-and-swap loop would on an unmoved tip; `beforeAttempt` lets another actor move the tip.
function harness(
  tip: Record<string, string>,
  options: {
    wait?: (commit: LandedCommit) => Promise<readonly AppState[]>
    webhook?: boolean
    beforeAttempt?: ((branch: Map<string, string>) => void)[]
    publishError?: Error
  } = {}
): Harness {
  const branch = new Map(Object.entries(tip))
  const logger = createMemoryLogger()
  const calls: string[] = []
  const messages: string[] = []
  const attempts = [...(options.beforeAttempt ?? [])]
  const deps: RollbackDeps<LandedCommit> = {
    publish: async (message, compute) => {
      messages.push(message)
      if (options.publishError) throw options.publishError
      let edits = await compute(source(branch))
      // Each scripted hook is a race lost: the tip moved, so compute again on the new tip.
      for (let hook = attempts.shift(); hook !== undefined; hook = attempts.shift()) {
        hook(branch)
        calls.push('retry')
        edits = await compute(source(branch))
      }
      const changed = edits.filter((edit) => edit.before !== edit.after)
      for (const edit of changed) branch.set(edit.path, edit.after)
      calls.push(`publish ${changed.map((edit) => edit.path).join(',')}`)
      return { commitSha: changed.length > 0 ? ROLLBACK : '', commitUrl: '', branch: 'main' }
    },
    ...(options.webhook === false
      ? {}
      : {
          notify: (commit): Promise<WebhookResult> => {
            calls.push(`notify ${commit.commitSha}`)
            return Promise.resolve({
              delivered: true,
              status: 200,
              attempts: 1,
              url: 'x',
              reason: 'ok'
            })
          }
        }),
    wait: (commit) => {
      calls.push(`wait ${commit.commitSha}`)
      return options.wait ? options.wait(commit) : Promise.resolve([healthy])
    },
    logger
  }
  return { deps, logger, branch, calls, messages }
}

const OPTIONS = {
  places: [] as EditedPlace[],
  releaseSha: RELEASE,
  message: 'revert(release): web v2 [skip ci]'
}

beforeAll(async () => {
  OPTIONS.places = [
    ...(await release(
      { 'helm/values.yaml': VALUES_BEFORE },
      { images: [image('web', 'v2'), image('api', 'v2')] },
      { 'helm/values.yaml': VALUES_AFTER }
    )),
    ...(await release(
      { 'k/kustomization.yaml': KUST_BEFORE },
      {
        images: [image('worker', 'v2')],
        valuesFiles: [],
        kustomizations: ['k/kustomization.yaml']
      },
      { 'k/kustomization.yaml': KUST_AFTER }
    ))
  ]
})

describe('rollback', () => {
  it('puts every value back byte for byte, lands one commit, notifies and waits for it', async () => {
    const h = harness({
      'helm/values.yaml': VALUES_AFTER,
      'k/kustomization.yaml': KUST_AFTER,
      'untouched.yaml': 'a: 1\n'
    })
    const result = await rollback(OPTIONS, h.deps)
    expect(h.branch.get('helm/values.yaml')).toBe(VALUES_BEFORE)
    expect(h.branch.get('k/kustomization.yaml')).toBe(KUST_BEFORE)
    expect(h.messages).toEqual(['revert(release): web v2 [skip ci]'])
    expect(h.calls).toEqual([
      'publish helm/values.yaml,k/kustomization.yaml',
      `notify ${ROLLBACK}`,
      `wait ${ROLLBACK}`
    ])
    expect(result.rolledBack).toBe(true)
    expect(result.commitSha).toBe(ROLLBACK)
    expect(result.restored).toEqual([
      { file: 'helm/values.yaml', path: 'web.tag', from: 'v2', to: 'v1', removed: false },
      { file: 'helm/values.yaml', path: 'api.tag', from: '"v2"', to: '"v1"', removed: false },
      {
        file: 'k/kustomization.yaml',
        path: 'images[name=acme/worker].newTag',
        from: 'v2',
        to: 'v1',
        removed: false
      }
    ])
    expect(result.skipped).toEqual([])
    expect(result.wait).toEqual({ kind: 'healthy', apps: [healthy] })
    expect(h.logger.lines.filter((line) => line.startsWith('warning'))).toEqual([])
  })

  it('restores the list entry the release set, not the one inserted before it since', async () => {
    const before = 'services:\n  - name: web\n    tag: v1\n  - name: api\n    tag: v1\n'
    const canary = '  - name: web-canary\n    tag: v2\n'
    const places = await release(
      { 'helm/values.yaml': before },
      { changes: JSON.stringify({ 'helm/values.yaml': { 'services[name=web].tag': 'v2' } }) },
      { 'helm/values.yaml': before.replace('web\n    tag: v1', 'web\n    tag: v2') }
    )
    const h = harness({
      'helm/values.yaml': before
        .replace('web\n    tag: v1', 'web\n    tag: v2')
        .replace('services:\n', `services:\n${canary}`)
    })
    const result = await rollback({ ...OPTIONS, places }, h.deps)
    expect(h.branch.get('helm/values.yaml')).toBe(
      before.replace('services:\n', `services:\n${canary}`)
    )
    expect(result.restored.map((p) => p.path)).toEqual(['services[name=web].tag'])
    expect(result.skipped).toEqual([])
  })

  it('removes a key the release created, and does not call it changed since', async () => {
    const before = 'web:\n  image: acme/web\n'
    const places = await release(
      { 'helm/values.yaml': before },
      { images: [image('web', 'v2')], createMissing: true },
      { 'helm/values.yaml': `${before}  tag: v2\n` }
    )
    const h = harness({ 'helm/values.yaml': `${before}  tag: v2\n` })
    const result = await rollback({ ...OPTIONS, places }, h.deps)
    expect(h.branch.get('helm/values.yaml')).toBe(before)
    expect(result.rolledBack).toBe(true)
    expect(result.restored).toEqual([
      { file: 'helm/values.yaml', path: 'web.tag', from: 'v2', to: '', removed: true }
    ])
    const message = rollbackError(FAILURE, result).message
    expect(message).toContain(
      'Rolled back helm/values.yaml (web.tag, added by this run, removed) to the values before aaaaaaa'
    )
    expect(message).not.toContain('changed since')
    expect(rollbackSummary(FAILURE, result)).toContain(
      '- `helm/values.yaml` web.tag: v2 removed (this run added it)'
    )
  })

  it('leaves a value another actor changed since, with a warning naming file and path', async () => {
    const h = harness({
      'helm/values.yaml': VALUES_AFTER.replace('"v2"', '"v3"'),
      'k/kustomization.yaml': KUST_AFTER
    })
    const result = await rollback(OPTIONS, h.deps)
    expect(h.branch.get('helm/values.yaml')).toBe(VALUES_BEFORE.replace('"v1"', '"v3"'))
    expect(h.branch.get('k/kustomization.yaml')).toBe(KUST_BEFORE)
    expect(result.restored.map((p) => p.path)).toEqual([
      'web.tag',
      'images[name=acme/worker].newTag'
    ])
    expect(result.skipped).toEqual([
      {
        file: 'helm/values.yaml',
        reason: 'api.tag was changed since the release (now "v3")',
        changedSince: true
      }
    ])
    expect(h.logger.lines).toContain(
      'warning: Rollback: in helm/values.yaml, api.tag was changed since the release (now "v3"); left as it is.'
    )
  })

  it('plans against the tip of the attempt that landed when the compare-and-swap retries', async () => {
    const h = harness(
      { 'helm/values.yaml': VALUES_AFTER, 'k/kustomization.yaml': KUST_AFTER },
      {
        beforeAttempt: [
          (branch) => branch.set('k/kustomization.yaml', KUST_AFTER.replace('v2', 'v9'))
        ]
      }
    )
    const result = await rollback(OPTIONS, h.deps)
    expect(h.calls[0]).toBe('retry')
    expect(h.branch.get('k/kustomization.yaml')).toBe(KUST_AFTER.replace('v2', 'v9'))
    expect(result.restored.map((p) => p.file)).toEqual(['helm/values.yaml', 'helm/values.yaml'])
    expect(result.skipped.map((s) => s.file)).toEqual(['k/kustomization.yaml'])
  })

  it('lands no commit and warns when nothing is left to restore', async () => {
    const h = harness({
      'helm/values.yaml': VALUES_AFTER.replace(/v2/g, 'v3'),
      'k/kustomization.yaml': KUST_AFTER.replace('v2', 'v3')
    })
    const result = await rollback(OPTIONS, h.deps)
    expect(result.rolledBack).toBe(false)
    expect(result.commitSha).toBe('')
    expect(result.wait).toEqual({ kind: 'not-run' })
    expect(h.calls).toEqual(['publish '])
    expect(result.skipped).toHaveLength(3)
    expect(h.logger.lines.filter((line) => line.startsWith('warning'))).toContain(
      'warning: Rollback: nothing was left to restore: every value this run wrote was changed since; no commit.'
    )
  })

  it('skips a file deleted since the release', async () => {
    const h = harness({ 'helm/values.yaml': VALUES_AFTER })
    const result = await rollback(OPTIONS, h.deps)
    expect(result.skipped).toEqual([
      {
        file: 'k/kustomization.yaml',
        reason:
          'the file was deleted since the release, so images[name=acme/worker].newTag could not be put back',
        changedSince: false
      }
    ])
    expect(h.branch.has('k/kustomization.yaml')).toBe(false)
  })

  it('records a rollback commit that could not land, without throwing', async () => {
    const h = harness(
      { 'helm/values.yaml': VALUES_AFTER },
      { publishError: new Error('push rejected 5 times') }
    )
    const result = await rollback(OPTIONS, h.deps)
    expect(result.rolledBack).toBe(false)
    expect(result.problem).toBe('the rollback commit could not be landed: push rejected 5 times')
    expect(rollbackError(FAILURE, result).message).toContain(
      'Not rolled back: the rollback commit could not be landed: push rejected 5 times.'
    )
  })

  it('reports Argo CD still failing after the rollback, and skips the webhook when none is set', async () => {
    const stuck: AppState = { ...healthy, healthStatus: 'Degraded', outcome: 'failed' }
    const h = harness(
      { 'helm/values.yaml': VALUES_AFTER, 'k/kustomization.yaml': KUST_AFTER },
      {
        webhook: false,
        wait: () =>
          Promise.reject(
            Object.assign(new Error('Argo CD app shop failed: the app is Degraded at bbbbbbb'), {
              apps: [stuck]
            })
          )
      }
    )
    const result = await rollback(OPTIONS, h.deps)
    expect(h.calls).toEqual(['publish helm/values.yaml,k/kustomization.yaml', `wait ${ROLLBACK}`])
    expect(result.wait).toEqual({
      kind: 'failing',
      message: 'Argo CD app shop failed: the app is Degraded at bbbbbbb',
      apps: [stuck]
    })
    expect(rollbackError(FAILURE, result).message).toMatch(
      /Argo CD is still failing after the rollback bbbbbbb: Argo CD app shop failed: the app is Degraded at bbbbbbb$/
    )
  })
})

describe('rollbackError', () => {
  it('says what failed, what was rolled back, and where Argo CD stands', async () => {
    const h = harness({
      'helm/values.yaml': VALUES_AFTER.replace('"v2"', '"v3"'),
      'k/kustomization.yaml': KUST_AFTER
    })
    const result = await rollback(OPTIONS, h.deps)
    const error = rollbackError(FAILURE, result)
    expect(error.message).toBe(
      'Argo CD app shop failed: the app is Degraded at aaaaaaa. ' +
        'shop: Synced/Degraded at aaaaaaa: Back-off pulling image "acme/web:v2". ' +
        `Rolled back helm/values.yaml (web.tag), k/kustomization.yaml (images[name=acme/worker].newTag) to the values before aaaaaaa in commit ${ROLLBACK}. ` +
        'Left as they are: in helm/values.yaml, api.tag was changed since the release (now "v3"). ' +
        'Argo CD now: shop Synced and Healthy at the rollback commit bbbbbbb.'
    )
    expect(error.location).toEqual({ input: 'argocd-app' })
    expect(error.rollback).toBe(result)
    expect(error.apps).toEqual([degraded])
  })
})

describe('rollbackSummary', () => {
  it('shows the release and the rollback side by side', async () => {
    const h = harness({ 'helm/values.yaml': VALUES_AFTER, 'k/kustomization.yaml': KUST_AFTER })
    const markdown = rollbackSummary(FAILURE, await rollback(OPTIONS, h.deps))
    expect(markdown).toContain('| | Release | Rollback |')
    expect(markdown).toContain('| Commit | `aaaaaaa` | `bbbbbbb` |')
    expect(markdown).toContain(
      '| shop | Synced/Degraded at `aaaaaaa`: Back-off pulling image "acme/web:v2" | Synced/Healthy at `bbbbbbb` |'
    )
    expect(markdown).toContain('- `helm/values.yaml` web.tag: v2 → v1')
  })

  it('says why there is no rollback commit', async () => {
    const h = harness({ 'helm/values.yaml': VALUES_AFTER.replace(/v2/g, 'v3') })
    const markdown = rollbackSummary(FAILURE, await rollback(OPTIONS, h.deps))
    expect(markdown).toContain('| Commit | `aaaaaaa` | none: nothing was left to restore')
    expect(markdown).toContain('Left as they are:')
  })
})
