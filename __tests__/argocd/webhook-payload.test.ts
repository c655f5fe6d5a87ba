import { describe, expect, it } from '@jest/globals'
import type { PushedCommit } from '../../src/argocd/types.js'
import { buildPushPayload, serializePayload } from '../../src/argocd/webhook-payload.js'
import { checkTypes, PUSH_EVENT } from '../support/go-event-types.js'

const commit: PushedCommit = {
  repoUrl: 'git@github.com:acme/gitops.git',
  branch: 'env/prod',
  defaultBranch: 'main',
  before: 'a'.repeat(40),
  after: 'b'.repeat(40),
  files: ['helm/values.yaml', 'apps/web/kustomization.yaml'],
  message: 'chore(release): web 1a2b3c4 [skip ci]',
  authorName: 'github-actions[bot]',
  authorEmail: '41898282+github-actions[bot]@users.noreply.github.com'
}

const now = new Date('2026-12-01T06:00:00.123Z')
const at = (htmlUrl: string): { htmlUrl: string; now: Date } => ({ htmlUrl, now })

describe('buildPushPayload', () => {
  const payload = buildPushPayload(commit, at('https://github.com/acme/gitops'))

  it('carries what Argo CD reads', () => {
    expect(payload.ref).toBe('refs/heads/env/prod')
    expect(payload.before).toBe(commit.before)
    expect(payload.after).toBe(commit.after)
    expect(payload.repository).toMatchObject({
      name: 'gitops',
      full_name: 'acme/gitops',
      html_url: 'https://github.com/acme/gitops',
      default_branch: 'main'
    })
    expect(payload.commits).toHaveLength(1)
    const [entry] = payload.commits
    expect([...entry!.added, ...entry!.modified, ...entry!.removed]).toEqual(commit.files)
    expect(entry!.id).toBe(commit.after)
    expect(payload.head_commit).toEqual(entry)
  })

  it('gives every field the JSON type Go decodes it into (a mismatch fails the whole event)', () => {
    const text = serializePayload(payload).toString('utf8')
    expect(checkTypes(JSON.parse(text), PUSH_EVENT, '')).toBeUndefined()
    // Gitea and Forgejo send dates as strings there, which Argo CD refuses (argo-cd #16453).
    expect(payload.repository).not.toHaveProperty('created_at')
    expect(payload.repository.pushed_at).toBe(Math.floor(now.getTime() / 1000))
  })

  it('describes the commit as GitHub does', () => {
    const [entry] = payload.commits
    expect(entry).toMatchObject({
      distinct: true,
      timestamp: '2026-12-01T06:00:00Z',
      url: `https://github.com/acme/gitops/commit/${commit.after}`,
      author: { name: commit.authorName, email: commit.authorEmail },
      committer: { name: commit.authorName, email: commit.authorEmail }
    })
    expect(payload).toMatchObject({ created: false, deleted: false, forced: false, base_ref: null })
    expect(payload.compare).toBe(
      'https://github.com/acme/gitops/compare/aaaaaaaaaaaa...bbbbbbbbbbbb'
    )
  })

  it('uses what the publish stage knows of the commit', () => {
    const known = buildPushPayload(
      {
        ...commit,
        timestamp: '2026-11-30T23:59:59+01:00',
        treeId: 'c'.repeat(40),
        committerName: 'GitHub',
        committerEmail: 'noreply@github.com'
      },
      at('https://github.com/acme/gitops')
    )
    expect(known.head_commit).toMatchObject({
      timestamp: '2026-11-30T23:59:59+01:00',
      tree_id: 'c'.repeat(40),
      committer: { name: 'GitHub', email: 'noreply@github.com' }
    })
  })

  it.each([
    [
      'github.com, without an API root',
      'https://github.com/acme/gitops',
      undefined,
      'https://api.github.com/repos/acme/gitops'
    ],
    [
      'GitHub Enterprise Server',
      'https://ghe.example.com/acme/gitops',
      'https://ghe.example.com/api/v3/',
      'https://ghe.example.com/api/v3/repos/acme/gitops'
    ],
    ['another forge', 'https://gitlab.com/group/sub/repo', undefined, undefined]
  ])(
    'gives the repository API URLs only where they are known: %s',
    (_case, htmlUrl, apiUrl, url) => {
      const result = buildPushPayload(
        { ...commit, ...(apiUrl === undefined ? {} : { apiUrl }) },
        at(htmlUrl)
      )
      expect(result.repository.url).toBe(url)
      expect(result.repository.clone_url).toBe(`${htmlUrl}.git`)
    }
  )

  // GitHub's value for a push without a previous tip; Argo CD finds no cached manifests under it to move.
  it.each([[''], ['0'.repeat(40)]])(
    'sends an unknown before (%p) as a created branch',
    (before) => {
      const result = buildPushPayload({ ...commit, before }, at('https://github.com/acme/gitops'))
      expect(result.before).toBe('0'.repeat(40))
      expect(result.created).toBe(true)
      expect(result.compare).toBe('https://github.com/acme/gitops/commit/bbbbbbbbbbbb')
    }
  )

  it('names a nested GitLab path in full', () => {
    const result = buildPushPayload(commit, at('https://gitlab.com/group/sub/repo'))
    expect(result.repository.name).toBe('repo')
    expect(result.repository.full_name).toBe('group/sub/repo')
  })
})

describe('serializePayload', () => {
  it('is compact UTF-8 JSON that round-trips', () => {
    const payload = buildPushPayload(
      { ...commit, message: 'déploiement ✓' },
      at('https://github.com/acme/gitops')
    )
    const bytes = serializePayload(payload)
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(payload)
    expect(bytes.toString('utf8')).not.toMatch(/\n/)
  })
})
