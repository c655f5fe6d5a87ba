import { describe, expect, it } from '@jest/globals'
import type { PushedCommit } from '../../src/argocd/types.js'
import { buildPushPayload, serializePayload } from '../../src/argocd/webhook-payload.js'

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

describe('buildPushPayload', () => {
  const payload = buildPushPayload(commit, 'https://github.com/acme/gitops')

  it('carries what Argo CD reads', () => {
    expect(payload.ref).toBe('refs/heads/env/prod')
    expect(payload.before).toBe(commit.before)
    expect(payload.after).toBe(commit.after)
    expect(payload.repository).toEqual({
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

  it('has no timestamps or numbers that a typed decoder could reject', () => {
    const text = serializePayload(payload).toString('utf8')
    expect(text).not.toMatch(/_at"|"timestamp"|"id":\d/)
    const scalars: unknown[] = []
    JSON.parse(text, (_key, value: unknown) => {
      if (typeof value !== 'object') scalars.push(value)
      return value
    })
    expect(scalars.every((v) => typeof v === 'string')).toBe(true)
  })

  it.each([[''], ['0'.repeat(40)]])('leaves out an unknown before (%p)', (before) => {
    const result = buildPushPayload({ ...commit, before }, 'https://github.com/acme/gitops')
    expect('before' in result).toBe(false)
  })

  it('names a nested GitLab path in full', () => {
    const result = buildPushPayload(commit, 'https://gitlab.com/group/sub/repo')
    expect(result.repository.name).toBe('repo')
    expect(result.repository.full_name).toBe('group/sub/repo')
  })
})

describe('serializePayload', () => {
  it('is compact UTF-8 JSON that round-trips', () => {
    const payload = buildPushPayload(
      { ...commit, message: 'déploiement ✓' },
      'https://github.com/acme/gitops'
    )
    const bytes = serializePayload(payload)
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(payload)
    expect(bytes.toString('utf8')).not.toMatch(/\n/)
  })
})
