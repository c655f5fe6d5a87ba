import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/lib/errors.js'
import {
  hasScheme,
  isGitUrl,
  isHttpUrl,
  isScpLike,
  isSshUrl,
  parseOwnerName,
  parseScpLike
} from '../../src/lib/git-url.js'
import { resolveTarget, targetOwnerName } from '../../src/settings/repository.js'

const SERVER = 'https://github.com'

describe('parseOwnerName', () => {
  it.each([
    ['acme/shop', { owner: 'acme', repo: 'shop' }],
    ['Acme-1/shop.v2_x', { owner: 'Acme-1', repo: 'shop.v2_x' }],
    ['acme', undefined],
    ['acme/shop/extra', undefined],
    ['../shop', undefined],
    ['acme/..', undefined],
    ['/home/me/shop', undefined],
    ['acme/sh op', undefined],
    ['', undefined]
  ])('%p', (text, expected) => {
    expect(parseOwnerName(text)).toEqual(expected)
  })
})

describe('git URL forms', () => {
  it.each([
    ['https://github.com/a/b.git', true, false],
    ['file:///srv/git/ops.git', true, false],
    ['ssh://git@host/a/b.git', true, false],
    ['git@github.com:acme/ops.git', false, true],
    ['acme/ops', false, false],
    ['/srv/git/ops.git', false, false]
  ])('%p: url %p, scp-like %p', (text, url, scp) => {
    expect([isGitUrl(text), isScpLike(text)]).toEqual([url, scp])
  })
})

describe('URL kinds', () => {
  it.each([
    // text, any scheme, http(s), over SSH
    ['https://github.com/a/b.git', true, true, false],
    ['HTTP://host/a/b', true, true, false],
    ['file:///srv/git/ops.git', true, false, false],
    ['ssh://git@host/a/b.git', true, false, true],
    ['git+ssh://git@host/a/b.git', true, false, true],
    ['ssh+git://host/a/b.git', true, false, true],
    ['git://host/a/b.git', true, false, false],
    ['git@github.com:acme/ops.git', false, false, true],
    ['github.com:acme/ops.git', false, false, false],
    ['/srv/git/ops.git', false, false, false],
    ['acme/ops', false, false, false]
  ])('%p: scheme %p, http %p, ssh %p', (text, scheme, http, ssh) => {
    expect([hasScheme(text), isHttpUrl(text), isSshUrl(text)]).toEqual([scheme, http, ssh])
  })
})

describe('parseScpLike', () => {
  it.each([
    ['git@github.com:acme/ops.git', { user: 'git', host: 'github.com', path: 'acme/ops.git' }],
    ['github.com:acme/ops', { user: '', host: 'github.com', path: 'acme/ops' }],
    ['a@b@host:x', { user: 'a@b', host: 'host', path: 'x' }],
    ['https://github.com/a/b', undefined],
    ['git@host://x', undefined],
    ['./dir:x', undefined],
    ['C\\dir:x', undefined],
    ['acme/ops', undefined]
  ])('%p', (text, expected) => {
    expect(parseScpLike(text)).toEqual(expected)
  })
})

describe('resolveTarget', () => {
  it.each([
    ['empty: the workspace', '', { kind: 'workspace' }, 'acme/shop'],
    ['the workflow repository in other case', 'ACME/Shop', { kind: 'workspace' }, 'acme/shop'],
    [
      'OWNER/NAME on the server',
      'acme/gitops',
      { kind: 'remote', url: 'https://github.com/acme/gitops.git' },
      'acme/gitops'
    ],
    [
      'an scp-like URL',
      'git@github.com:acme/ops.git',
      { kind: 'remote', url: 'git@github.com:acme/ops.git' },
      'git@github.com:acme/ops.git'
    ],
    ['a relative path', './ops.git', { kind: 'remote', url: './ops.git' }, './ops.git']
  ])('resolves %s', (_label, repository, target, name) => {
    expect(resolveTarget(repository, 'acme/shop', SERVER)).toEqual({ target, targetName: name })
  })

  it.each([
    ['-oProxyCommand=touch x@x:y', /starts with '-'/],
    ['--upload-pack=touch x', /starts with '-'/],
    ['-acme/shop', /starts with '-'/],
    ['acme/shop\n--upload-pack=x', /white space or a control character/],
    ['https://u:p@host/x.git', /credentials/],
    ['https://token@host/x.git', /credentials/],
    ['not-a-repo', /expected OWNER\/NAME/]
  ])('refuses %p, naming the input', (repository, message) => {
    let caught: unknown
    try {
      resolveTarget(repository, 'acme/shop', SERVER)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).location.input).toBe('repository')
    expect((caught as InputError).message).toMatch(message)
  })
})

describe('targetOwnerName', () => {
  it.each([
    ['the workspace', { kind: 'workspace' } as const, { owner: 'acme', repo: 'shop' }],
    [
      'a repository on the server',
      { kind: 'remote', url: 'https://github.com/acme/ops.git' } as const,
      { owner: 'acme', repo: 'ops' }
    ],
    [
      'a repository elsewhere',
      { kind: 'remote', url: 'https://gitlab.com/acme/ops.git' } as const,
      undefined
    ],
    ['a file URL', { kind: 'remote', url: 'file:///srv/ops.git' } as const, undefined]
  ])('%s', (_label, target, expected) => {
    expect(targetOwnerName(target, 'acme/shop', SERVER)).toEqual(expected)
  })
})
