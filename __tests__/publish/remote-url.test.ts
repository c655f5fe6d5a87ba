import { describe, expect, it } from '@jest/globals'
import {
  commitWebUrl,
  hasEmbeddedCredentials,
  httpOrigin,
  normalizeRemote,
  withoutCredentials
} from '../../src/publish/remote-url.js'

describe('remote URLs', () => {
  it.each([
    ['https://github.com/acme/gitops.git', 'https://github.com/'],
    ['http://127.0.0.1:8080/a/b.git', 'http://127.0.0.1:8080/'],
    ['file:///tmp/x.git', undefined],
    ['git@github.com:acme/gitops.git', undefined]
  ])('httpOrigin(%p) = %p', (url, origin) => {
    expect(httpOrigin(url)).toBe(origin)
  })

  it.each([
    ['https://x-access-token:secret@github.com/a/b.git', 'https://github.com/a/b.git', true],
    ['https://github.com/a/b.git', 'https://github.com/a/b.git', false],
    ['file:///tmp/x.git', 'file:///tmp/x.git', false]
  ])('withoutCredentials(%p)', (url, clean, embedded) => {
    expect(withoutCredentials(url)).toBe(clean)
    expect(hasEmbeddedCredentials(url)).toBe(embedded)
  })

  it.each([
    ['https://github.com/a/b.git', '/ws', 'https://github.com/a/b.git'],
    ['git@github.com:a/b.git', '/ws', 'git@github.com:a/b.git'],
    ['../gitops.git', '/ws/repo', 'file:///ws/gitops.git'],
    ['/srv/gitops.git', '/ws', 'file:///srv/gitops.git']
  ])('normalizeRemote(%p, %p) = %p', (url, base, expected) => {
    expect(normalizeRemote(url, base)).toBe(expected)
  })

  it('builds the commit URL', () => {
    expect(commitWebUrl('https://github.com/', { owner: 'a', repo: 'b' }, 'abc')).toBe(
      'https://github.com/a/b/commit/abc'
    )
  })
})
