import { describe, expect, it } from '@jest/globals'
import { gitAuthEnv, tokenOrigins } from '../../../src/publish/git/auth.js'

describe('gitAuthEnv', () => {
  it('clears persisted headers, then sends ours, for each origin; nothing on argv', () => {
    const auth = gitAuthEnv(
      ['https://github.com/', 'https://github.com/', 'http://127.0.0.1:8080/'],
      'TOKEN',
      {}
    )
    const header = `basic ${Buffer.from('x-access-token:TOKEN').toString('base64')}`
    expect(auth.env).toEqual({
      GIT_CONFIG_COUNT: '4',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: ${header}`,
      GIT_CONFIG_KEY_2: 'http.http://127.0.0.1:8080/.extraheader',
      GIT_CONFIG_VALUE_2: '',
      GIT_CONFIG_KEY_3: 'http.http://127.0.0.1:8080/.extraheader',
      GIT_CONFIG_VALUE_3: `AUTHORIZATION: ${header}`
    })
    expect(auth.secrets).toEqual(['TOKEN', header, header.slice(6)])
  })

  it('keeps config entries already in the environment', () => {
    const auth = gitAuthEnv(['https://github.com/'], 'T', { GIT_CONFIG_COUNT: '2' })
    expect(auth.env.GIT_CONFIG_COUNT).toBe('4')
    expect(auth.env.GIT_CONFIG_KEY_2).toBe('http.https://github.com/.extraheader')
    expect(auth.env.GIT_CONFIG_KEY_0).toBeUndefined()
  })

  it.each([
    [[], 'T'],
    [['https://github.com/'], '']
  ])('adds nothing for origins %p and token %p', (origins, token) => {
    expect(gitAuthEnv(origins, token, {})).toEqual({ env: {}, secrets: [] })
  })
})

describe('tokenOrigins', () => {
  it.each([
    // remote URLs, GitHub server, origins that get the token, origins withheld (reason)
    [['https://github.com/acme/gitops.git'], 'https://github.com', ['https://github.com/'], []],
    [['https://GitHub.com:443/acme/gitops'], 'https://github.com/', ['https://github.com/'], []],
    [
      ['https://gitlab.example.com/acme/gitops.git'],
      'https://github.com',
      [],
      [['https://gitlab.example.com/', 'other-host']]
    ],
    [
      ['https://github.com.evil.example/acme/gitops.git', 'https://github.com/acme/gitops.git'],
      'https://github.com',
      ['https://github.com/'],
      [['https://github.com.evil.example/', 'other-host']]
    ],
    [
      ['https://ghe.example.com:8443/acme/gitops.git'],
      'https://ghe.example.com',
      [],
      [['https://ghe.example.com:8443/', 'other-host']]
    ],
    [
      ['https://ghe.example.com/a/b.git'],
      'https://ghe.example.com',
      ['https://ghe.example.com/'],
      []
    ],
    [
      ['http://github.com/acme/gitops.git'],
      'https://github.com',
      [],
      [['http://github.com/', 'other-host']]
    ],
    [
      ['http://ghe.internal/a/b.git'],
      'http://ghe.internal',
      [],
      [['http://ghe.internal/', 'plain-http']]
    ],
    [['http://127.0.0.1:8080/a/b.git'], 'http://127.0.0.1:8080', ['http://127.0.0.1:8080/'], []],
    [
      ['http://127.0.0.1:8081/a/b.git'],
      'http://127.0.0.1:8080',
      [],
      [['http://127.0.0.1:8081/', 'other-host']]
    ],
    [['http://localhost:3000/a/b.git'], 'http://localhost:3000', ['http://localhost:3000/'], []],
    [['http://[::1]:3000/a/b.git'], 'http://[::1]:3000', ['http://[::1]:3000/'], []],
    [['git@github.com:acme/gitops.git', 'file:///srv/gitops.git'], 'https://github.com', [], []],
    [['https://github.com/a/b.git'], '', [], [['https://github.com/', 'other-host']]]
  ])('urls %p on server %p: token to %p, withheld %p', (urls, server, send, withheld) => {
    expect(tokenOrigins(urls, server)).toEqual({
      send,
      withheld: withheld.map(([origin, reason]) => ({ origin, reason }))
    })
  })
})
