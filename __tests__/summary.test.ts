import { describe, expect, it } from '@jest/globals'
import { unifiedDiff } from '../src/edit/unified-diff.js'
import { newReleaseState, outputValues } from '../src/outputs.js'
import { renderSummary } from '../src/summary.js'

const edits = [
  { path: 'helm/values.yaml', before: 'web:\n  tag: v1\n', after: 'web:\n  tag: v2\n' },
  { path: 'k/kustomization.yaml', before: 'images: []\n', after: 'images: []\n' }
]
const image = { name: 'web', repository: 'docker.io/acme/web', tag: 'v2', digest: '' }

describe('renderSummary', () => {
  it('shows built images with digest and time, the diff per changed file and the commit link', () => {
    const state = newReleaseState('v2')
    state.images = [{ ...image, digest: `sha256:${'a'.repeat(64)}` }]
    state.buildSeconds.set('web', 12.34)
    state.edits = edits
    state.diff = unifiedDiff(edits)
    state.commitSha = 'c'.repeat(40)
    state.commitUrl = `https://github.com/acme/shop/commit/${'c'.repeat(40)}`
    state.branch = 'main'
    const markdown = renderSummary(state)
    expect(markdown).toContain(
      `| web | \`docker.io/acme/web:v2\` | \`sha256:${'a'.repeat(64)}\` | 12.3 s |`
    )
    expect(markdown).toContain('`helm/values.yaml`\n\n```diff\n--- a/helm/values.yaml')
    expect(markdown).toContain('+  tag: v2')
    expect(markdown).not.toContain('k/kustomization.yaml')
    expect(markdown).toContain(`[\`ccccccc\`](${state.commitUrl}) on \`main\``)
  })

  it('lists unbuilt images, says when nothing changed, and leads with a failure', () => {
    const state = newReleaseState('v2')
    state.images = [image]
    state.failure = 'push refused'
    const markdown = renderSummary(state)
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '## gitops-release: v2',
      '',
      '**Failed:** push refused'
    ])
    expect(markdown).toContain('- web: `docker.io/acme/web:v2`')
    expect(markdown).toContain('No file needed a change')
    expect(markdown).not.toContain('### Commit')
  })
})

describe('outputValues', () => {
  it('sets every output, empty where nothing happened', () => {
    const state = newReleaseState('v2')
    state.images = [image]
    expect(outputValues(state)).toEqual({
      tag: 'v2',
      images: JSON.stringify([{ ...image, ref: 'docker.io/acme/web:v2' }]),
      changed: 'false',
      diff: '',
      'commit-sha': '',
      'commit-url': '',
      'pr-number': '',
      'pr-url': '',
      'argocd-revision': '',
      'argocd-sync-status': '',
      'argocd-health-status': '',
      'rolled-back': 'false',
      'rollback-commit-sha': ''
    })
  })
})
