import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PublishError } from '../../src/lib/errors.js'
import { createProcessRunner, type ProcessRunner } from '../../src/lib/exec.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { gitBaseEnv } from '../../src/publish/git/env.js'
import { type PublishOptions } from '../../src/publish/publish.js'
import { publishWithDefaults } from './helpers/publish.js'
import {
  cloneWorkspace,
  createRemote,
  filesContaining,
  git,
  isolateGitConfig,
  recordGitCommandLines,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { startGitHttpServer, type GitHttpServer } from './helpers/git-http-server.js'
import { setLine, valuesFile } from './helpers/line-compute.js'
import { fastDeps, inWorkspace, publishOptions } from './helpers/options.js'
import { liveProcessEnv } from '../support/process-env.js'

const TOKEN = 'ghs_TestToken0123456789abcdefABCDEF'
const HEADER_B64 = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
const VALUES = 'helm/values.yaml'

let restore: () => void
let root: string
let bare: string
let server: GitHttpServer
let repoUrl: string

beforeAll(async () => {
  restore = isolateGitConfig()
  root = tempDir('publish-http-root-')
  server = await startGitHttpServer(root, TOKEN)
  repoUrl = `${server.url}/acme/gitops.git`
})
afterAll(async () => {
  await server.close()
  restore()
  removeTempDirs()
})
afterEach(() => {
  server.requests.length = 0
  server.authorizations.length = 0
})

// The test server stands for the GitHub server: its origin is the one that gets the token.
function options(over: Parameters<typeof publishOptions>[0]): PublishOptions {
  return publishOptions({
    github: {
      serverUrl: server.url,
      apiUrl: `${server.url}/api/v3`,
      graphqlUrl: `${server.url}/api/graphql`
    },
    ...over
  })
}

function freshRemote(): void {
  execFileSync('rm', ['-rf', join(root, 'acme')])
  bare = createRemote({ [VALUES]: valuesFile(2) }, join(root, 'acme', 'gitops.git')).bare
}

describe('publish over smart HTTP with a token', () => {
  it('pushes with the token from the environment only: no log, command line or file has it', async () => {
    freshRemote()
    const temp = tempDir()
    const logger = createMemoryLogger()
    const deps = fastDeps()
    const recording = recordGitCommandLines()
    try {
      const result = await publishWithDefaults(
        options({
          target: { kind: 'remote', url: repoUrl },
          workspace: temp,
          tempDir: temp,
          token: TOKEN
        }),
        { ...deps, compute: setLine(VALUES, 'app0', 'v2'), logger }
      )
      expect(result.changed).toBe(true)
    } finally {
      recording.restore()
    }
    expect(remoteFile(bare, VALUES)).toContain('app0: v2')
    const argv = readFileSync(recording.log, 'utf8')
    expect(argv).toMatch(
      /^-C \S+ push --porcelain --no-verify --end-of-options origin [0-9a-f]{40}:refs\/heads\/main$/m
    )
    expect(argv).toMatch(/^-C \S+ fetch /m)
    for (const secret of [TOKEN, HEADER_B64]) {
      expect(argv).not.toContain(secret)
      expect(logger.lines.join('\n')).not.toContain(secret)
    }
    expect([...deps.runtime.secrets]).toEqual(
      expect.arrayContaining([TOKEN, `basic ${HEADER_B64}`, HEADER_B64])
    )
    expect(readdirSync(temp)).toEqual([])
    expect(filesContaining(process.env.HOME ?? '', [TOKEN, HEADER_B64])).toEqual([])
    expect(filesContaining(root, [TOKEN, HEADER_B64])).toEqual([])
    expect(
      server.requests.some((line) => line.startsWith('POST /acme/gitops.git/git-receive-pack 200'))
    ).toBe(true)
    expect(server.authorizations.length).toBeGreaterThan(0)
    expect(new Set(server.authorizations)).toEqual(new Set([`basic ${HEADER_B64}`]))
  })

  it("starts git's config list after the entries options.env holds, not process.env's", async () => {
    freshRemote()
    const temp = tempDir()
    // Entries of an earlier step; this process's environment has none of them.
    const env = {
      ...liveProcessEnv,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'gitops.earlier',
      GIT_CONFIG_VALUE_0: 'kept',
      GIT_SSH_COMMAND: 'ssh'
    }
    expect(process.env.GIT_CONFIG_COUNT).toBeUndefined()
    expect(process.env.GIT_SSH_COMMAND).toBeUndefined()
    const real = createProcessRunner([], gitBaseEnv(env))
    const seen: Readonly<Record<string, string>>[] = []
    const runner: ProcessRunner = {
      run: (command, args, runOptions = {}) => {
        seen.push(runOptions.env ?? {})
        return real.run(command, args, runOptions)
      }
    }
    const result = await publishWithDefaults(
      options({
        target: { kind: 'remote', url: repoUrl },
        workspace: temp,
        tempDir: temp,
        token: TOKEN,
        env
      }),
      {
        ...fastDeps(),
        runner,
        compute: setLine(VALUES, 'app0', 'v2'),
        logger: createMemoryLogger()
      }
    )
    expect(result.changed).toBe(true)
    expect(remoteFile(bare, VALUES)).toContain('app0: v2')
    const origin = `http.${server.url}/.extraheader`
    const networked = seen.filter((entry) => entry.GIT_CONFIG_COUNT !== undefined)
    expect(networked.length).toBeGreaterThan(0)
    for (const entry of networked) {
      expect(entry).toMatchObject({
        GIT_CONFIG_COUNT: '4',
        GIT_CONFIG_KEY_1: origin,
        GIT_CONFIG_VALUE_1: '',
        GIT_CONFIG_KEY_2: origin,
        GIT_CONFIG_VALUE_2: `AUTHORIZATION: basic ${HEADER_B64}`,
        GIT_CONFIG_KEY_3: 'http.followRedirects',
        GIT_CONFIG_VALUE_3: 'false'
      })
      // Slot 0 stays the earlier step's; options.env names an ssh command, so none is set.
      expect(entry.GIT_CONFIG_KEY_0).toBeUndefined()
      expect(entry.GIT_SSH_COMMAND).toBeUndefined()
    }
    expect(new Set(server.authorizations)).toEqual(new Set([`basic ${HEADER_B64}`]))
  })

  it('sends no token to a repository on another host than the GitHub server, and says so', async () => {
    const otherRoot = tempDir('publish-http-other-')
    const other = await startGitHttpServer(otherRoot, '')
    try {
      const otherBare = createRemote(
        { [VALUES]: valuesFile(2) },
        join(otherRoot, 'acme', 'gitops.git')
      ).bare
      const otherHost = new URL(other.url).host
      const temp = tempDir()
      const logger = createMemoryLogger()
      const result = await publishWithDefaults(
        options({
          target: { kind: 'remote', url: `${other.url}/acme/gitops.git` },
          workspace: temp,
          tempDir: temp,
          token: TOKEN
        }),
        { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger }
      )
      expect(result.changed).toBe(true)
      expect(remoteFile(otherBare, VALUES)).toContain('app0: v2')
      expect(other.requests.some((line) => line.includes('git-receive-pack 200'))).toBe(true)
      expect(other.authorizations.length).toBeGreaterThan(0)
      expect(other.authorizations.filter((header) => header !== '')).toEqual([])
      expect(server.authorizations).toEqual([])
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^info: No credentials are sent to ${otherHost.replace(/[.]/g, '\\.')}: `)
        )
      )
    } finally {
      await other.close()
    }
  })

  it('sends no token to another host from a workspace checkout either', async () => {
    const otherRoot = tempDir('publish-http-other-')
    const other = await startGitHttpServer(otherRoot, '')
    try {
      const otherBare = createRemote(
        { [VALUES]: valuesFile(2) },
        join(otherRoot, 'acme', 'gitops.git')
      ).bare
      const ws = cloneWorkspace(otherBare)
      git(ws, 'remote', 'set-url', 'origin', `${other.url}/acme/gitops.git`)
      const temp = tempDir()
      const result = await publishWithDefaults(
        options({ ...inWorkspace(ws, temp), token: TOKEN }),
        {
          ...fastDeps(),
          compute: setLine(VALUES, 'app1', 'v4'),
          logger: createMemoryLogger()
        }
      )
      expect(result.changed).toBe(true)
      expect(remoteFile(otherBare, VALUES)).toContain('app1: v4')
      expect(other.authorizations.length).toBeGreaterThan(0)
      expect(other.authorizations.filter((header) => header !== '')).toEqual([])
    } finally {
      await other.close()
    }
  })

  it('fails clearly, once, with a wrong token', async () => {
    freshRemote()
    const temp = tempDir()
    const logger = createMemoryLogger()
    const run = publishWithDefaults(
      options({
        target: { kind: 'remote', url: repoUrl },
        workspace: temp,
        tempDir: temp,
        token: 'wrong-token',
        branch: 'main'
      }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger }
    )
    await expect(run).rejects.toThrow(PublishError)
    await expect(run).rejects.toThrow(
      /Authentication to acme\/gitops failed \(HTTP 401\/403\) while reading branch main/
    )
    const message = await run.then(
      () => '',
      (error: unknown) => String(error)
    )
    expect(message).not.toContain('wrong-token')
    expect(logger.lines.filter((line) => line.includes('did not land'))).toEqual([])
    expect(server.requests.every((line) => line.endsWith(' 401'))).toBe(true)
    expect(readdirSync(temp)).toEqual([])
  })

  it('replaces a header a checkout persisted in .git/config and leaves that file as it was', async () => {
    freshRemote()
    const ws = cloneWorkspace(bare)
    git(ws, 'remote', 'set-url', 'origin', repoUrl)
    const stale = Buffer.from('x-access-token:expired').toString('base64')
    git(ws, 'config', `http.${server.url}/.extraheader`, `AUTHORIZATION: basic ${stale}`)
    const config = readFileSync(join(ws, '.git', 'config'), 'utf8')
    const temp = tempDir()
    const result = await publishWithDefaults(options({ ...inWorkspace(ws, temp), token: TOKEN }), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app1', 'v3'),
      logger: createMemoryLogger()
    })
    expect(result.changed).toBe(true)
    expect(remoteFile(bare, VALUES)).toContain('app1: v3')
    expect(readFileSync(join(ws, '.git', 'config'), 'utf8')).toBe(config)
    expect(filesContaining(ws, [TOKEN, HEADER_B64])).toEqual([])
    expect(server.requests.filter((line) => !line.endsWith(' 200'))).toEqual([])
  })
})
