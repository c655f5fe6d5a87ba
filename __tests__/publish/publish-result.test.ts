import { describe, expect, it } from '@jest/globals'
import { createMemoryLogger } from '../../src/lib/logger.js'
import type { PullRequestSpec } from '../../src/publish/github/pull-request.js'
import type { PublishOptions } from '../../src/publish/publish.js'
import {
  committedResult,
  resultBase,
  resultWithoutCommit,
  type Settled
} from '../../src/publish/publish-result.js'
import { publishOptions } from './helpers/options.js'

const TIP = 'a'.repeat(40)
const edits = [
  { path: 'values.yaml', before: 'tag: 1\n', after: 'tag: 2\n' },
  { path: 'same.yaml', before: 'x\n', after: 'x\n' }
]

function run(over: Partial<PublishOptions>, settled: Partial<Settled> = {}, opened = false) {
  const options = publishOptions({
    target: { kind: 'workspace' },
    workspace: '/ws',
    tempDir: '/t',
    ...over
  })
  const specs: PullRequestSpec[] = []
  const logger = createMemoryLogger()
  const context = {
    options,
    branch: 'main',
    label: 'acme/gitops',
    logger,
    openPullRequest: (spec: PullRequestSpec) => {
      specs.push(spec)
      return Promise.resolve({ number: 7, url: 'https://example.test/pull/7', opened })
    }
  }
  const state: Settled = { tip: TIP, edits, changed: true, ...settled }
  return {
    context,
    state,
    base: resultBase(state, undefined, 'https://example.test/r.git'),
    specs,
    logger
  }
}

describe('resultBase', () => {
  it('lists only the changed files, diffs them, and reports an unread default branch as empty', () => {
    const { base } = run({})
    expect(base).toMatchObject({ before: TIP, defaultBranch: '', files: ['values.yaml'], edits })
    expect(base.diff).toContain('+tag: 2')
    expect(base.diff).not.toContain('same.yaml')
  })
})

describe('resultWithoutCommit', () => {
  it.each([
    ['a dry run with a change', { dryRun: true }, {}, { changed: true, branch: 'main' }, 0],
    ['a dry run without change', { dryRun: true }, { changed: false }, { changed: false }, 0],
    ['a branch that has the change', {}, { changed: false }, { changed: false, branch: 'main' }, 0],
    [
      'a re-run whose pull request branch holds the change',
      { createPr: true },
      { changed: false, onPrBranch: true, prHead: 'c'.repeat(40) },
      {
        changed: false,
        branch: 'release/1.0',
        prNumber: 7,
        prOperation: 'unchanged',
        prHeadSha: 'c'.repeat(40)
      },
      1
    ],
    [
      'a re-run whose pull request was closed: opened again',
      { createPr: true },
      { changed: false, onPrBranch: true, prHead: 'c'.repeat(40) },
      { prNumber: 7, prOperation: 'created', prHeadSha: 'c'.repeat(40) },
      1,
      true
    ]
  ])('%s: no commit', async (_name, over, settled, expected, pulls, opened = false) => {
    const { context, state, base, specs } = run(over, settled, opened)
    const result = await resultWithoutCommit(state, base, context)
    expect(result).toMatchObject({
      prOperation: '',
      prHeadSha: '',
      ...expected,
      commitSha: '',
      commitUrl: ''
    })
    expect(specs).toHaveLength(pulls)
  })

  it('leaves a landed commit to committedResult', async () => {
    const { context, state, base } = run({})
    expect(await resultWithoutCommit(state, base, context)).toBeUndefined()
  })
})

describe('committedResult', () => {
  it.each([
    ['on the branch', { createPr: false }, { branch: 'main', prOperation: '', prHeadSha: '' }, 0],
    [
      'on the branch of an open pull request',
      { createPr: true },
      { branch: 'release/1.0', prNumber: 7, prOperation: 'updated', prHeadSha: 'b'.repeat(40) },
      1
    ],
    [
      'on the branch of a new pull request',
      { createPr: true },
      { branch: 'release/1.0', prNumber: 7, prOperation: 'created', prHeadSha: 'b'.repeat(40) },
      1,
      true
    ]
  ])('reports the commit %s', async (_name, over, expected, pulls, opened = false) => {
    const { context, base, specs, logger } = run(over, {}, opened)
    const result = await committedResult(
      base,
      { sha: 'b'.repeat(40), url: 'u' },
      undefined,
      context
    )
    expect(result).toMatchObject({
      ...expected,
      changed: true,
      commitSha: 'b'.repeat(40),
      commitUrl: 'u'
    })
    expect(specs.map((spec) => [spec.head, spec.base])).toEqual(
      pulls ? [['release/1.0', 'main']] : []
    )
    expect(logger.lines.some((line) => line.includes('Landed bbbbbbb'))).toBe(true)
  })
})
