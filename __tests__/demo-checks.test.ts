import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { verifyPromotion } from '../scripts/lib/demo-checks.js'
import {
  cloneWorkspace,
  createRemote,
  git,
  isolateGitConfig,
  removeTempDirs
} from './support/git-fixtures.js'

// verifyPromotion, the demo's check of its promotion dev → prod, against a real bare repository
// holding a release commit and a promotion on top, and a registry stand-in answering manifest
// HEADs: a faithful promotion passes, and each way of getting it wrong is named.
const digestOf = (name: string) => `sha256:${name.charCodeAt(0).toString(16).repeat(32)}`

describe('verifyPromotion (scripts/lib/demo-checks.js)', () => {
  let restoreGit: () => void
  let registry: Server
  let host = ''
  // What the registry serves, per repository path: the test changes it for one case.
  const served = new Map<string, string>()
  let remote = ''
  let tip = ''
  let head = ''

  const values = (repo: (name: string) => string, tag: string) =>
    ['frontend', 'backend'].map((n) => `${n}:\n  image: ${repo(n)}\n  tag: '${tag}'\n`).join('')

  beforeAll(async () => {
    restoreGit = isolateGitConfig()
    registry = createServer((req, res) => {
      const match = /^\/v2\/(.+)\/manifests\/v2$/.exec(req.url ?? '')
      const digest = match ? served.get(match[1] ?? '') : undefined
      res.writeHead(digest ? 200 : 404, digest ? { 'Docker-Content-Digest': digest } : {}).end()
    })
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(registry.address() as AddressInfo).port}`
    for (const name of ['frontend', 'backend']) served.set(`tutorial/${name}`, digestOf(name))

    const repo = (name: string) => `${host}/tutorial/${name}`
    const created = createRemote({
      'helm/values.yaml': values(repo, 'v2'),
      'helm/values-prod.yaml': values((name) => `example/${name}`, 'v1')
    })
    remote = created.bare
    tip = git(remote, 'rev-parse', 'main')
    const work = cloneWorkspace(created.url)
    writeFileSync(join(work, 'helm', 'values-prod.yaml'), values(repo, 'v2'))
    git(
      work,
      'commit',
      '-q',
      '-am',
      `chore(promote): backend:v2, frontend:v2 to prod [skip ci]\n\nPromoted-from: dev@${tip}`
    )
    git(work, 'push', '-q', 'origin', 'HEAD:main')
    head = git(remote, 'rev-parse', 'main')
  })
  afterAll(async () => {
    registry.closeAllConnections()
    await new Promise((resolve) => registry.close(resolve))
    removeTempDirs()
    restoreGit()
  })

  const image = (name: string, digest = digestOf(name)) => ({
    name,
    repository: `${host}/tutorial/${name}`,
    tag: 'v2',
    digest,
    ref: `${host}/tutorial/${name}:v2`
  })
  const base = () => ({
    outputs: {
      promoted: 'true',
      'promoted-from': 'dev',
      'promoted-to': 'prod',
      'source-revision': tip,
      'commit-sha': head,
      images: JSON.stringify([image('backend'), image('frontend')]),
      'argocd-revision': head,
      'argocd-health-status': 'Healthy'
    } as Record<string, string>,
    released: [image('backend'), image('frontend')],
    tip,
    git: (args: string[]) => Promise.resolve(git(remote, ...args)),
    remote,
    argocd: { history: () => [{ revision: head, deployedAt: 0 }] }
  })
  type Given = ReturnType<typeof base>

  it('finds nothing wrong with a faithful promotion', async () => {
    expect(await verifyPromotion(base())).toEqual([])
  })

  it.each<[string, (given: Given) => void, string]>([
    [
      'not promoted',
      (g) => {
        g.outputs.promoted = 'false'
      },
      'output promoted is "false", expected true'
    ],
    [
      'another pair of environments',
      (g) => {
        g.outputs['promoted-from'] = 'staging'
      },
      'promoted staging → prod, expected dev → prod'
    ],
    [
      'a source revision other than the release',
      (g) => {
        g.outputs['source-revision'] = 'f'.repeat(40)
      },
      `output source-revision is ${'f'.repeat(40)}, expected the release's commit`
    ],
    [
      'a digest the release did not push',
      (g) => {
        g.outputs.images = JSON.stringify([image('backend', digestOf('x')), image('frontend')])
      },
      `backend: promoted digest "${digestOf('x')}", the release pushed "${digestOf('backend')}"`
    ],
    [
      'a tag that moved in the registry',
      () => {
        served.set('tutorial/frontend', digestOf('y'))
      },
      `frontend: the registry has`
    ],
    [
      "prod's app not seen at the promotion",
      (g) => {
        g.argocd = { history: () => [{ revision: tip, deployedAt: 0 }] }
      },
      "the fake Argo CD never served prod's app at the promotion's commit"
    ],
    [
      'nothing landed',
      (g) => {
        g.tip = head
      },
      'the remote main branch did not move: the promotion landed nothing'
    ]
  ])('names %s', async (_name, spoil, problem) => {
    const given = base()
    spoil(given)
    try {
      const problems = await verifyPromotion(given)
      expect(problems.some((p) => p.startsWith(problem))).toBe(true)
    } finally {
      for (const name of ['frontend', 'backend']) served.set(`tutorial/${name}`, digestOf(name))
    }
  })
})
