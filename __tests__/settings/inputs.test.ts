import { describe, expect, it } from '@jest/globals'
import { readSettings } from '../../src/settings/inputs.js'
import type { Runtime } from '../../src/lib/runtime.js'
import type { Settings } from '../../src/settings/settings.js'
import { InputError } from '../../src/lib/errors.js'

const env = {
  GITHUB_WORKSPACE: '/tmp/ws',
  GITHUB_SHA: '2682590abcdef0123456789abcdef0123456789a',
  GITHUB_REPOSITORY: 'Lyzhang1999/kubernetes-example',
  GITHUB_REPOSITORY_OWNER: 'Lyzhang1999',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://github.com'
}

type Inputs = Pick<Runtime, 'getInput' | 'setSecret'> & { masked: string[] }

function source(values: Record<string, string>): Inputs {
  const masked: string[] = []
  return {
    masked,
    getInput: (name) => (values[name] ?? '').trim(),
    setSecret: (secret) => masked.push(secret)
  }
}

// Settings from these inputs and environment; warnings go to `warned` when given.
function getInputs(runtime: Inputs, environment: NodeJS.ProcessEnv, warned?: string[]): Settings {
  return readSettings({
    runtime,
    env: environment,
    warn: (message) => warned?.push(message)
  })
}

describe('getInputs', () => {
  it('resolves the tutorial defaults', () => {
    const settings = getInputs(source({ images: 'backend\nfrontend' }), env)
    expect(settings.tag).toBe('2682590')
    expect(settings.images.map((i) => i.repository)).toEqual([
      'docker.io/lyzhang1999/backend',
      'docker.io/lyzhang1999/frontend'
    ])
    expect(settings.edit.valuesFiles).toEqual(['helm/values.yaml'])
    expect(settings.edit.valuesFileIsDefault).toBe(true)
    expect(settings.commit?.publish.target).toEqual({ kind: 'workspace' })
    expect(settings.commit?.publish.workflowBranch).toBe('main')
    expect(settings.commit?.publish.pushAttempts).toBe(5)
    expect(settings.commit?.messages.release).toBe('chore(release): {names} {tag} [skip ci]')
    expect(settings.commit?.label).toBe(env.GITHUB_REPOSITORY)
    expect(settings.build?.maxParallel).toBe(2)
    expect(settings.build?.registry).toBe('docker.io')
  })

  it('keeps a frozen copy of the environment, entries without a value dropped', () => {
    const environment: NodeJS.ProcessEnv = { ...env, PATH: '/opt/bin', GIT_SSH: undefined }
    const settings = getInputs(source({ images: 'a' }), environment)
    expect(settings.env).toEqual({ ...env, PATH: '/opt/bin' })
    expect('GIT_SSH' in settings.env).toBe(false)
    expect(Object.isFrozen(settings.env)).toBe(true)
    // A copy: a later change to the environment read does not reach the stages.
    environment.PATH = '/changed'
    expect(settings.env.PATH).toBe('/opt/bin')
  })

  it('masks every secret as soon as it is read', () => {
    const inputs = source({
      images: 'a',
      username: 'u',
      password: 'p4ss',
      token: 'ghs_x',
      'argocd-webhook-url': 'https://ci:hunter2@argocd.example.com/api/webhook',
      'argocd-webhook-secret': ' whs ',
      'argocd-token': 'aa.bb.cc',
      'argocd-server': 'https://argocd.example.com',
      'argocd-app': 'shop'
    })
    getInputs(inputs, env)
    expect(inputs.masked.slice(0, 4)).toEqual(['p4ss', 'ghs_x', 'whs', 'aa.bb.cc'])
    expect(inputs.masked).toContain('Bearer aa.bb.cc')
    // What git and docker send: basic auth of x-access-token:TOKEN and USER:PASSWORD.
    expect(inputs.masked).toContain(Buffer.from('x-access-token:ghs_x').toString('base64'))
    expect(inputs.masked).toContain(Buffer.from('u:p4ss').toString('base64'))
    expect(inputs.masked).toContain('hunter2')
  })

  it.each([
    [
      'another repository by name',
      'acme/gitops',
      { kind: 'remote', url: 'https://github.com/acme/gitops.git' }
    ],
    ['the same repository', 'lyzhang1999/Kubernetes-Example', { kind: 'workspace' }],
    ['a file URL', 'file:///srv/git/ops.git', { kind: 'remote', url: 'file:///srv/git/ops.git' }]
  ])('resolves repository given as %s', (_label, repository, target) => {
    expect(getInputs(source({ images: 'a', repository }), env).commit?.publish.target).toEqual(
      target
    )
  })

  it.each([
    ['an invalid tag', { images: 'a', tag: 'bad tag' }, 'tag'],
    ['a tag too long', { images: 'a', tag: 'x'.repeat(129) }, 'tag'],
    [
      'create-pr without commit',
      { images: 'a', 'create-pr': 'true', commit: 'false' },
      'create-pr'
    ],
    ['a non-boolean', { images: 'a', 'dry-run': 'yes' }, 'dry-run'],
    ['a bad number', { images: 'a', 'push-attempts': '0' }, 'push-attempts'],
    ['a bad commit mode', { images: 'a', 'commit-mode': 'rest' }, 'commit-mode'],
    [
      'a webhook URL that is not http',
      { images: 'a', 'argocd-webhook-url': 'ftp://x/api/webhook' },
      'argocd-webhook-url'
    ],
    ['nothing to do', { images: '' }, 'images'],
    ['username without password', { images: 'a', username: 'u' }, 'password'],
    [
      'credentials in the repository URL',
      { images: 'a', repository: 'https://u:p@host/x.git' },
      'repository'
    ],
    ['a malformed repository', { images: 'a', repository: 'not a repo' }, 'repository'],
    [
      'pin-digest without build',
      { images: 'a', build: 'false', 'pin-digest': 'true' },
      'pin-digest'
    ]
  ])('refuses %s, naming the input', (_label, values, input) => {
    const caught = refusal(values)
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).location.input).toBe(input)
    expect((caught as InputError).message).toContain(input)
  })

  const api = {
    images: 'a',
    'argocd-server': 'https://argocd.example.com',
    'argocd-token': 'aa.bb.cc',
    'argocd-app': 'shop'
  }

  // Every value here would otherwise reach a command line, a file or a commit header.
  it.each<[string, Record<string, string>, string]>([
    ['a namespace with a line break', { images: 'a', namespace: 'a\nb' }, 'namespace'],
    ['a namespace with a space', { images: 'a', namespace: 'evil ns' }, 'namespace'],
    ['a namespace walking up', { images: 'a', namespace: '../..' }, 'namespace'],
    ['a namespace with a colon', { images: 'a', namespace: 'acme:x' }, 'namespace'],
    ['a registry with a path', { images: 'a', registry: 'ghcr.io/acme' }, 'registry'],
    ['a registry with a space', { images: 'a', registry: 'evil host' }, 'registry'],
    ['a registry starting with -', { images: 'a', registry: '-host' }, 'registry'],
    [
      'an image repository read as an option',
      { images: '- name: a\n  repository: --help me:x' },
      'images'
    ],
    [
      'an image repository with a line break',
      { images: '- name: a\n  repository: "ghcr.io/a\\nb"' },
      'images'
    ],
    ['an image repository walking up', { images: '- name: a\n  repository: ../..' }, 'images'],
    [
      'an author name with a line break',
      { images: 'a', 'author-name': 'Evil\nName' },
      'author-name'
    ],
    ['an author name of angle brackets', { images: 'a', 'author-name': '<>' }, 'author-name'],
    ['an author email with >', { images: 'a', 'author-email': 'a@b>c' }, 'author-email'],
    ['an author email with a tab', { images: 'a', 'author-email': 'a@b\tc' }, 'author-email'],
    [
      'a repository read as an ssh option',
      { images: 'a', repository: '-oProxyCommand=touch /tmp/x@x:y' },
      'repository'
    ],
    [
      'a repository read as an upload-pack option',
      { images: 'a', repository: '--upload-pack=touch /tmp/x' },
      'repository'
    ],
    [
      'a token over plain http',
      { ...api, 'argocd-server': 'http://argocd.example.com' },
      'argocd-server'
    ],
    ['rollback without wait', { ...api, 'rollback-on-failure': 'true' }, 'rollback-on-failure'],
    [
      'rollback with create-pr',
      {
        ...api,
        'argocd-wait': 'true',
        'rollback-on-failure': 'true',
        'create-pr': 'true',
        token: 'ghs_x'
      },
      'rollback-on-failure'
    ],
    [
      'rollback with commit: false',
      { ...api, 'argocd-wait': 'true', 'rollback-on-failure': 'true', commit: 'false' },
      'rollback-on-failure'
    ],
    ['a zero argocd-timeout', { ...api, 'argocd-timeout': '0' }, 'argocd-timeout'],
    ['a fractional argocd-timeout', { ...api, 'argocd-timeout': '1.5' }, 'argocd-timeout'],
    ['an argocd-timeout over six hours', { ...api, 'argocd-timeout': '21601' }, 'argocd-timeout'],
    ['a non-boolean skip-unchanged', { images: 'a', 'skip-unchanged': 'yes' }, 'skip-unchanged']
  ])('refuses %s, naming the input', (_label, values, input) => {
    const caught = refusal(values)
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).location.input).toBe(input)
    expect((caught as InputError).message).toContain(input)
  })

  it.each([
    ['https', 'https://argocd.example.com', 'false', 0],
    ['http to localhost', 'http://localhost:8080', 'false', 0],
    ['http to 127.0.0.1', 'http://127.0.0.1:8080', 'false', 0],
    ['http to [::1]', 'http://[::1]:8080', 'false', 0],
    ['http elsewhere with argocd-insecure', 'http://argocd.internal', 'true', 1]
  ])('accepts argocd-token over %s', (_label, server, insecure, warnings) => {
    const warned: string[] = []
    const settings = getInputs(
      source({ ...api, 'argocd-server': server, 'argocd-insecure': insecure }),
      env,
      warned
    )
    expect(settings.argocd.api?.server).toBe(server)
    expect(warned).toHaveLength(warnings)
    expect(warned.every((message) => message.includes('plain http'))).toBe(true)
  })

  it('splits pr-labels and argocd-app at commas too, other lists only at line breaks', () => {
    const settings = getInputs(
      source({
        ...api,
        'pr-labels': 'release, deploy\nteam a',
        'argocd-app': 'shop,team-a/web\n# comment\nbilling',
        manifests: 'k8s/a,b.yaml\nk8s/c.yaml',
        'values-file': 'helm/a,b.yaml'
      }),
      env
    )
    expect(settings.commit?.publish.prLabels).toEqual(['release', 'deploy', 'team a'])
    expect(settings.argocd.api?.apps.map((app) => app.label)).toEqual([
      'shop',
      'team-a/web',
      'billing'
    ])
    expect(settings.edit.manifests).toEqual(['k8s/a,b.yaml', 'k8s/c.yaml'])
    expect(settings.edit.valuesFiles).toEqual(['helm/a,b.yaml'])
  })

  it('reads skip-unchanged and rollback-on-failure', () => {
    const settings = getInputs(
      source({
        ...api,
        'argocd-wait': 'true',
        'rollback-on-failure': 'true',
        'skip-unchanged': 'true'
      }),
      env
    )
    expect(settings.rollbackOnFailure).toBe(true)
    expect(settings.build?.skipUnchanged).toBe(true)
    const defaults = getInputs(source({ images: 'a' }), env)
    expect([defaults.rollbackOnFailure, defaults.build?.skipUnchanged]).toEqual([false, false])
  })

  it('accepts a repository in Docker grammar and a namespace with a team', () => {
    const settings = getInputs(
      source({
        images: '- name: a\n  repository: localhost:5000/team/a\n- name: b',
        namespace: 'acme/team'
      }),
      env
    )
    expect(settings.images.map((image) => image.repository)).toEqual([
      'localhost:5000/team/a',
      'docker.io/acme/team/b'
    ])
  })

  // The error thrown for these inputs (undefined when none is).
  function refusal(values: Record<string, string>): unknown {
    try {
      getInputs(source(values), env)
    } catch (error) {
      return error
    }
    return undefined
  }

  it.each([
    ['a local path under act', '/home/me/shop', 'file:', ''],
    ['OWNER/NAME without GITHUB_REPOSITORY_OWNER', 'Acme/shop', '', 'acme']
  ])('derives the namespace from %s', (_label, repository, owner, namespace) => {
    const settings = getInputs(source({ images: 'a' }), {
      ...env,
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: owner
    })
    // The namespace is the path between the registry and the image name.
    expect(settings.images[0]?.repository).toBe(
      namespace === '' ? 'docker.io/a' : `docker.io/${namespace}/a`
    )
  })

  it.each([
    ['commit-mode: api', { 'commit-mode': 'api' }, 'commit-mode'],
    ['create-pr: true', { 'create-pr': 'true' }, 'create-pr']
  ])(
    'refuses %s when the GitHub API is plain http to another host (the token would go in clear)',
    (_label, values, input) => {
      let caught: unknown
      try {
        getInputs(source({ images: 'a', token: 'ghs_x', ...values }), {
          ...env,
          GITHUB_API_URL: 'http://ghes.internal/api/v3'
        })
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(InputError)
      expect((caught as InputError).location.input).toBe(input)
      expect((caught as InputError).message).toMatch(/http:\/\/ghes\.internal.*not https/)
      // A loopback API (a local test server) is fine.
      expect(() =>
        getInputs(source({ images: 'a', token: 'ghs_x', ...values }), {
          ...env,
          GITHUB_API_URL: 'http://127.0.0.1:8080/api/v3'
        })
      ).not.toThrow()
    }
  )

  it.each([
    ['commit-mode: api', { 'commit-mode': 'api' }],
    ['create-pr: true', { 'create-pr': 'true' }]
  ])('refuses %s without a token, naming the token input', (_label, values) => {
    let caught: unknown
    try {
      getInputs(source({ images: 'a', ...values }), env)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).location.input).toBe('token')
    expect(() => getInputs(source({ images: 'a', token: 'ghs_x', ...values }), env)).not.toThrow()
  })

  it('needs a tag when GITHUB_SHA is missing', () => {
    expect(() => getInputs(source({ images: 'a' }), { ...env, GITHUB_SHA: '' })).toThrow(
      /GITHUB_SHA is not set/
    )
  })
})
