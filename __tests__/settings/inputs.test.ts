import { describe, expect, it } from '@jest/globals'
import { getInputs, splitList, type InputSource } from '../../src/inputs.js'
import { InputError } from '../../src/errors.js'

const env = {
  GITHUB_WORKSPACE: '/tmp/ws',
  GITHUB_SHA: '2682590abcdef0123456789abcdef0123456789a',
  GITHUB_REPOSITORY: 'Lyzhang1999/kubernetes-example',
  GITHUB_REPOSITORY_OWNER: 'Lyzhang1999',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://github.com'
}

function source(values: Record<string, string>): InputSource & { masked: string[] } {
  const masked: string[] = []
  return { masked, get: (name) => values[name] ?? '', mask: (s) => masked.push(s) }
}

describe('getInputs', () => {
  it('resolves the tutorial defaults', () => {
    const settings = getInputs(source({ images: 'backend\nfrontend' }), env)
    expect(settings.tag).toBe('2682590')
    expect(settings.namespace).toBe('lyzhang1999')
    expect(settings.images.map((i) => i.repository)).toEqual([
      'docker.io/lyzhang1999/backend',
      'docker.io/lyzhang1999/frontend'
    ])
    expect(settings.valuesFiles).toEqual(['helm/values.yaml'])
    expect(settings.valuesFileIsDefault).toBe(true)
    expect(settings.target).toEqual({ kind: 'workspace' })
    expect(settings.github.branch).toBe('main')
    expect(settings.maxParallel).toBe(2)
    expect(settings.pushAttempts).toBe(5)
    expect(settings.message).toBe('chore(release): {names} {tag} [skip ci]')
    expect(settings.build).toBe(true)
    expect(settings.commit).toBe(true)
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
    expect(getInputs(source({ images: 'a', repository }), env).target).toEqual(target)
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
    let caught: unknown
    try {
      getInputs(source(values), env)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).location.input).toBe(input)
    expect((caught as InputError).message).toContain(input)
  })

  it.each([
    ['a local path under act', '/home/me/shop', 'file:', ''],
    ['OWNER/NAME without GITHUB_REPOSITORY_OWNER', 'Acme/shop', '', 'acme']
  ])('derives the namespace from %s', (_label, repository, owner, namespace) => {
    const settings = getInputs(source({ images: 'a' }), {
      ...env,
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: owner
    })
    expect(settings.namespace).toBe(namespace)
  })

  it('needs a tag when GITHUB_SHA is missing', () => {
    expect(() => getInputs(source({ images: 'a' }), { ...env, GITHUB_SHA: '' })).toThrow(
      /GITHUB_SHA is not set/
    )
  })
})

describe('splitList', () => {
  it('drops blanks and comments', () => {
    expect(splitList(' a \n\n# c\nb\r\n')).toEqual(['a', 'b'])
  })
})
