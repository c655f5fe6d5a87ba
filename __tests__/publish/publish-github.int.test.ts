import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PublishError } from '../../src/lib/errors.js'
import { LandedError } from '../../src/publish/landed-error.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { type PublishOptions } from '../../src/publish/publish.js'
import { publishWithDefaults } from './helpers/publish.js'
import { createPublishDeps } from '../../src/publish/publish.js'
import { openPublisher } from '../../src/publish/session.js'
import { PASS, startFakeGitHub, type CannedAnswer, type FakeGitHub } from './helpers/fake-github.js'
import {
  cloneWorkspace,
  createRemote,
  git,
  isolateGitConfig,
  remoteFile,
  remoteLog,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { setLine, valuesFile } from './helpers/line-compute.js'
import { fastDeps, publishOptions } from './helpers/options.js'

const TOKEN = 'ghs_FakeGitHubToken0123456789'
const VALUES = 'helm/values.yaml'

let restore: () => void
let github: FakeGitHub
let bare: string
beforeAll(() => {
  restore = isolateGitConfig()
})
beforeEach(async () => {
  const root = tempDir('publish-gh-root-')
  bare = createRemote(
    { [VALUES]: valuesFile(3), 'README.md': 'hi\n' },
    join(root, 'acme', 'gitops.git')
  ).bare
  github = await startFakeGitHub(root, 'acme', 'gitops', TOKEN)
})
afterEach(async () => {
  await github.close()
  removeTempDirs()
})
afterAll(() => {
  restore()
})

function options(over: Partial<PublishOptions> = {}): PublishOptions {
  const temp = tempDir()
  return publishOptions({
    target: { kind: 'remote', url: github.gitUrl },
    workspace: temp,
    tempDir: temp,
    token: TOKEN,
    github: {
      serverUrl: github.serverUrl,
      apiUrl: github.apiUrl,
      graphqlUrl: github.graphqlUrl
    },
    ...over
  })
}

/** An earlier run's release branch (another tag value) with its pull request still open. */
// The pull request branch as an earlier run of the action (commit-mode git) left it.
function openEarlierPullRequest(): string {
  const work = cloneWorkspace(bare)
  execFileSync('sed', ['-i', 's/^app0: old$/app0: v1/', join(work, VALUES)])
  const { authorName: name, authorEmail: email } = publishOptions({
    target: { kind: 'workspace' },
    workspace: work,
    tempDir: work
  })
  execFileSync(
    'git',
    ['commit', '--quiet', '-am', `earlier release\n\nReleased-by: gitops-release`],
    {
      cwd: work,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: name,
        GIT_COMMITTER_EMAIL: email
      }
    }
  )
  git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/release/1.0')
  github.pulls.push({
    number: 1,
    head: 'release/1.0',
    base: 'main',
    title: 'old',
    body: '',
    state: 'open',
    labels: []
  })
  return git(work, 'rev-parse', 'HEAD')
}

describe('commit-mode api (createCommitOnBranch)', () => {
  it('reads the files at any commit through the API (a promotion reads its source revision)', async () => {
    const before = git(bare, 'rev-parse', 'main')
    const opts = options({ mode: 'api' })
    const services = { ...fastDeps(), logger: createMemoryLogger() }
    const publisher = await openPublisher(opts, createPublishDeps(opts, services))
    try {
      const landed = await publisher.land({ message: 'release v2' }, setLine(VALUES, 'app1', 'v2'))
      const old = await publisher.sourceAt(before)
      const now = await publisher.sourceAt(landed.commitSha)
      expect((await old.read(VALUES))?.toString('utf8')).toBe(valuesFile(3))
      expect((await now.read(VALUES))?.toString('utf8')).toContain('app1: v2')
      expect((await now.list()).sort()).toEqual(['README.md', VALUES])
      await expect(publisher.sourceAt('f'.repeat(40))).rejects.toThrow()
      await expect(publisher.sourceAt('not-a-sha')).rejects.toThrow(/is not in acme\/gitops/)
    } finally {
      await publisher.close()
    }
  })

  it('lands the commit through GraphQL with expectedHeadOid and base64 contents', async () => {
    const head = git(bare, 'rev-parse', 'main')
    const result = await publishWithDefaults(options({ mode: 'api' }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app1', 'v2'),
      logger: createMemoryLogger()
    })
    expect(result).toMatchObject({
      changed: true,
      branch: 'main',
      defaultBranch: 'main',
      before: head,
      files: [VALUES]
    })
    expect(result.commitSha).toBe(git(bare, 'rev-parse', 'main'))
    expect(result.commitUrl).toBe(`${github.serverUrl}/acme/gitops/commit/${result.commitSha}`)
    expect(remoteFile(bare, VALUES)).toBe(valuesFile(3).replace('app1: old', 'app1: v2'))
    expect(github.mutations).toEqual([
      {
        branch: { repositoryNameWithOwner: 'acme/gitops', branchName: 'main' },
        expectedHeadOid: head,
        message: { headline: 'chore(release): app 1.0 [skip ci]', body: '' },
        fileChanges: {
          additions: [
            { path: VALUES, contents: Buffer.from(remoteFile(bare, VALUES)).toString('base64') }
          ]
        }
      }
    ])
  })

  it('re-reads and retries when the head moved (stale expectedHeadOid)', async () => {
    let human = ''
    github.beforeCommit = () => {
      const work = cloneWorkspace(bare)
      execFileSync('sed', ['-i', 's/^app0: old$/app0: human/', join(work, VALUES)])
      git(work, 'commit', '--quiet', '-am', 'human')
      git(work, 'push', '--quiet', 'origin', 'HEAD:main')
      human = git(work, 'rev-parse', 'HEAD')
    }
    const logger = createMemoryLogger()
    const result = await publishWithDefaults(options({ mode: 'api' }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app2', 'v2'),
      logger
    })
    expect(github.mutations).toHaveLength(2)
    expect(github.mutations[1]?.expectedHeadOid).toBe(human)
    expect(result.before).toBe(human)
    expect(remoteFile(bare, VALUES)).toBe(
      valuesFile(3).replace('app0: old', 'app0: human').replace('app2: old', 'app2: v2')
    )
    expect(remoteLog(bare)).toHaveLength(3)
    expect(logger.lines.join('\n')).toMatch(
      /Attempt 1 did not land \(the branch moved: .*Expected branch to point to/
    )
  })

  it('updates the workspace files when the target is the workspace repository', async () => {
    const ws = cloneWorkspace(bare)
    const result = await publishWithDefaults(
      options({
        mode: 'api',
        target: { kind: 'workspace' },
        workspace: ws,
        workflowBranch: 'main',
        github: {
          serverUrl: github.serverUrl,
          apiUrl: github.apiUrl,
          graphqlUrl: github.graphqlUrl,
          repository: { owner: 'acme', repo: 'gitops' }
        }
      }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v7'), logger: createMemoryLogger() }
    )
    expect(result.changed).toBe(true)
    expect(readFileSync(join(ws, VALUES), 'utf8')).toBe(remoteFile(bare, VALUES))
    expect(remoteFile(bare, VALUES)).toContain('app0: v7')
  })

  it('names repository and branch on bad credentials', async () => {
    const run = publishWithDefaults(options({ mode: 'api', token: 'bad', branch: 'main' }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app0', 'v2'),
      logger: createMemoryLogger()
    })
    await expect(run).rejects.toThrow(PublishError)
    await expect(run).rejects.toThrow(
      /Authentication to acme\/gitops failed \(HTTP 401\/403\) while reading branch main.*Bad credentials/
    )
  })
})

describe('create-pr', () => {
  it('pushes the release branch and opens a labelled pull request; main stays', async () => {
    const main = git(bare, 'rev-parse', 'main')
    const result = await publishWithDefaults(
      options({ createPr: true, prLabels: ['release', 'gitops'] }),
      {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      }
    )
    expect(git(bare, 'rev-parse', 'main')).toBe(main)
    expect(remoteFile(bare, VALUES, 'release/1.0')).toContain('app0: v2')
    expect(result).toMatchObject({
      changed: true,
      branch: 'release/1.0',
      before: main,
      prNumber: 1,
      prUrl: `${github.serverUrl}/acme/gitops/pull/1`,
      prOperation: 'created'
    })
    expect(result.prHeadSha).toBe(git(bare, 'rev-parse', 'release/1.0'))
    expect(result.prHeadSha).toBe(result.commitSha)
    expect(github.pulls).toEqual([
      expect.objectContaining({
        head: 'release/1.0',
        base: 'main',
        title: 'chore(release): app 1.0 [skip ci]',
        labels: ['release', 'gitops'],
        state: 'open'
      })
    ])
    expect(github.pulls[0]?.body).toContain(`- \`${VALUES}\``)
  })

  it('updates the open pull request of an earlier run instead of opening another', async () => {
    const earlier = openEarlierPullRequest()
    const result = await publishWithDefaults(options({ createPr: true, prTitle: 'release v3' }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app0', 'v3'),
      logger: createMemoryLogger()
    })
    expect(github.pulls).toHaveLength(1)
    expect(github.pulls[0]?.title).toBe('release v3')
    expect(result.prNumber).toBe(1)
    expect(result.prOperation).toBe('updated')
    expect(result.prHeadSha).toBe(git(bare, 'rev-parse', 'release/1.0'))
    expect(remoteFile(bare, VALUES, 'release/1.0')).toBe(
      valuesFile(3).replace('app0: old', 'app0: v3')
    )
    expect(git(bare, 'rev-parse', 'release/1.0^')).toBe(git(bare, 'rev-parse', 'main'))
    expect(git(bare, 'rev-parse', 'release/1.0')).not.toBe(earlier)
    expect(github.calls).toContain('PATCH /pulls/1')
    expect(github.calls).not.toContain('POST /pulls')
  })

  it('handles "A pull request already exists" from a job that opened it meanwhile', async () => {
    openEarlierPullRequest()
    github.hideOpenPullsOnce = true
    const logger = createMemoryLogger()
    const result = await publishWithDefaults(options({ createPr: true, prLabels: ['x'] }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app0', 'v2'),
      logger
    })
    expect(github.calls.filter((call) => call === 'POST /pulls')).toHaveLength(1)
    expect(github.pulls).toHaveLength(1)
    expect(result.prNumber).toBe(1)
    expect(github.pulls[0]?.labels).toEqual(['x'])
    expect(logger.lines.join('\n')).toContain('Updated the open pull request #1')
  })

  it.each(['git', 'api'] as const)(
    'commit-mode %s: when the pull request API refuses after the push, the error carries what landed',
    async (mode) => {
      github.cannedAnswers.push(...(mode === 'api' ? Array<CannedAnswer>(8).fill(PASS) : []), {
        status: 403,
        headers: {},
        body: { message: 'Resource not accessible by integration' }
      })
      const run = publishWithDefaults(options({ createPr: true, mode }), {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      })
      const error: unknown = await run.catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(LandedError)
      const head = git(bare, 'rev-parse', 'release/1.0')
      expect((error as LandedError).result).toMatchObject({
        changed: true,
        commitSha: head,
        branch: 'release/1.0',
        prHeadSha: head,
        prOperation: ''
      })
      expect((error as LandedError).message).toMatch(
        new RegExp(`Commit ${head} landed on release/1\\.0.*HTTP 403`)
      )
    }
  )

  it.each(['git', 'api'] as const)(
    "commit-mode %s: a re-run never overwrites a reviewer's commit on the pull request branch",
    async (mode) => {
      const first = await publishWithDefaults(options({ createPr: true, mode }), {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      })
      expect(first.prOperation).toBe('created')
      const work = cloneWorkspace(bare)
      git(work, 'fetch', '--quiet', 'origin', 'release/1.0')
      git(work, 'checkout', '--quiet', '-B', 'review', 'FETCH_HEAD')
      execFileSync('sed', ['-i', 's/^app1: old$/app1: reviewed/', join(work, VALUES)])
      git(work, 'commit', '--quiet', '-am', 'review: pin app1')
      git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/release/1.0')
      const reviewed = git(work, 'rev-parse', 'HEAD')
      const rerun = publishWithDefaults(options({ createPr: true, mode }), {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      })
      await expect(rerun).rejects.toThrow(PublishError)
      await expect(rerun).rejects.toThrow(/release\/1\.0 .*did not write/)
      expect(git(bare, 'rev-parse', 'release/1.0')).toBe(reviewed)
    }
  )

  it.each(['git', 'api'] as const)(
    'commit-mode %s: a re-run with the same inputs is changed=false, no new commit, no push, same pull request',
    async (mode) => {
      const first = await publishWithDefaults(
        options({ createPr: true, mode, prLabels: ['release'] }),
        {
          ...fastDeps(),
          compute: setLine(VALUES, 'app0', 'v2'),
          logger: createMemoryLogger()
        }
      )
      expect(first).toMatchObject({ changed: true, prNumber: 1, prOperation: 'created' })
      const release = git(bare, 'rev-parse', 'release/1.0')
      const main = git(bare, 'rev-parse', 'main')
      const calls = github.calls.length
      const mutations = github.mutations.length
      github.gitRequests.length = 0
      const logger = createMemoryLogger()
      const again = await publishWithDefaults(
        options({ createPr: true, mode, prLabels: ['release'] }),
        {
          ...fastDeps(),
          compute: setLine(VALUES, 'app0', 'v2'),
          logger
        }
      )
      expect(again).toMatchObject({
        changed: false,
        commitSha: '',
        commitUrl: '',
        branch: 'release/1.0',
        before: main,
        files: [VALUES],
        prNumber: 1,
        prUrl: `${github.serverUrl}/acme/gitops/pull/1`,
        prOperation: 'unchanged',
        prHeadSha: release
      })
      expect(git(bare, 'rev-parse', 'release/1.0')).toBe(release)
      expect(git(bare, 'rev-parse', 'main')).toBe(main)
      expect(github.mutations).toHaveLength(mutations)
      const later = github.calls.slice(calls)
      expect(later.filter((call) => /^(?:POST|PATCH) \/git\/refs/.test(call))).toEqual([])
      expect(later).not.toContain('POST /pulls')
      expect(github.gitRequests.filter((line) => line.includes('git-receive-pack'))).toEqual([])
      expect(github.pulls).toHaveLength(1)
      expect(logger.lines.join('\n')).toContain(
        "release/1.0 already holds this change on main's tip"
      )
    }
  )

  it.each(['git', 'api'] as const)(
    'commit-mode %s: a re-run after the base moved rebuilds the release branch on the new tip',
    async (mode) => {
      await publishWithDefaults(options({ createPr: true, mode }), {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      })
      const work = cloneWorkspace(bare)
      execFileSync('sed', ['-i', 's/^app2: old$/app2: human/', join(work, VALUES)])
      git(work, 'commit', '--quiet', '-am', 'human')
      git(work, 'push', '--quiet', 'origin', 'HEAD:main')
      const main = git(work, 'rev-parse', 'HEAD')
      const again = await publishWithDefaults(options({ createPr: true, mode }), {
        ...fastDeps(),
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      })
      expect(again).toMatchObject({
        changed: true,
        before: main,
        prNumber: 1,
        prOperation: 'updated'
      })
      expect(again.prHeadSha).toBe(git(bare, 'rev-parse', 'release/1.0'))
      expect(again.commitSha).toBe(git(bare, 'rev-parse', 'release/1.0'))
      expect(git(bare, 'rev-parse', 'release/1.0^')).toBe(main)
      expect(remoteFile(bare, VALUES, 'release/1.0')).toBe(
        valuesFile(3).replace('app0: old', 'app0: v2').replace('app2: old', 'app2: human')
      )
    }
  )

  it('a re-run whose release branch holds the change but whose pull request was not opened opens it', async () => {
    await publishWithDefaults(options({ createPr: true }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app0', 'v2'),
      logger: createMemoryLogger()
    })
    const pull = github.pulls[0]
    if (pull) pull.state = 'closed'
    const again = await publishWithDefaults(options({ createPr: true }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app0', 'v2'),
      logger: createMemoryLogger()
    })
    expect(again).toMatchObject({
      changed: false,
      commitSha: '',
      prNumber: 2,
      prOperation: 'created',
      prHeadSha: git(bare, 'rev-parse', 'release/1.0')
    })
    expect(github.pulls.map((p) => `${String(p.number)} ${p.state}`)).toEqual([
      '1 closed',
      '2 open'
    ])
  })

  it('works with commit-mode api: branch created at the base tip, commit on it, pull request', async () => {
    const main = git(bare, 'rev-parse', 'main')
    const result = await publishWithDefaults(options({ createPr: true, mode: 'api' }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app1', 'v5'),
      logger: createMemoryLogger()
    })
    expect(git(bare, 'rev-parse', 'main')).toBe(main)
    expect(git(bare, 'rev-parse', 'release/1.0^')).toBe(main)
    expect(remoteFile(bare, VALUES, 'release/1.0')).toContain('app1: v5')
    expect(result.prNumber).toBe(1)
    expect(result).toMatchObject({ prOperation: 'created', prHeadSha: result.commitSha })
    expect(result.commitSha).toBe(git(bare, 'rev-parse', 'release/1.0'))
    expect(github.calls).toContain('POST /git/refs')
  })
})
