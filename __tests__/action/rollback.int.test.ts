import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startWebhookReceiver, type WebhookReceiver } from '../support/argocd-receiver.js'
import { startArgoCdByRevision, type ArgoCdByRevision } from '../support/argocd-by-revision.js'
import type { AppFrame } from '../support/fake-argocd.js'
import { checkoutWorkspace, createRemote, git } from '../support/git-fixtures.js'
import { runAction, type ActionRun } from '../support/run-action.js'

const SECRET = 'argocd-webhook-secret-value'
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
const VALUES = 'helm/values.yaml'
// Comments, quoting and a missing final newline: a byte-identical rollback keeps them all.
const BEFORE = '# shop\nweb:\n  image: acme/web\n  tag: v1 # pinned\napi:\n  tag: "v1"\nreplicas: 2'
const HEALTHY: AppFrame = { sync: 'Synced', health: 'Healthy', phase: 'Succeeded' }
const RELEASE_SUBJECT = 'chore(release): web, api v2 [skip ci]'
const ROLLBACK_SUBJECT = 'revert(release): web, api v2 [skip ci]'

// rollback-on-failure through dist/index.js: a real bare repository, the Argo CD API stand-in
// answering by revision (the app follows the branch, as with auto-sync), and the webhook receiver.
describe('dist/index.js with rollback-on-failure', () => {
  let dir: string
  let remote: string
  let base: string
  let receiver: WebhookReceiver
  let argocd: ArgoCdByRevision | undefined

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-rollback-'))
    remote = createRemote({ [VALUES]: BEFORE }, path.join(dir, 'remote.git')).bare
    base = git(remote, 'rev-parse', 'main')
    receiver = await startWebhookReceiver({ secret: SECRET, mode: 'sha256' })
  })

  afterEach(async () => {
    await receiver.close()
    await argocd?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const subject = (revision: string): string => git(remote, 'log', '-1', '--format=%s', revision)

  // The app's state at our release commit is `atRelease`; at the base and at any other commit
  // (the rollback, or another actor's) it is Synced and Healthy.
  async function start(
    atRelease: AppFrame,
    revision: () => string = () => git(remote, 'rev-parse', 'main')
  ): Promise<ArgoCdByRevision> {
    argocd = await startArgoCdByRevision({
      token: TOKEN,
      revision,
      apps: [
        {
          name: 'shop',
          frameAt: (rev) => (subject(rev) === RELEASE_SUBJECT ? atRelease : HEALTHY)
        }
      ]
    })
    return argocd
  }

  async function release(fake: ArgoCdByRevision, timeout = '60'): Promise<ActionRun> {
    const workspace = path.join(dir, 'ws')
    checkoutWorkspace(remote, workspace)
    return runAction({
      workspace,
      inputs: {
        images: 'web\napi',
        build: 'false',
        tag: 'v2',
        token: '',
        'argocd-webhook-url': receiver.url,
        'argocd-webhook-secret': SECRET,
        'argocd-repo-url': 'https://github.com/acme/gitops.git',
        'argocd-server': fake.url,
        'argocd-token': TOKEN,
        'argocd-app': 'shop',
        'argocd-wait': 'true',
        'argocd-timeout': timeout,
        'rollback-on-failure': 'true'
      }
    })
  }

  // The checks every landed rollback shares; returns the release and rollback commits.
  function expectRolledBack(run: ActionRun): { released: string; rolledBack: string } {
    expect(run.exitCode).toBe(1)
    const released = run.outputs['commit-sha'] ?? ''
    const rolledBack = git(remote, 'rev-parse', 'main')
    expect(subject(released)).toBe(RELEASE_SUBJECT)
    expect(subject(rolledBack)).toBe(ROLLBACK_SUBJECT)
    expect(run.outputs['rolled-back']).toBe('true')
    expect(run.outputs['rollback-commit-sha']).toBe(rolledBack)
    // Argo CD heard of both pushes: the release, then the rollback on top of it.
    expect(receiver.events.map((event) => [event.before, event.after])).toEqual([
      [base, released],
      [git(remote, 'rev-parse', `${rolledBack}^`), rolledBack]
    ])
    expect(receiver.events[1]?.changedFiles).toEqual([VALUES])
    // The outputs say where Argo CD stands now: after the rollback.
    expect(run.outputs['argocd-revision']).toBe(rolledBack)
    expect(run.outputs['argocd-health-status']).toBe('Healthy')
    expect(run.summary).toContain('### Rollback')
    expect(run.summary).toContain(
      `| Commit | \`${released.slice(0, 7)}\` | \`${rolledBack.slice(0, 7)}\` |`
    )
    const error = errorLine(run)
    expect(error).toContain(
      `Argo CD now: shop Synced and Healthy at the rollback commit ${rolledBack.slice(0, 7)}.`
    )
    expect(error).toContain(`in commit ${rolledBack}`)
    return { released, rolledBack }
  }

  it('rolls back a release that is Degraded at our commit, byte for byte', async () => {
    const fake = await start({
      sync: 'Synced',
      health: 'Degraded',
      phase: 'Succeeded',
      message: 'Back-off pulling image "acme/web:v2"'
    })
    const run = await release(fake)
    const { released, rolledBack } = expectRolledBack(run)
    expect(git(remote, 'rev-parse', `${rolledBack}^`)).toBe(released)
    // Same blob as before the release: the file is byte-identical.
    expect(git(remote, 'rev-parse', `main:${VALUES}`)).toBe(
      git(remote, 'rev-parse', `${base}:${VALUES}`)
    )
    const error = errorLine(run)
    expect(error).toContain(
      `Argo CD app shop failed: the app is Degraded at ${released.slice(0, 7)}`
    )
    expect(error).toContain('shop: Synced/Degraded')
    expect(error).toContain('Back-off pulling image')
    expect(error).toContain(`Rolled back ${VALUES} (web.tag), ${VALUES} (api.tag)`)
    expect(run.summary).toContain('| shop | Synced/Degraded at')
  }, 120_000)

  it('rolls back a release whose sync operation failed', async () => {
    const fake = await start({
      sync: 'OutOfSync',
      health: 'Healthy',
      phase: 'Failed',
      message: 'one or more objects failed to apply'
    })
    const run = await release(fake)
    const { released } = expectRolledBack(run)
    expect(errorLine(run)).toContain(
      `the sync to ${released.slice(0, 7)} ended Failed: one or more objects failed to apply`
    )
    expect(git(remote, 'rev-parse', `main:${VALUES}`)).toBe(
      git(remote, 'rev-parse', `${base}:${VALUES}`)
    )
  }, 120_000)

  it('rolls back a release that is not Healthy before argocd-timeout', async () => {
    const fake = await start({ sync: 'Synced', health: 'Progressing', phase: 'Succeeded' })
    const run = await release(fake, '3')
    const { released } = expectRolledBack(run)
    expect(errorLine(run)).toContain(
      `Argo CD app shop was not Synced and Healthy at ${released.slice(0, 7)} within 3 s`
    )
  }, 120_000)

  // The app follows our commits only; another actor's commit, made with `edit`, lands on the
  // branch during our wait (when Argo CD is first asked about our release commit).
  async function startWithOtherActor(edit: (text: string) => string): Promise<ArgoCdByRevision> {
    let released = ''
    const other = path.join(dir, 'other')
    return start(
      { sync: 'Synced', health: 'Degraded', phase: 'Succeeded', message: 'CrashLoopBackOff' },
      () => {
        const tip = git(remote, 'rev-parse', 'main')
        if (released === '' && subject(tip) === RELEASE_SUBJECT) {
          released = tip
          git(dir, 'clone', '-q', remote, other)
          const file = path.join(other, VALUES)
          git(other, 'config', 'user.name', 'Other')
          git(other, 'config', 'user.email', 'other@example.com')
          writeFileSync(file, edit(readFileSync(file, 'utf8')))
          git(other, 'commit', '-q', '-am', 'other: a hand edit')
          git(other, 'push', '-q', 'origin', 'main')
        }
        return git(remote, 'log', '-1', '--format=%H', '--invert-grep', '--grep=^other:', 'main')
      }
    )
  }

  it('puts back only the values nobody changed while we waited, and says which it left', async () => {
    const fake = await startWithOtherActor((text) => text.replace('tag: "v2"', 'tag: "v3"'))
    const run = await release(fake)
    const { rolledBack } = expectRolledBack(run)
    expect(subject(`${rolledBack}^`)).toBe('other: a hand edit')
    expect(git(remote, 'show', `main:${VALUES}`)).toBe(BEFORE.replace('tag: "v1"', 'tag: "v3"'))
    expect(run.stdout).toContain(
      `::warning::Rollback: in ${VALUES}, api.tag was changed since the release (now "v3"); left as it is.`
    )
    expect(errorLine(run)).toContain(`Rolled back ${VALUES} (web.tag) to the values before`)
  }, 120_000)

  it('lands no commit, and says so, when every value was changed since', async () => {
    const fake = await startWithOtherActor((text) => text.replace(/v2/g, 'v3'))
    const run = await release(fake)
    expect(run.exitCode).toBe(1)
    expect(subject('main')).toBe('other: a hand edit')
    expect(run.outputs['rolled-back']).toBe('false')
    expect(run.outputs['rollback-commit-sha']).toBe('')
    expect(receiver.events).toHaveLength(1)
    expect(run.stdout).toContain(
      '::warning::Rollback: nothing was left to restore: every value this run wrote was changed since; no commit.'
    )
    const error = errorLine(run)
    expect(error).toContain('the app is Degraded at')
    expect(error).toContain('Not rolled back: nothing was left to restore')
    expect(error).toContain(`in ${VALUES}, web.tag was changed since the release (now v3)`)
    expect(run.summary).toContain('none: nothing was left to restore')
  }, 120_000)

  it('does nothing more when the release is Healthy at our commit', async () => {
    const fake = await start(HEALTHY)
    const run = await release(fake)
    expect(run.stdout).not.toMatch(/::error/)
    expect(run.exitCode).toBe(0)
    expect(git(remote, 'rev-list', '--count', 'main')).toBe('2')
    expect(subject('main')).toBe(RELEASE_SUBJECT)
    expect(run.outputs['rolled-back']).toBe('false')
    expect(run.outputs['rollback-commit-sha']).toBe('')
    expect(receiver.events).toHaveLength(1)
    expect(run.summary).not.toContain('### Rollback')
  }, 120_000)
})

function errorLine(run: ActionRun): string {
  const line = run.stdout.split('\n').find((text) => text.startsWith('::error'))
  expect(line).toBeDefined()
  return line ?? ''
}
