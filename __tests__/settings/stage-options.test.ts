import { describe, expect, it } from '@jest/globals'
import { readSettings } from '../../src/settings/inputs.js'
import type { Settings } from '../../src/settings/settings.js'
import {
  buildOptions,
  commitMessage,
  githubRepository,
  publishOptions,
  pushedCommit
} from '../../src/settings/stage-options.js'
import type { PublishResult } from '../../src/publish/publish.js'

const SHA = `2682590${'a'.repeat(33)}`

function settings(inputs: Record<string, string>): Settings {
  return readSettings({
    runtime: { getInput: (name) => (inputs[name] ?? '').trim(), setSecret: () => undefined },
    env: { GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/shop', GITHUB_WORKSPACE: '/tmp/ws' },
    warn: () => undefined
  })
}

const published: PublishResult = {
  changed: true,
  commitSha: 'c'.repeat(40),
  commitUrl: '',
  branch: 'main',
  before: 'b'.repeat(40),
  defaultBranch: 'main',
  remoteUrl: 'file:///srv/ops.git',
  files: ['helm/values.yaml'],
  edits: [],
  diff: '',
  prOperation: '',
  prHeadSha: ''
}

describe('stage options', () => {
  it.each([
    ['the default', '', 'chore(release): web, api v2 [skip ci]'],
    [
      'every placeholder',
      '{names}|{tag}|{sha}|{short-sha}|{other}',
      `web, api|v2|${SHA}|2682590|{other}`
    ]
  ])('renders the commit message from %s', (_label, message, expected) => {
    const given = settings({ images: 'web\napi', tag: 'v2', message })
    expect(
      commitMessage(
        given,
        given.images.map((image) => ({ ...image, tag: 'v2', digest: '' }))
      )
    ).toBe(expected)
  })

  it('hands the environment read once to the images and publish stages', () => {
    const given = readSettings({
      runtime: { getInput: (name) => (name === 'images' ? 'web' : ''), setSecret: () => undefined },
      env: {
        GITHUB_SHA: SHA,
        GITHUB_WORKSPACE: '/tmp/ws',
        PATH: '/opt/bin',
        GIT_CONFIG_COUNT: '2'
      },
      warn: () => undefined
    })
    expect(buildOptions(given).env).toBe(given.processEnv)
    expect(publishOptions(given, 'msg').env).toBe(given.processEnv)
    expect(publishOptions(given, 'msg').env).toMatchObject({
      PATH: '/opt/bin',
      GIT_CONFIG_COUNT: '2'
    })
  })

  it('titles the pull request with the first line of the message unless pr-title is set', () => {
    expect(publishOptions(settings({ images: 'web', tag: 'v2' }), 'first\n\nbody').prTitle).toBe(
      'first'
    )
    expect(
      publishOptions(settings({ images: 'web', tag: 'v2', 'pr-title': 'Ship it' }), 'first').prTitle
    ).toBe('Ship it')
  })

  it.each([
    ['the workspace', '', { owner: 'acme', repo: 'shop' }, 'https://github.com/acme/shop'],
    [
      'another repository on the server',
      'acme/ops',
      { owner: 'acme', repo: 'ops' },
      'https://github.com/acme/ops.git'
    ],
    ['a file URL', 'file:///srv/ops.git', undefined, 'file:///srv/ops.git']
  ])('names %s for the GitHub API and for Argo CD', (_label, repository, owner, repoUrl) => {
    const given = settings({ images: 'web', repository })
    expect(githubRepository(given)).toEqual(owner)
    const remote = repository.startsWith('acme/')
      ? `https://github.com/${repository}.git`
      : repository
    const commit = pushedCommit(
      given,
      { ...published, remoteUrl: remote || published.remoteUrl },
      'msg'
    )
    expect(commit.repoUrl).toBe(repoUrl)
    expect(commit.message).toBe('msg')
  })

  it('sends argocd-repo-url to Argo CD when set', () => {
    const given = settings({
      images: 'web',
      'argocd-webhook-url': 'https://argocd.example.com/api/webhook',
      'argocd-repo-url': 'git@github.com:acme/shop.git'
    })
    expect(pushedCommit(given, published, 'msg').repoUrl).toBe('git@github.com:acme/shop.git')
  })
})
