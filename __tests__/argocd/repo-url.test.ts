import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/lib/errors.js'
import { normalizeRepoUrl } from '../../src/argocd/repo-url.js'

describe('normalizeRepoUrl', () => {
  it.each([
    ['https://github.com/acme/gitops', 'https://github.com/acme/gitops'],
    ['https://github.com/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['https://github.com/acme/gitops/', 'https://github.com/acme/gitops'],
    ['https://github.com/acme/gitops.git/', 'https://github.com/acme/gitops'],
    ['  https://github.com/acme/gitops.git\n', 'https://github.com/acme/gitops'],
    [
      'https://x-access-token:ghs_secret@github.com/acme/gitops.git',
      'https://github.com/acme/gitops'
    ],
    ['https://GitHub.com/Acme/GitOps.git', 'https://github.com/Acme/GitOps'],
    ['https://github.com/acme/gitops?x=1#frag', 'https://github.com/acme/gitops'],
    ['http://gitea.local:3000/acme/gitops.git', 'http://gitea.local:3000/acme/gitops'],
    ['https://gitlab.com/group/sub/repo.git', 'https://gitlab.com/group/sub/repo'],
    ['git@github.com:acme/gitops.git', 'https://github.com/acme/gitops'],
    ['git@github.com:acme/gitops', 'https://github.com/acme/gitops'],
    ['git@github.com:/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['github.com:acme/gitops.git', 'https://github.com/acme/gitops'],
    ['ssh://git@github.com/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['ssh://git@github.com:22/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['ssh://git@ssh.github.com:443/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['git@altssh.gitlab.com:group/repo.git', 'https://gitlab.com/group/repo'],
    ['git+ssh://git@github.com/acme/gitops.git', 'https://github.com/acme/gitops'],
    ['git://github.com/acme/gitops.git', 'https://github.com/acme/gitops']
  ])('%s → %s', (input, expected) => {
    expect(normalizeRepoUrl(input)).toBe(expected)
  })

  it.each([
    'file:///tmp/repo.git',
    '/tmp/repo',
    'not a url',
    'https://github.com/',
    'https://github.com/acme',
    'ftp://github.com/acme/gitops'
  ])('refuses %p, naming the input', (input) => {
    expect(() => normalizeRepoUrl(input, 'repository')).toThrow(InputError)
    expect(() => normalizeRepoUrl(input, 'repository')).toThrow(/^repository: /)
  })

  it('never echoes credentials in its error', () => {
    expect(() => normalizeRepoUrl('https://user:hunter2@github.com/')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') as unknown })
    )
  })
})
