// The push event the action sends to Argo CD's /api/webhook, checked against GitHub's own
// description of that event (`webhooks.push` of @octokit/openapi-webhooks, cut out by
// scripts/extract-github-webhooks.js into __tests__/fixtures/contracts/github-webhook-push.json).
// Fields that cannot be known without an API call are listed below as accepted exceptions.
import { describe, expect, it } from '@jest/globals'
import type { PushedCommit } from '../../src/argocd/types.js'
import { buildPushPayload, serializePayload } from '../../src/argocd/webhook-payload.js'
import { checkTypes, PUSH_EVENT } from '../support/go-event-types.js'
import { loadSchemaDocument } from '../support/json-schema.js'

const push = loadSchemaDocument(
  new URL('../fixtures/contracts/github-webhook-push.json', import.meta.url)
)
const checkPush = push.check('#/payload')

/** Required fields the event leaves out, and why. */
const ALWAYS_UNKNOWN: Readonly<Record<string, string>> = Object.fromEntries([
  // Only GitHub's API knows these; a webhook notice makes no API call (and the repository may
  // not be on GitHub at all). Argo CD reads none of them.
  ...[
    'id',
    'node_id',
    'private',
    'visibility',
    'fork',
    'archived',
    'description',
    'homepage',
    'language',
    'license',
    'topics',
    'mirror_url',
    'created_at',
    'updated_at',
    'size',
    'forks',
    'forks_count',
    'open_issues',
    'open_issues_count',
    'watchers',
    'watchers_count',
    'stargazers_count',
    'has_issues',
    'has_projects',
    'has_downloads',
    'has_wiki',
    'has_pages',
    'has_discussions'
  ].map((field): readonly [string, string] => [
    `/repository/${field}`,
    'repository metadata only the API knows'
  ]),
  ['/repository/owner/id', "the owner's numeric id is only known to the API"] as const
])

/** Required fields that hold the repository's REST URLs, unknown when it is not on a GitHub server. */
const API_URLS = [
  'url',
  'forks_url',
  'keys_url',
  'collaborators_url',
  'teams_url',
  'hooks_url',
  'issue_events_url',
  'events_url',
  'assignees_url',
  'branches_url',
  'tags_url',
  'blobs_url',
  'git_tags_url',
  'git_refs_url',
  'trees_url',
  'statuses_url',
  'languages_url',
  'stargazers_url',
  'contributors_url',
  'subscribers_url',
  'subscription_url',
  'commits_url',
  'git_commits_url',
  'comments_url',
  'issue_comment_url',
  'contents_url',
  'compare_url',
  'merges_url',
  'archive_url',
  'downloads_url',
  'issues_url',
  'pulls_url',
  'milestones_url',
  'notifications_url',
  'labels_url',
  'releases_url',
  'deployments_url'
].map((field) => `/repository/${field}`)

const TREE_IDS = ['/commits/0/tree_id', '/head_commit/tree_id']

const commit: PushedCommit = {
  repoUrl: 'https://github.com/acme/gitops.git',
  branch: 'main',
  defaultBranch: 'main',
  before: 'a'.repeat(40),
  after: 'b'.repeat(40),
  files: ['helm/values.yaml'],
  message: 'chore(release): web v2',
  authorName: 'github-actions[bot]',
  authorEmail: '41898282+github-actions[bot]@users.noreply.github.com'
}
const now = new Date('2026-12-01T06:00:00Z')

/** The schema's complaints, split into missing required fields (by path) and anything else. */
function complaints(payload: unknown): { missing: string[]; other: string[] } {
  const missing: string[] = []
  const other: string[] = []
  for (const error of checkPush(payload)) {
    const match = /^(\S*): must have required property '([^']+)'/.exec(error)
    if (match) missing.push(`${match[1] === '/' ? '' : match[1]!}/${match[2]!}`)
    else other.push(error)
  }
  return { missing: missing.sort(), other }
}

describe("the push event, against GitHub's description of it", () => {
  it.each([
    {
      name: 'a github.com repository',
      commit,
      htmlUrl: 'https://github.com/acme/gitops',
      unknown: [...Object.keys(ALWAYS_UNKNOWN), ...TREE_IDS]
    },
    {
      name: 'a GitHub Enterprise Server repository, tree and timestamp known',
      commit: {
        ...commit,
        apiUrl: 'https://ghe.example.com/api/v3',
        treeId: 'c'.repeat(40),
        timestamp: '2026-12-01T05:59:58Z'
      },
      htmlUrl: 'https://ghe.example.com/acme/gitops',
      unknown: Object.keys(ALWAYS_UNKNOWN)
    },
    {
      name: 'a new branch (no previous tip)',
      commit: { ...commit, before: '', branch: 'release/v2' },
      htmlUrl: 'https://github.com/acme/gitops',
      unknown: [...Object.keys(ALWAYS_UNKNOWN), ...TREE_IDS]
    },
    {
      name: 'a repository on another forge (no GitHub API URLs)',
      commit,
      htmlUrl: 'https://gitlab.com/group/sub/repo',
      unknown: [...Object.keys(ALWAYS_UNKNOWN), ...API_URLS, ...TREE_IDS]
    }
  ])('$name: only the accepted exceptions are missing', ({ commit: pushed, htmlUrl, unknown }) => {
    const payload: unknown = JSON.parse(
      serializePayload(buildPushPayload(pushed, { htmlUrl, now })).toString('utf8')
    )
    const { missing, other } = complaints(payload)
    expect(other).toEqual([])
    // Both ways: a field sent since must leave the list, so the list stays true.
    expect(missing).toEqual([...unknown].sort())
    // Argo CD decodes it into go-playground/webhooks' typed structs: one wrong type fails it all.
    expect(checkTypes(payload, PUSH_EVENT, '')).toBeUndefined()
  })

  it('the accepted exceptions are fields of the description', () => {
    const repository = (push.doc.components as { schemas: Record<string, unknown> }).schemas[
      'webhook-push'
    ] as { properties: { repository: { required: string[] } } }
    const required = repository.properties.repository.required.map((f) => `/repository/${f}`)
    const listed = [...Object.keys(ALWAYS_UNKNOWN), ...API_URLS].filter(
      (path) => path !== '/repository/owner/id'
    )
    expect(listed.filter((path) => !required.includes(path))).toEqual([])
  })

  it('records the package it was cut from', () => {
    const source = push.doc.source as { package: string; version: string; webhook: string }
    expect(source).toMatchObject({ package: '@octokit/openapi-webhooks', webhook: 'push' })
    expect(source.version).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
