import { describe, expect, it } from '@jest/globals'
import {
  classifyFailure,
  exhaustedFailure,
  failureDetail,
  isRetryable,
  publishFailure,
  type FailureKind
} from '../../src/publish/failure.js'

describe('classifyFailure', () => {
  it.each<[string, FailureKind]>([
    ['!\trefs/heads/main\t[rejected] (fetch first)', 'stale'],
    ['! [rejected]        abc -> main (non-fast-forward)', 'stale'],
    ['!\trefs/heads/release/1.0\t[rejected] (stale info)', 'stale'],
    ["! [remote rejected] main -> main (cannot lock ref 'refs/heads/main')", 'stale'],
    ['remote: error: GH006: Protected branch update failed for refs/heads/main.', 'protected'],
    ['remote: error: GH013: Repository rule violations found for refs/heads/main.', 'protected'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth'],
    ['remote: Permission to acme/gitops.git denied to github-actions[bot].', 'auth'],
    [
      "fatal: unable to access 'https://github.com/acme/gitops.git/': The requested URL returned error: 403",
      'auth'
    ],
    ['remote: Invalid username or password.\nfatal: Authentication failed', 'auth'],
    ['remote: Write access to repository not granted.', 'auth'],
    ["fatal: couldn't find remote ref refs/heads/gitops", 'missing-branch'],
    ['remote: Repository not found.', 'not-found'],
    ["fatal: '/tmp/x' does not appear to be a git repository", 'not-found'],
    ['! [remote rejected] main -> main (pre-receive hook declined)', 'hook'],
    [
      "fatal: unable to access 'http://127.0.0.1:1/x.git/': Failed to connect to 127.0.0.1 port 1",
      'unreachable'
    ],
    [
      "fatal: unable to access 'https://example.invalid/': Could not resolve host: example.invalid",
      'unreachable'
    ],
    [
      "fatal: unable to access 'https://github.com/a/b/': The requested URL returned error: 502",
      'unreachable'
    ],
    ['error: RPC failed; HTTP 500 curl 22', 'unreachable'],
    ['fatal: the remote end hung up unexpectedly', 'unreachable'],
    ['something else entirely', 'other']
  ])('%s → %s', (output, kind) => {
    expect(classifyFailure(output)).toBe(kind)
  })

  it.each<[FailureKind, boolean]>([
    ['stale', true],
    ['hook', true],
    ['unreachable', true],
    ['protected', false],
    ['auth', false],
    ['missing-branch', false],
    ['not-found', false],
    ['other', false]
  ])('%s retryable: %s', (kind, retry) => {
    expect(isRetryable(kind)).toBe(retry)
  })
})

describe('failure messages', () => {
  const context = { repository: 'acme/gitops', branch: 'main', action: 'pushing' }

  it('keeps what git and the remote said, on one line', () => {
    expect(
      failureDetail(
        'To https://x\nremote: error: GH006: Protected\n!\trefs/heads/main\t[remote rejected]\nDone\n'
      )
    ).toBe('remote: error: GH006: Protected / ! refs/heads/main [remote rejected]')
  })

  it.each<[FailureKind, RegExp, string]>([
    [
      'protected',
      /branch main of acme\/gitops was refused by branch protection.*create-pr: true.*token allowed to push to main/,
      'branch'
    ],
    [
      'auth',
      /Authentication to acme\/gitops failed \(HTTP 401\/403\) while pushing branch main.*contents: write/,
      'token'
    ],
    ['missing-branch', /Branch main does not exist in acme\/gitops\. Create it first/, 'branch'],
    ['not-found', /Repository acme\/gitops was not found/, 'repository']
  ])('%s names repository, branch and what to do', (kind, message, input) => {
    const error = publishFailure(kind, context, 'detail')
    expect(error.message).toMatch(message)
    expect(error.location.input).toBe(input)
  })

  it('says when the attempts ran out, and why', () => {
    expect(exhaustedFailure('stale', context, 5, 'x').message).toMatch(
      /Gave up after 5 attempt\(s\) to push to branch main of acme\/gitops.*Raise push-attempts/
    )
    expect(exhaustedFailure('unreachable', context, 3, 'Failed to connect').message).toMatch(
      /Could not reach acme\/gitops \(branch main\) in 3 attempt\(s\)\. Last failure: Failed to connect\./
    )
  })
})
