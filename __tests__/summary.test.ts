import { describe, expect, it } from '@jest/globals'
import { unifiedDiff } from '../src/edit/unified-diff.js'
import { newReleaseState, outputValues, type ReleaseRollback } from '../src/outputs.js'
import type { AppState } from '../src/argocd/types.js'
import type { BuiltImage } from '../src/images/build-images.js'
import type { PublishResult } from '../src/publish/publish.js'
import { renderSummary } from '../src/summary.js'

const edits = [
  { path: 'helm/values.yaml', before: 'web:\n  tag: v1\n', after: 'web:\n  tag: v2\n' },
  { path: 'k/kustomization.yaml', before: 'images: []\n', after: 'images: []\n' }
]
const DIGEST = `sha256:${'a'.repeat(64)}`
const SHA = 'c'.repeat(40)
const planned: BuiltImage = {
  name: 'web',
  repository: 'docker.io/acme/web',
  tag: 'v2',
  digest: '',
  ref: 'docker.io/acme/web:v2',
  seconds: 0,
  built: false,
  metadata: {},
  fingerprint: ''
}
const built: BuiltImage = {
  ...planned,
  digest: DIGEST,
  seconds: 12.34,
  built: true,
  metadata: { 'containerimage.digest': DIGEST, 'image.name': 'docker.io/acme/web:v2' }
}
const reused: BuiltImage = {
  ...planned,
  name: 'api',
  repository: 'docker.io/acme/api',
  ref: 'docker.io/acme/api:v2',
  digest: `sha256:${'b'.repeat(64)}`,
  built: false,
  reusedFrom: 'v1',
  metadata: {}
}
const publish: PublishResult = {
  changed: true,
  commitSha: SHA,
  commitUrl: `https://github.com/acme/shop/commit/${SHA}`,
  branch: 'main',
  before: 'b'.repeat(40),
  defaultBranch: 'main',
  remoteUrl: 'https://github.com/acme/shop.git',
  files: ['helm/values.yaml'],
  edits,
  diff: unifiedDiff(edits),
  prOperation: '',
  prHeadSha: ''
}
const app: AppState = {
  app: 'shop',
  revision: SHA,
  syncStatus: 'Synced',
  healthStatus: 'Healthy',
  outcome: 'deployed'
}

// A rollback that landed `ddddddd` after the wait failed at the release commit.
const rolledBack: ReleaseRollback = {
  failure: { message: 'shop is Degraded', apps: [] },
  result: {
    rolledBack: true,
    commitSha: 'd'.repeat(40),
    commitUrl: '',
    branch: 'main',
    releaseSha: SHA,
    restored: [{ file: 'helm/values.yaml', path: 'web.tag', from: 'v2', to: 'v1', removed: false }],
    skipped: [],
    problem: '',
    wait: { kind: 'not-run' }
  }
}

describe('renderSummary', () => {
  it('shows built and reused images, the diff per changed file and the commit link', () => {
    const state = newReleaseState('v2')
    state.images = [built, reused]
    state.publish = publish
    const markdown = renderSummary(state)
    expect(markdown).toContain(
      `| web | \`docker.io/acme/web:v2\` | \`${DIGEST}\` | built in 12.3 s |`
    )
    expect(markdown).toContain(
      `| api | \`docker.io/acme/api:v2\` | \`sha256:${'b'.repeat(64)}\` | reused from \`v1\` |`
    )
    expect(markdown).toContain('`helm/values.yaml`\n\n```diff\n--- a/helm/values.yaml')
    expect(markdown).toContain('+  tag: v2')
    expect(markdown).not.toContain('k/kustomization.yaml')
    expect(markdown).toContain(`[\`ccccccc\`](${publish.commitUrl}) on \`main\``)
    expect(markdown).not.toContain('Nothing was built')
  })

  it('says so when every image was reused', () => {
    const state = newReleaseState('v2')
    state.images = [reused, { ...reused, name: 'web', ref: 'docker.io/acme/web:v1' }]
    expect(renderSummary(state)).toContain(
      'Nothing was built: the build inputs of every image are unchanged (2 reused).'
    )
  })

  it('lists unbuilt images, leads with a failure, and says no file was changed', () => {
    const state = newReleaseState('v2')
    state.images = [planned]
    state.failure = 'push refused'
    const markdown = renderSummary(state)
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '## gitops-release: v2',
      '',
      '**Failed:** push refused'
    ])
    expect(markdown).toContain('| web | `docker.io/acme/web:v2` |  | not built |')
    expect(markdown).toContain('No file was changed.')
    expect(markdown).not.toContain('### Commit')
  })

  it('shows a failure that quotes an input as text', () => {
    const state = newReleaseState('v2')
    state.failure = "Input 'author-name' is '<img src=x>'"
    expect(renderSummary(state)).toContain("**Failed:** Input 'author-name' is '&lt;img src=x&gt;'")
  })

  it('says nothing needed a change when a run succeeded without edits', () => {
    const state = newReleaseState('v2')
    state.edits = [edits[1] ?? edits[0]!]
    expect(renderSummary(state)).toContain('No file needed a change')
  })

  it('escapes table cells and works without a tag', () => {
    const state = newReleaseState('')
    state.images = [{ ...planned, name: 'a|b<c>' }]
    const markdown = renderSummary(state)
    expect(markdown.startsWith('## gitops-release\n')).toBe(true)
    expect(markdown).toContain('| a\\|b&lt;c&gt; |')
  })

  it('shows the pull request with its operation, the rollback and the Argo CD apps', () => {
    const state = newReleaseState('v2')
    state.publish = {
      ...publish,
      prNumber: 7,
      prUrl: 'https://github.com/acme/shop/pull/7',
      prOperation: 'updated'
    }
    state.rollback = rolledBack
    state.argocd = { apps: [app], waited: true }
    const markdown = renderSummary(state)
    expect(markdown).toContain('[#7](https://github.com/acme/shop/pull/7) (updated)')
    expect(markdown).toContain('### Rollback')
    expect(markdown).toContain('`ddddddd`')
    expect(markdown).toContain('### Argo CD')
  })
})

describe('outputValues', () => {
  it('sets every output, empty where nothing happened', () => {
    const state = newReleaseState('v2')
    state.images = [planned]
    expect(outputValues(state)).toEqual({
      tag: 'v2',
      images: JSON.stringify([
        {
          name: 'web',
          repository: 'docker.io/acme/web',
          tag: 'v2',
          digest: '',
          ref: 'docker.io/acme/web:v2',
          built: false
        }
      ]),
      changed: 'false',
      diff: '',
      'commit-sha': '',
      'commit-url': '',
      'pr-number': '',
      'pr-url': '',
      'pr-operation': '',
      'pr-head-sha': '',
      'argocd-revision': '',
      'argocd-sync-status': '',
      'argocd-health-status': '',
      'rolled-back': 'false',
      'rollback-commit-sha': '',
      digest: '',
      metadata: JSON.stringify({ web: {} }),
      promoted: 'false',
      'promoted-from': '',
      'promoted-to': '',
      'source-revision': '',
      'soak-remaining': ''
    })
  })

  it('derives the commit, pull request, rollback, digest and metadata from the stage results', () => {
    const state = newReleaseState('v2')
    state.images = [built]
    state.publish = { ...publish, prNumber: 7, prOperation: 'created', prHeadSha: SHA }
    state.rollback = rolledBack
    expect(outputValues(state)).toMatchObject({
      changed: 'true',
      'commit-sha': SHA,
      'pr-number': '7',
      'pr-operation': 'created',
      'pr-head-sha': SHA,
      'rolled-back': 'true',
      'rollback-commit-sha': 'd'.repeat(40),
      digest: DIGEST,
      metadata: JSON.stringify({ web: built.metadata })
    })
  })

  it('leaves digest empty with several images, and Argo CD empty without argocd-wait', () => {
    const state = newReleaseState('v2')
    state.images = [built, reused]
    state.argocd = { apps: [app], waited: false }
    expect(outputValues(state)).toMatchObject({ digest: '', 'argocd-revision': '' })
    state.argocd = { apps: [app], waited: true }
    expect(outputValues(state)['argocd-revision']).toBe(SHA)
  })
})
