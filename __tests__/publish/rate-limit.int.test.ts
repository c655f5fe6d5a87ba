import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { type PublishOptions } from '../../src/publish/publish.js'
import { publishWithDefaults } from './helpers/publish.js'
import { createFakeClock } from '../support/fake-clock.js'
import { PASS, startFakeGitHub, type CannedAnswer, type FakeGitHub } from './helpers/fake-github.js'
import {
  createRemote,
  isolateGitConfig,
  remoteFile,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { setLine, valuesFile } from './helpers/line-compute.js'
import { fastDeps, publishOptions } from './helpers/options.js'

const TOKEN = 'ghs_RateLimitToken0123456789abcdef'
const VALUES = 'helm/values.yaml'
const DATE = 'Tue, 01 Dec 2026 06:00:00 GMT'
const EPOCH = Date.parse(DATE) / 1000

let restore: () => void
let github: FakeGitHub
let bare: string
beforeAll(() => {
  restore = isolateGitConfig()
})
beforeEach(async () => {
  const root = tempDir('publish-rl-root-')
  bare = createRemote({ [VALUES]: valuesFile(2) }, join(root, 'acme', 'gitops.git')).bare
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
    branch: 'main',
    mode: 'api',
    github: {
      serverUrl: github.serverUrl,
      apiUrl: github.apiUrl,
      graphqlUrl: github.graphqlUrl
    },
    ...over
  })
}

// GitHub's documented shapes: REST errors carry message and documentation_url
const secondary: CannedAnswer = {
  status: 403,
  headers: { 'retry-after': '30', date: DATE },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url:
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
  }
}
const primary: CannedAnswer = {
  status: 429,
  headers: {
    date: DATE,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-used': '5000',
    'x-ratelimit-reset': String(EPOCH + 90)
  },
  body: {
    message: 'API rate limit exceeded for installation ID 1.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
  }
}
const graphqlLimited: CannedAnswer = {
  status: 200,
  headers: { date: DATE, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(EPOCH + 5) },
  body: {
    errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }]
  }
}

describe('GitHub API rate limits', () => {
  it.each([
    ['a 403 secondary rate limit with retry-after', secondary, 30_000],
    ['a 429 with x-ratelimit-remaining 0, until x-ratelimit-reset', primary, 91_000],
    ['a GraphQL RATE_LIMITED error in a 200', graphqlLimited, 6_000]
  ])('waits out %s and lands the commit', async (_name, answer, wait) => {
    github.cannedAnswers.push(answer)
    const clock = createFakeClock()
    const logger = createMemoryLogger()
    const result = await publishWithDefaults(options(), {
      ...fastDeps(),
      clock,
      compute: setLine(VALUES, 'app0', 'v1'),
      logger
    })
    expect(result.changed).toBe(true)
    expect(remoteFile(bare, VALUES)).toContain('app0: v1')
    expect(clock.sleeps).toEqual([wait])
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`GitHub's rate limit was hit .*waiting ${wait / 1000} s as it asks`)
      )
    )
  })

  it('waits a minute, then longer, when GitHub names no time; gives up within ten minutes', async () => {
    const bare429: CannedAnswer = {
      status: 429,
      headers: {},
      body: { message: 'Too many requests', documentation_url: 'https://docs.github.com/rest' }
    }
    github.cannedAnswers.push(bare429, bare429, bare429, bare429)
    const clock = createFakeClock()
    const run = publishWithDefaults(options(), {
      ...fastDeps(),
      clock,
      compute: setLine(VALUES, 'app0', 'v1'),
      logger: createMemoryLogger()
    })
    await expect(run).rejects.toThrow(
      /GitHub's rate limit was still in force after 4 attempt\(s\) within 10 minutes/
    )
    expect(clock.sleeps).toEqual([60_000, 120_000, 240_000])
    expect(github.cannedAnswers).toEqual([])
  })

  it('does not wait when GitHub asks for longer than the budget', async () => {
    github.cannedAnswers.push({
      ...primary,
      headers: { ...primary.headers, 'x-ratelimit-reset': String(EPOCH + 3600) }
    })
    const clock = createFakeClock()
    const run = publishWithDefaults(options(), {
      ...fastDeps(),
      clock,
      compute: setLine(VALUES, 'app0', 'v1'),
      logger: createMemoryLogger()
    })
    await expect(run).rejects.toThrow(/GitHub asked to wait 3601 s/)
    expect(clock.sleeps).toEqual([])
  })

  it('spends at most 10 minutes on rate-limit waits in one run, across requests', async () => {
    const fourMinutes: CannedAnswer = {
      ...secondary,
      headers: { ...secondary.headers, 'retry-after': '240' }
    }
    github.cannedAnswers.push(fourMinutes, PASS, fourMinutes, PASS, fourMinutes)
    const clock = createFakeClock()
    const run = publishWithDefaults(options(), {
      ...fastDeps(),
      clock,
      compute: setLine(VALUES, 'app0', 'v1'),
      logger: createMemoryLogger()
    })
    // the third wait would pass 10 minutes: it fails at once, naming what GitHub asked for
    await expect(run).rejects.toThrow(/GitHub asked to wait 240 s .*only 120 s of its 10 minutes/)
    expect(clock.sleeps).toEqual([240_000, 240_000])
    expect(remoteFile(bare, VALUES)).toBe(valuesFile(2))
  })

  it('keeps a plain 403 an authentication error, not retried', async () => {
    github.cannedAnswers.push({
      status: 403,
      headers: { date: DATE, 'x-ratelimit-remaining': '4999' },
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest'
      }
    })
    const clock = createFakeClock()
    const run = publishWithDefaults(options(), {
      ...fastDeps(),
      clock,
      compute: setLine(VALUES, 'app0', 'v1'),
      logger: createMemoryLogger()
    })
    await expect(run).rejects.toThrow(/Authentication to acme\/gitops failed/)
    expect(clock.sleeps).toEqual([])
  })
})
