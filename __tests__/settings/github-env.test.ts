import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { readGitHubEnvironment } from '../../src/settings/github-env.js'

describe('readGitHubEnvironment', () => {
  it('reads github.com defaults, the branch of a push and the workspace', () => {
    const github = readGitHubEnvironment({
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKSPACE: 'ws',
      RUNNER_TEMP: '/tmp/runner'
    })
    expect(github).toEqual({
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
      repository: 'acme/shop',
      repositoryOwner: 'acme',
      sha: 'a'.repeat(40),
      branch: 'main',
      act: false,
      runnerTemp: '/tmp/runner',
      workspace: path.resolve('ws')
    })
  })

  it('makes a relative RUNNER_TEMP absolute (git runs in other folders and must find its files)', () => {
    expect(readGitHubEnvironment({ RUNNER_TEMP: 'runner-temp' }).runnerTemp).toBe(
      path.resolve('runner-temp')
    )
  })

  it('derives GHES API URLs and treats empty variables as unset', () => {
    const github = readGitHubEnvironment({
      GITHUB_SERVER_URL: 'https://ghes.example.com/',
      GITHUB_API_URL: '',
      GITHUB_GRAPHQL_URL: '',
      ACT: 'true'
    })
    expect(github.serverUrl).toBe('https://ghes.example.com')
    expect(github.apiUrl).toBe('https://ghes.example.com/api/v3')
    expect(github.graphqlUrl).toBe('https://ghes.example.com/api/graphql')
    expect(github.act).toBe(true)
    expect(github.repository).toBe('')
  })

  it.each([
    ['a pull request: the head branch', 'refs/pull/7/merge', 'feature', 'feature'],
    ['a tag: none', 'refs/tags/v1', '', undefined],
    ['a branch', 'refs/heads/release/1.x', 'ignored', 'release/1.x']
  ])('reads the branch of %s', (_label, ref, head, branch) => {
    expect(readGitHubEnvironment({ GITHUB_REF: ref, GITHUB_HEAD_REF: head }).branch).toBe(branch)
  })
})
