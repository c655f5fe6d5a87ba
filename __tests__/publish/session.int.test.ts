import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createProcessRunner, type ProcessRunner } from '../../src/lib/exec.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { createPublishDeps, type PublishOptions } from '../../src/publish/publish.js'
import { openPublisher, publisherOnFirstUse, type Publisher } from '../../src/publish/session.js'
import {
  cloneWorkspace,
  createRemote,
  git,
  isolateGitConfig,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { startGitHttpServer, type GitHttpServer } from './helpers/git-http-server.js'
import { setLine, valuesFile } from './helpers/line-compute.js'
import { fastDeps, inWorkspace, publishOptions } from './helpers/options.js'

const TOKEN = 'ghs_SessionToken0123456789abcdefABCD'
const VALUES = 'helm/values.yaml'

let restore: () => void
let root: string
let server: GitHttpServer

beforeAll(async () => {
  restore = isolateGitConfig()
  root = tempDir('publish-session-root-')
  server = await startGitHttpServer(root, TOKEN)
})
afterAll(async () => {
  await server.close()
  restore()
  removeTempDirs()
})
afterEach(() => {
  server.requests.length = 0
})

// A fresh remote over smart HTTP and a publisher on it (remote mode: a temporary clone).
async function open(over: Partial<PublishOptions> = {}): Promise<{
  publisher: Publisher
  bare: string
  temp: string
  logger: ReturnType<typeof createMemoryLogger>
  clock: ReturnType<typeof fastDeps>['clock']
}> {
  execFileSync('rm', ['-rf', join(root, 'acme')])
  const { bare } = createRemote({ [VALUES]: valuesFile(2) }, join(root, 'acme', 'gitops.git'))
  const temp = tempDir()
  const options = publishOptions({
    target: { kind: 'remote', url: `${server.url}/acme/gitops.git` },
    workspace: temp,
    tempDir: temp,
    token: TOKEN,
    github: {
      serverUrl: server.url,
      apiUrl: `${server.url}/api/v3`,
      graphqlUrl: `${server.url}/api/graphql`
    },
    ...over
  })
  const logger = createMemoryLogger()
  const services = { ...fastDeps(), logger }
  const deps = createPublishDeps(options, services)
  server.requests.length = 0
  return {
    publisher: await openPublisher(options, deps),
    bare,
    temp,
    logger,
    clock: services.clock
  }
}

// Requests the git server answered, by kind: the ref advertisements a new connection starts with.
function count(kind: 'upload-advertisements' | 'receive-advertisements'): number {
  const service = kind === 'upload-advertisements' ? 'git-upload-pack' : 'git-receive-pack'
  return server.requests.filter((line) =>
    line.startsWith(`GET /acme/gitops.git/info/refs?service=${service} `)
  ).length
}

describe('one publisher per run', () => {
  it.each([
    ['branch set', { branch: 'main' }],
    ["the remote's default branch", {}]
  ])(
    'a release (%s): preflight, commit and ancestry checks open the repository once',
    async (_name, over) => {
      const { publisher, bare, temp } = await open(over)
      try {
        const preview = await publisher.preview(setLine(VALUES, 'app0', 'v2'))
        expect(preview).toMatchObject({ changed: true, commitSha: '' })
        const landed = await publisher.land(
          { message: 'release v2' },
          setLine(VALUES, 'app0', 'v2')
        )
        expect(landed).toMatchObject({ changed: true, branch: 'main', defaultBranch: 'main' })
        expect(await publisher.isDescendant(landed.commitSha, landed.commitSha)).toBe(true)
        expect(await publisher.isDescendant(landed.before, landed.commitSha)).toBe(true)
        expect(await publisher.isDescendant(landed.commitSha, landed.before)).toBe(false)
        expect(git(bare, 'rev-parse', 'main')).toBe(landed.commitSha)
      } finally {
        await publisher.close()
      }
      expect(remoteFile(bare, VALUES)).toContain('app0: v2')
      expect(count('upload-advertisements')).toBe(1)
      expect(count('receive-advertisements')).toBe(1)
      expect(readdirSync(temp)).toEqual([])
    }
  )

  it('a release and its rollback on an unmoved branch: still one ref advertisement', async () => {
    const { publisher, bare } = await open({ branch: 'main' })
    try {
      await publisher.preview(setLine(VALUES, 'app0', 'v2'))
      const release = await publisher.land({ message: 'release v2' }, setLine(VALUES, 'app0', 'v2'))
      const rollback = await publisher.land(
        { message: 'revert v2' },
        setLine(VALUES, 'app0', 'old')
      )
      expect(rollback).toMatchObject({ changed: true, before: release.commitSha })
      expect(git(bare, 'rev-parse', 'main')).toBe(rollback.commitSha)
    } finally {
      await publisher.close()
    }
    expect(remoteFile(bare, VALUES)).toBe(valuesFile(2))
    expect(count('upload-advertisements')).toBe(1)
    expect(count('receive-advertisements')).toBe(2)
  })

  it('a release whose preflight tip moved before it landed reads the new tip at once', async () => {
    const { publisher, bare, logger, clock } = await open({ branch: 'main' })
    try {
      await publisher.preview(setLine(VALUES, 'app0', 'v2'))
      // the images build meanwhile
      await clock.sleep(60_000)
      const other = cloneWorkspace(bare)
      execFileSync('sh', ['-c', 'echo other > other.txt'], { cwd: other })
      git(other, 'add', 'other.txt')
      git(other, 'commit', '--quiet', '-m', 'another job')
      git(other, 'push', '--quiet', 'origin', 'HEAD:main')
      const landed = await publisher.land({ message: 'release v2' }, setLine(VALUES, 'app0', 'v2'))
      expect(landed).toMatchObject({ changed: true, before: git(other, 'rev-parse', 'HEAD') })
      // the preflight's tip was not raced for: no back-off, and the one read after it is anew
      expect(logger.lines.filter((line) => line.includes('did not land'))).toHaveLength(1)
      expect(clock.sleeps).toEqual([60_000, 0])
    } finally {
      await publisher.close()
    }
    expect(remoteFile(bare, VALUES)).toContain('app0: v2')
  })

  it('a rollback after another commit landed reads the moved tip: two ref advertisements', async () => {
    const { publisher, bare } = await open({ branch: 'main' })
    try {
      await publisher.preview(setLine(VALUES, 'app0', 'v2'))
      await publisher.land({ message: 'release v2' }, setLine(VALUES, 'app0', 'v2'))
      const other = cloneWorkspace(bare)
      execFileSync('sh', ['-c', 'echo other > other.txt'], { cwd: other })
      git(other, 'add', 'other.txt')
      git(other, 'commit', '--quiet', '-m', 'another job')
      git(other, 'push', '--quiet', 'origin', 'HEAD:main')
      const moved = git(other, 'rev-parse', 'HEAD')
      const rollback = await publisher.land(
        { message: 'revert v2' },
        setLine(VALUES, 'app0', 'old')
      )
      expect(rollback).toMatchObject({ changed: true, before: moved })
    } finally {
      await publisher.close()
    }
    expect(remoteFile(bare, VALUES)).toBe(valuesFile(2))
    expect(count('upload-advertisements')).toBe(2)
  })
})

describe('publisherOnFirstUse', () => {
  it('opens nothing until the first call, then one publisher for every call', async () => {
    let opens = 0
    const { publisher: real, bare } = await open({ branch: 'main' })
    const lazy = publisherOnFirstUse(() => {
      opens++
      return Promise.resolve(real)
    })
    expect(opens).toBe(0)
    try {
      await lazy.preview(setLine(VALUES, 'app0', 'v2'))
      const landed = await lazy.land({ message: 'release v2' }, setLine(VALUES, 'app0', 'v2'))
      expect(await lazy.isDescendant(landed.before, landed.commitSha)).toBe(true)
      expect(git(bare, 'rev-parse', 'main')).toBe(landed.commitSha)
    } finally {
      await lazy.close()
    }
    expect(opens).toBe(1)
    const unused = publisherOnFirstUse(() => Promise.reject(new Error('opened')))
    await expect(unused.close()).resolves.toBeUndefined()
  })
})

// Every git command line a publisher starts, through the real runner.
function recordingRunner(): { runner: ProcessRunner; commands: string[] } {
  const real = createProcessRunner([], process.env)
  const commands: string[] = []
  return {
    commands,
    runner: {
      run: (command, args, options) => {
        commands.push([command, ...args.filter((_, i) => i > 1 || args[0] !== '-C')].join(' '))
        return real.run(command, args, options)
      }
    }
  }
}

describe('git processes of one release', () => {
  it.each([
    ['workspace', (bare: string) => inWorkspace(cloneWorkspace(bare), tempDir())],
    ['remote', (bare: string) => ({ target: { kind: 'remote' as const, url: bare } })]
  ])(
    '%s mode: the preflight and the commit read the tip once, and its tip and files come from the fetch',
    async (_mode, target) => {
      const { bare } = createRemote({ [VALUES]: valuesFile(2) })
      const temp = tempDir()
      const options = publishOptions({ workspace: temp, tempDir: temp, ...target(bare) })
      const { runner, commands } = recordingRunner()
      const deps = createPublishDeps(options, {
        ...fastDeps(),
        logger: createMemoryLogger(),
        runner
      })
      const publisher = await openPublisher(options, deps)
      try {
        await publisher.preview(setLine(VALUES, 'app0', 'v2'))
        const landed = await publisher.land(
          { message: 'release v2' },
          setLine(VALUES, 'app0', 'v2')
        )
        expect(git(bare, 'rev-parse', 'main')).toBe(landed.commitSha)
      } finally {
        await publisher.close()
      }
      const named = (verb: string): string[] => commands.filter((c) => c.startsWith(`git ${verb}`))
      expect(named('ls-tree')).toHaveLength(1)
      expect(named('cat-file blob')).toHaveLength(1)
      expect(named('fetch')).toHaveLength(1)
      // the fetched tip is read from FETCH_HEAD, the work tree's facts from one rev-parse
      expect(named('rev-parse')).toEqual(
        _mode === 'workspace'
          ? ['git rev-parse --show-toplevel --absolute-git-dir --is-shallow-repository']
          : []
      )
    }
  )
})
