import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import type { ArgoCdApiSettings, PushedCommit, WebhookSettings } from '../../src/argocd/types.js'
import { createHttpClient } from '../../src/lib/http.js'
import { waitForApps } from '../../src/argocd/wait.js'
import { ArgoCdWaitError } from '../../src/argocd/wait-error.js'
import { notifyWebhook } from '../../src/argocd/webhook.js'
import { computeEdits } from '../../src/edit/compute-edits.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { type ComputeChanges, type PublishResult } from '../../src/publish/publish.js'
import { publishWithDefaults } from '../publish/helpers/publish.js'
import { rollback, rollbackError } from '../../src/rollback/rollback.js'
import { startFakeGitHub, type FakeGitHub } from '../publish/helpers/fake-github.js'
import {
  createRemote,
  git,
  isolateGitConfig,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { fastDeps, publishOptions } from '../publish/helpers/options.js'
import { image, request } from '../edit/helpers.js'
import { startArgoCdByRevision, type ArgoCdByRevision } from '../support/argocd-by-revision.js'
import { startWebhookReceiver, type WebhookReceiver } from '../support/argocd-receiver.js'
import { createFakeClock } from '../support/fake-clock.js'

const GH_TOKEN = 'ghs_FakeGitHubToken0123456789'
const ARGO_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
const VALUES = 'helm/values.yaml'
const BEFORE = 'web:\n  tag: v1 # pinned\nworker:\n  tag: "v1"\n'
const RELEASE_MESSAGE = 'chore(release): web, worker v2 [skip ci]'
const ROLLBACK_MESSAGE = 'revert(release): web, worker v2 [skip ci]'

let restore: () => void
let github: FakeGitHub
let bare: string
let receiver: WebhookReceiver
let argocd: ArgoCdByRevision

beforeAll(() => {
  restore = isolateGitConfig()
})
beforeEach(async () => {
  const root = tempDir('rollback-gh-root-')
  bare = createRemote({ [VALUES]: BEFORE }, join(root, 'acme', 'gitops.git')).bare
  github = await startFakeGitHub(root, 'acme', 'gitops', GH_TOKEN)
  receiver = await startWebhookReceiver({})
  const subject = (revision: string): string => git(bare, 'log', '-1', '--format=%s', revision)
  // Degraded at the release commit, Healthy anywhere else (the base and the rollback).
  argocd = await startArgoCdByRevision({
    token: ARGO_TOKEN,
    revision: () => git(bare, 'rev-parse', 'main'),
    apps: [
      {
        name: 'shop',
        frameAt: (revision) =>
          subject(revision) === RELEASE_MESSAGE
            ? {
                sync: 'Synced',
                health: 'Degraded',
                phase: 'Succeeded',
                message: 'CrashLoopBackOff'
              }
            : { sync: 'Synced', health: 'Healthy', phase: 'Succeeded' }
      }
    ]
  })
})
afterEach(async () => {
  await Promise.all([github.close(), receiver.close(), argocd.close()])
  removeTempDirs()
})
afterAll(() => {
  restore()
})

// The rollback stage over the real publish stage (both commit modes, against the GitHub API
// stand-in and its smart-HTTP git server) and the real Argo CD webhook and wait.
describe.each(['git', 'api'] as const)('rollback with commit-mode %s', (mode) => {
  it('lands a revert on the release, byte-identical to the file before it, and waits for it', async () => {
    const logger = createMemoryLogger()
    const temp = tempDir()
    const publishWith = (message: string, compute: ComputeChanges): Promise<PublishResult> =>
      publishWithDefaults(
        publishOptions({
          target: { kind: 'remote', url: github.gitUrl },
          workspace: temp,
          tempDir: temp,
          token: GH_TOKEN,
          mode,
          message,
          github: {
            serverUrl: github.serverUrl,
            apiUrl: github.apiUrl,
            graphqlUrl: github.graphqlUrl
          }
        }),
        { ...fastDeps(), compute, logger }
      )
    const hook: WebhookSettings = { url: receiver.url, insecure: false }
    const http = createHttpClient()
    const argo: ArgoCdApiSettings = {
      server: argocd.url,
      token: ARGO_TOKEN,
      apps: [parseAppRef('shop')],
      sync: false,
      wait: true,
      timeoutSeconds: 60,
      insecure: false
    }
    const commitOf = (landed: PublishResult, message: string): PushedCommit => ({
      repoUrl: 'https://github.com/acme/gitops',
      branch: landed.branch,
      defaultBranch: landed.defaultBranch,
      before: landed.before,
      after: landed.commitSha,
      files: landed.files,
      message,
      authorName: 'github-actions[bot]',
      authorEmail: '41898282+github-actions[bot]@users.noreply.github.com'
    })
    const waitFor = (commit: PushedCommit) =>
      waitForApps(
        { ...argo, commit },
        {
          logger,
          clock: createFakeClock(),
          // Our commit or one it is in: here only ours and the rollback on top of it.
          isDescendant: (ancestor, commit) => Promise.resolve(ancestor === commit),
          timing: { pollMs: 10 },
          http
        }
      )

    const released = await publishWith(RELEASE_MESSAGE, (source) =>
      computeEdits(
        source,
        request({ valuesFiles: [VALUES], images: [image('web', 'v2'), image('worker', 'v2')] }),
        logger
      )
    )
    expect(remoteFile(bare, VALUES)).toBe(BEFORE.replace(/v1/g, 'v2'))
    await notifyWebhook(
      { ...hook, commit: commitOf(released, RELEASE_MESSAGE) },
      { logger, clock: createFakeClock(), http }
    )
    const failure = await waitFor(commitOf(released, RELEASE_MESSAGE)).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(ArgoCdWaitError)
    if (!(failure instanceof ArgoCdWaitError)) return

    const result = await rollback(
      {
        places: released.edits.flatMap((edit) => edit.places ?? []),
        releaseSha: released.commitSha,
        message: ROLLBACK_MESSAGE
      },
      {
        publish: publishWith,
        notify: (landed) =>
          notifyWebhook(
            { ...hook, commit: commitOf(landed, ROLLBACK_MESSAGE) },
            { logger, clock: createFakeClock(), http }
          ),
        wait: (landed) => waitFor(commitOf(landed, ROLLBACK_MESSAGE)),
        logger
      }
    )
    const tip = git(bare, 'rev-parse', 'main')
    expect(result).toMatchObject({
      rolledBack: true,
      commitSha: tip,
      releaseSha: released.commitSha
    })
    expect(git(bare, 'log', '--format=%s', 'main').split('\n')).toEqual([
      ROLLBACK_MESSAGE,
      RELEASE_MESSAGE,
      'initial'
    ])
    expect(git(bare, 'rev-parse', 'main^')).toBe(released.commitSha)
    expect(remoteFile(bare, VALUES)).toBe(BEFORE)
    // In api mode both commits went through createCommitOnBranch, each swapping from its parent.
    expect(github.mutations.map((m) => m.expectedHeadOid)).toEqual(
      mode === 'api' ? [git(bare, 'rev-parse', 'main~2'), released.commitSha] : []
    )
    expect(receiver.events.map((event) => event.after)).toEqual([released.commitSha, tip])
    expect(result.wait).toMatchObject({
      kind: 'healthy',
      apps: [{ app: 'shop', revision: tip, healthStatus: 'Healthy', outcome: 'deployed' }]
    })
    expect(rollbackError(failure, result).message).toContain(
      `Argo CD now: shop Synced and Healthy at the rollback commit ${tip.slice(0, 7)}.`
    )
  }, 60_000)
})
