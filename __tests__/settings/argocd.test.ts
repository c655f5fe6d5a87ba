import { describe, expect, it } from '@jest/globals'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { InputError } from '../../src/lib/errors.js'
import {
  argoCdSecrets,
  resolveArgoCd,
  type ArgoCdInputs as ArgoCdOptions
} from '../../src/settings/argocd.js'

// The warnings resolving these inputs gives (it throws for a refusal).
function checkArgoCdOptions(options: ArgoCdOptions): string[] {
  const warnings: string[] = []
  resolveArgoCd(options, (message) => warnings.push(message))
  return warnings
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
const base: ArgoCdOptions = {
  apps: [],
  sync: false,
  wait: false,
  timeoutSeconds: 300,
  insecure: false
}
const api: ArgoCdOptions = {
  ...base,
  server: 'https://argocd.example.com',
  token: TOKEN,
  apps: ['guestbook']
}

describe('checkArgoCdOptions', () => {
  it.each<[string, ArgoCdOptions]>([
    ['nothing set', base],
    [
      'webhook only',
      { ...base, webhookUrl: 'https://argocd.example.com/api/webhook', webhookSecret: 's' }
    ],
    ['http webhook', { ...base, webhookUrl: 'http://argocd.local:8080/argocd/api/webhook' }],
    [
      'repo url override',
      {
        ...base,
        webhookUrl: 'https://a.example/api/webhook',
        repoUrl: 'git@github.com:acme/gitops.git'
      }
    ],
    ['refresh only', api],
    ['wait and sync', { ...api, sync: true, wait: true, apps: ['guestbook', 'team-a/web'] }],
    ['server with a root path', { ...api, server: 'https://example.com/argocd/' }],
    ['insecure plain http server', { ...api, server: 'http://127.0.0.1:8080', insecure: true }],
    ['plain http to localhost', { ...api, server: 'http://localhost:8080' }]
  ])('accepts %s without a warning', (_name, options) => {
    expect(checkArgoCdOptions(options)).toEqual([])
  })

  it('accepts plain http elsewhere with argocd-insecure, and warns without the credentials', () => {
    const warnings = checkArgoCdOptions({
      ...api,
      server: 'http://ci:pw@argocd.internal:8080',
      insecure: true
    })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/plain http/)
    expect(warnings[0]).not.toContain('pw')
  })

  it.each<[string, ArgoCdOptions, string, RegExp]>([
    [
      'a non-http webhook URL',
      { ...base, webhookUrl: 'ftp://argocd/api/webhook' },
      'argocd-webhook-url',
      /not an http\(s\) URL/
    ],
    [
      'a webhook URL that is no URL',
      { ...base, webhookUrl: 'argocd.example.com/api/webhook' },
      'argocd-webhook-url',
      /http\(s\)/
    ],
    [
      'a secret without URL',
      { ...base, webhookSecret: 's' },
      'argocd-webhook-secret',
      /'argocd-webhook-url' is not/
    ],
    [
      'a bad repo URL',
      { ...base, webhookUrl: 'https://a.example/api/webhook', repoUrl: 'file:///tmp/x' },
      'argocd-repo-url',
      /argocd-repo-url/
    ],
    [
      'wait without server',
      { ...base, wait: true, token: TOKEN, apps: ['a'] },
      'argocd-server',
      /required for argocd-wait/
    ],
    [
      'sync without token',
      { ...base, sync: true, server: 'https://argocd.example.com', apps: ['a'] },
      'argocd-token',
      /required for argocd-sync/
    ],
    [
      'wait without app',
      { ...api, wait: true, apps: [] },
      'argocd-app',
      /required for argocd-wait/
    ],
    ['a token without server', { ...base, token: TOKEN }, 'argocd-server', /required/],
    ['a non-http server', { ...api, server: 'argocd.example.com' }, 'argocd-server', /http\(s\)/],
    [
      'a server URL with /api',
      { ...api, server: 'https://argocd.example.com/api/v1' },
      'argocd-server',
      /base URL/
    ],
    ['a token that is no JWT', { ...api, token: 'not-a-jwt' }, 'argocd-token', /JWT/],
    ['a bad app name', { ...api, apps: ['Guest Book'] }, 'argocd-app', /NAMESPACE\/NAME/],
    ['an app listed twice', { ...api, apps: ['ns/a', 'ns/a'] }, 'argocd-app', /twice/],
    [
      'a token over plain http to another host',
      { ...api, server: 'http://argocd.example.com' },
      'argocd-server',
      /plain http/
    ]
  ])('refuses %s', (_name, options, input, message) => {
    let thrown: unknown
    try {
      checkArgoCdOptions(options)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as InputError).location.input).toBe(input)
    expect((thrown as InputError).message).toMatch(message)
  })

  it('never puts the token in a message', () => {
    const secretish = 'ghp_abcdefSECRET'
    expect(() => {
      checkArgoCdOptions({ ...api, token: secretish })
    }).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secretish) as unknown })
    )
  })
})

describe('resolveArgoCd', () => {
  it('resolves the endpoint, trims the secrets and parses the apps once', () => {
    const resolved = resolveArgoCd(
      {
        ...api,
        webhookUrl: 'https://argocd.example.com',
        webhookSecret: ' whs\n',
        server: 'https://argocd.example.com/argocd/',
        token: ` ${TOKEN} `,
        apps: ['guestbook', 'team-a/web'],
        repoUrl: 'git@github.com:acme/gitops.git'
      },
      () => undefined
    )
    expect(resolved.webhook).toEqual({
      url: 'https://argocd.example.com/api/webhook',
      secret: 'whs',
      repoUrl: 'https://github.com/acme/gitops',
      insecure: false
    })
    expect(resolved.api).toMatchObject({
      server: 'https://argocd.example.com/argocd',
      token: TOKEN,
      apps: [parseAppRef('guestbook'), parseAppRef('team-a/web')]
    })
  })

  it('leaves out the parts whose inputs are not set', () => {
    expect(resolveArgoCd(base, () => undefined)).toEqual({})
  })
})

describe('argoCdSecrets', () => {
  it('lists each secret as given and trimmed, the bearer header and URL passwords', () => {
    expect(
      argoCdSecrets({
        webhookSecret: ' whs ',
        token: 'aa.bb.cc',
        urls: ['https://ci:hunter%232@argocd.example.com/api/webhook', 'https://argocd', '']
      }).sort()
    ).toEqual([' whs ', 'Bearer aa.bb.cc', 'aa.bb.cc', 'hunter#2', 'whs'].sort())
  })

  it('lists nothing when no secret is set', () => {
    expect(argoCdSecrets({ webhookSecret: '', token: ' ', urls: ['https://argocd'] })).toEqual([])
  })
})

describe('parseAppRef', () => {
  it.each([
    ['guestbook', { name: 'guestbook', label: 'guestbook' }],
    [' web.v2 ', { name: 'web.v2', label: 'web.v2' }],
    ['team-a/web', { name: 'web', namespace: 'team-a', label: 'team-a/web' }]
  ])('%p', (text, expected) => {
    expect(parseAppRef(text)).toEqual(expected)
  })

  it.each(['', 'a/b/c', 'Upper', 'team.a/web', '-web', 'web-', '/web'])('refuses %p', (text) => {
    expect(() => parseAppRef(text)).toThrow(InputError)
  })
})
