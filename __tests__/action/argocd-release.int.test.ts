import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startWebhookReceiver, type WebhookReceiver } from '../support/argocd-receiver.js'
import { startFakeArgoCd, type FakeArgoCd } from '../support/fake-argocd.js'
import { checkoutWorkspace, createRemote, git } from '../support/git-fixtures.js'
import { runAction } from '../support/run-action.js'

const SECRET = 'argocd-webhook-secret-value'
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'

// The whole chain through dist/index.js: push, signed webhook, then wait until the app is
// Synced and Healthy at the pushed commit (not at the previous one it reports first).
describe('dist/index.js telling Argo CD', () => {
  let dir: string
  let remote: string
  let base: string
  let receiver: WebhookReceiver
  let argocd: FakeArgoCd

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-argocd-'))
    remote = createRemote(
      { 'helm/values.yaml': 'web:\n  image: acme/web\n  tag: v1\n' },
      path.join(dir, 'remote.git')
    ).bare
    base = git(remote, 'rev-parse', 'main')
    receiver = await startWebhookReceiver({ secret: SECRET, mode: 'sha256' })
    argocd = await startFakeArgoCd({
      token: TOKEN,
      resolveRevision: (revision) =>
        revision === 'PUSHED' ? git(remote, 'rev-parse', 'main') : revision,
      apps: [
        {
          name: 'shop',
          autoSync: true,
          frames: [
            { revision: base, sync: 'Synced', health: 'Healthy' },
            { revision: base, sync: 'Synced', health: 'Healthy' },
            { revision: 'PUSHED', sync: 'Synced', health: 'Progressing', phase: 'Running' },
            { revision: 'PUSHED', sync: 'Synced', health: 'Healthy', phase: 'Succeeded' }
          ]
        }
      ]
    })
  })

  afterAll(async () => {
    await receiver.close()
    await argocd.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('delivers a signed push event and waits for the pushed commit to be Healthy', async () => {
    const workspace = path.join(dir, 'ws')
    checkoutWorkspace(remote, workspace)
    const run = await runAction({
      workspace,
      env: { RUNNER_DEBUG: '1' },
      inputs: {
        images: 'web',
        build: 'false',
        tag: 'v2',
        token: '',
        'argocd-webhook-url': receiver.url,
        'argocd-webhook-secret': SECRET,
        'argocd-repo-url': 'https://github.com/acme/gitops.git',
        'argocd-server': argocd.url,
        'argocd-token': TOKEN,
        'argocd-app': 'shop',
        'argocd-wait': 'true',
        'argocd-timeout': '90'
      }
    })
    expect(run.stdout).not.toMatch(/::error/)
    expect(run.exitCode).toBe(0)
    const pushed = git(remote, 'rev-parse', 'main')
    expect(run.outputs['commit-sha']).toBe(pushed)

    expect(receiver.events).toHaveLength(1)
    const event = receiver.events[0]!
    expect(event.webURL).toBe('https://github.com/acme/gitops')
    expect(event.revision).toBe('main')
    expect(event.before).toBe(base)
    expect(event.after).toBe(pushed)
    expect(event.changedFiles).toEqual(['helm/values.yaml'])

    expect(run.outputs['argocd-revision']).toBe(pushed)
    expect(run.outputs['argocd-sync-status']).toBe('Synced')
    expect(run.outputs['argocd-health-status']).toBe('Healthy')
    expect(run.summary).toMatch(/Argo CD/)

    // Secrets stay out of every log line (debug included), output, summary and saved state; the
    // only appearance allowed is the ::add-mask:: command, which the runner consumes.
    const everything = [
      run.stdout,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(run.state)
    ].join('\n')
    for (const secret of [SECRET, TOKEN]) {
      expect(run.stdout).toContain(`::add-mask::${secret}`)
      const leaks = everything
        .split('\n')
        .filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))
      expect(leaks).toEqual([])
    }
  }, 120_000)
})
