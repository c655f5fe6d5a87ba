import { describe, expect, it } from '@jest/globals'
import { EditError, PublishError } from '../../src/lib/errors.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { casLoop, type AttemptResult } from '../../src/publish/cas-loop.js'
import { createFakeClock } from '../support/fake-clock.js'
import { GitCommandError } from '../../src/publish/git/git.js'
import type { GitHubApi, PullRequestRef } from '../../src/publish/github/api.js'
import { ensurePullRequest } from '../../src/publish/github/pull-request.js'
import { createTreeSource } from '../../src/publish/tree-source.js'

const context = () => ({ repository: 'acme/gitops', branch: 'main', action: 'pushing' })

function loop(attempts: number, sleeps: number[], budgetMs?: number) {
  const clock = createFakeClock(() => 1)
  return {
    attempts,
    logger: createMemoryLogger(),
    context,
    clock: {
      ...clock,
      sleep: (ms: number) => {
        sleeps.push(ms)
        return clock.sleep(ms)
      }
    },
    ...(budgetMs === undefined ? {} : { budgetMs })
  }
}

describe('casLoop', () => {
  it('retries lost races with growing back-off until one lands', async () => {
    const sleeps: number[] = []
    const results: AttemptResult<string>[] = [
      { retry: 'stale', detail: 'fetch first', windowMs: 30 },
      { retry: 'stale', detail: 'fetch first', windowMs: 30 },
      { done: 'landed' }
    ]
    let calls = 0
    const value = await casLoop(() => Promise.resolve(results[calls++]!), loop(5, sleeps))
    expect(value).toBe('landed')
    expect(calls).toBe(3)
    // two exposure windows, doubled along the sawtooth (1, then 0)
    expect(sleeps).toEqual([120, 60])
  })

  it('retries at once after losing on a tip read before the attempt, and sizes no back-off by it', async () => {
    const sleeps: number[] = []
    const results: AttemptResult<string>[] = [
      { retry: 'stale', detail: 'fetch first', staleRead: true },
      { retry: 'stale', detail: 'fetch first', windowMs: 30 },
      { done: 'landed' }
    ]
    let calls = 0
    const value = await casLoop(() => Promise.resolve(results[calls++]!), loop(5, sleeps))
    expect(value).toBe('landed')
    // at once, then the first race window of the attempt that did race
    expect(sleeps).toEqual([0, 120])
  })

  it('keeps retrying lost races past push-attempts, within its time budget', async () => {
    const sleeps: number[] = []
    let calls = 0
    const value = await casLoop(
      () => {
        calls++
        return Promise.resolve(
          calls < 8
            ? { retry: 'stale' as const, detail: 'fetch first', windowMs: 100 }
            : { done: 'x' }
        )
      },
      loop(2, sleeps)
    )
    expect(value).toBe('x')
    expect(sleeps).toEqual([400, 200, 800, 400, 200, 1600, 800])
  })

  it('stops when the time budget is spent, with an error naming repository and branch', async () => {
    const sleeps: number[] = []
    let calls = 0
    const run = casLoop(
      () => {
        calls++
        return Promise.resolve({ retry: 'stale' as const, detail: 'fetch first', windowMs: 500 })
      },
      loop(3, sleeps, 10_000)
    )
    await expect(run).rejects.toThrow(
      /Gave up after 6 attempt\(s\) in 10 s to push to branch main of acme\/gitops.*fetch first/
    )
    expect(calls).toBe(6)
    expect(sleeps).toEqual([2000, 1000, 4000, 2000, 1000])
  })

  it('retries a git command that could not reach the remote, not one that was refused', async () => {
    let calls = 0
    const unreachable = casLoop(
      () => {
        calls++
        return Promise.reject(
          new GitCommandError(['fetch'], 128, 'fatal: unable to access: Failed to connect')
        )
      },
      loop(2, [])
    )
    await expect(unreachable).rejects.toThrow(
      /Could not reach acme\/gitops \(branch main\) in 2 attempt/
    )
    expect(calls).toBe(2)

    calls = 0
    const denied = casLoop(
      () => {
        calls++
        return Promise.reject(
          new GitCommandError(['fetch'], 128, 'remote: Permission to acme/gitops.git denied')
        )
      },
      loop(5, [])
    )
    await expect(denied).rejects.toThrow(/Authentication to acme\/gitops failed/)
    expect(calls).toBe(1)
  })

  it('lets other errors through untouched (an edit error is no reason to retry)', async () => {
    const error = new EditError('bad path', { file: 'x' })
    await expect(casLoop(() => Promise.reject(error), loop(5, []))).rejects.toBe(error)
  })
})

describe('createTreeSource', () => {
  const blobs: Record<string, string> = { b1: 'a: 1\n', b2: '#!/bin/sh\n' }
  const source = createTreeSource(
    'acme/gitops@main',
    [
      { mode: '100644', sha: 'b1', path: 'helm/values.yaml' },
      { mode: '100755', sha: 'b2', path: 'run.sh' },
      { mode: '120000', sha: 'l1', path: 'link.yaml' },
      { mode: '120000', sha: 'l2', path: 'linked-dir' },
      { mode: '160000', sha: 'c1', path: 'sub' }
    ],
    (sha) => Promise.resolve(Buffer.from(blobs[sha] ?? ''))
  )

  it.each([
    ['helm/values.yaml', 'a: 1\n'],
    ['run.sh', '#!/bin/sh\n'],
    ['missing.yaml', undefined],
    ['helm/values.yaml/deeper', undefined]
  ])('read(%p)', async (path, expected) => {
    expect((await source.read(path))?.toString('utf8')).toBe(expected)
  })

  it.each([
    ['link.yaml', /link\.yaml is a symbolic link in acme\/gitops@main/],
    ['linked-dir/values.yaml', /linked-dir is a symbolic link/],
    ['sub/values.yaml', /sub is a submodule/],
    ['../etc/passwd', /not a plain path inside the repository/],
    ['/etc/passwd', /not a plain path/],
    ['helm/./values.yaml', /not a plain path/],
    ['.git/config', /not a plain path/],
    ['', /not a plain path/]
  ])('refuses %p', async (path, message) => {
    const read = source.read(path)
    await expect(read).rejects.toThrow(EditError)
    await expect(read).rejects.toThrow(message)
  })

  it('lists regular files only', async () => {
    expect(await source.list()).toEqual(['helm/values.yaml', 'run.sh'])
  })
})

function fakeApi(open: PullRequestRef[], createAnswer: PullRequestRef | 'exists') {
  const calls: string[] = []
  const api: Pick<GitHubApi, 'findOpenPull' | 'createPull' | 'updatePull' | 'addLabels'> = {
    findOpenPull: (_r, head, base) => {
      calls.push(`find ${head}->${base}`)
      return Promise.resolve(open.shift())
    },
    createPull: (_r, pull) => {
      calls.push(`create ${pull.title}`)
      return Promise.resolve(createAnswer)
    },
    updatePull: (_r, number, pull) => {
      calls.push(`update #${number} ${pull.title}`)
      return Promise.resolve({ number, url: `u/${number}` })
    },
    addLabels: (_r, number, labels) => {
      calls.push(`labels #${number} ${labels.join(',')}`)
      return Promise.resolve()
    }
  }
  return { api: api as GitHubApi, calls }
}

describe('ensurePullRequest', () => {
  const spec = { head: 'release/1.0', base: 'main', title: 'T', body: 'B', labels: ['l'] }
  const repo = { owner: 'acme', repo: 'gitops' }

  it.each([
    [
      'opens one when none is open',
      [],
      { number: 7, url: 'u/7' },
      ['find release/1.0->main', 'create T', 'labels #7 l'],
      7
    ],
    [
      'updates the open one',
      [{ number: 3, url: 'u/3' }],
      'exists',
      ['find release/1.0->main', 'update #3 T', 'labels #3 l'],
      3
    ],
    [
      'updates the one another job opened meanwhile',
      [undefined as unknown as PullRequestRef, { number: 4, url: 'u/4' }],
      'exists',
      [
        'find release/1.0->main',
        'create T',
        'find release/1.0->main',
        'update #4 T',
        'labels #4 l'
      ],
      4
    ]
  ] as const)('%s', async (_name, open, answer, calls, number) => {
    const fake = fakeApi([...open], answer)
    const pull = await ensurePullRequest(fake.api, repo, spec, createMemoryLogger())
    expect(pull.number).toBe(number)
    expect(fake.calls).toEqual(calls)
  })

  it('explains a conflict it cannot resolve', async () => {
    const fake = fakeApi([], 'exists')
    await expect(ensurePullRequest(fake.api, repo, spec, createMemoryLogger())).rejects.toThrow(
      PublishError
    )
  })
})
