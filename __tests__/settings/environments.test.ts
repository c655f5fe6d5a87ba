import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/lib/errors.js'
import {
  parseEnvironments,
  resolvePromotion,
  type Environment,
  type EnvironmentDefaults
} from '../../src/settings/environments.js'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl'
const OTHER_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwcm9kIn0.b3RoZXI'

const defaults: EnvironmentDefaults = {
  tagPath: '{name}.tag',
  server: 'https://argocd.example.com',
  token: TOKEN,
  insecure: false,
  topLevel: { valuesFileIsDefault: true, kustomizations: [], manifests: [], apps: [] }
}

const parse = (text: string, over: Partial<EnvironmentDefaults> = {}): Environment[] =>
  parseEnvironments(text, { ...defaults, ...over }, () => undefined)

const THREE = `
- name: dev
  values-file: envs/dev/values.yaml
  argocd-app: guestbook-dev
- name: staging
  values-file: envs/staging/values.yaml
  argocd-app: [guestbook-staging, team-a/worker-staging]
- name: prod
  kustomization: overlays/prod/kustomization.yaml
  argocd-app: |
    guestbook-prod
  create-pr: true
  soak: 2h
  branch: refs/heads/release
`

describe('parseEnvironments: soak', () => {
  const withSoak = (text: string): Environment[] =>
    parse(
      `- name: dev\n  values-file: d.yaml\n  argocd-app: app-dev\n` +
        `- name: prod\n  values-file: p.yaml\n  soak: '${text}'\n`
    )

  it.each<[string, number]>([
    ['90s', 90],
    ['30m', 1800],
    ['2h', 7200],
    ['1d', 86400],
    [' 5m ', 300],
    ['0s', 0]
  ])('%j is %j seconds', (text, seconds) => {
    expect(withSoak(text)[1]?.soakSeconds).toBe(seconds)
  })

  it.each(['90', '1.5h', '2w', '-1d'])('%j is refused', (text) => {
    expect(() => withSoak(text)).toThrow(/'prod': soak is/)
  })

  it('reads an empty soak as none', () => {
    expect(withSoak('')[1]?.soakSeconds).toBeUndefined()
  })
})

describe('parseEnvironments', () => {
  it('reads the list in order, with defaults, lists in every form and create-pr/soak/branch', () => {
    const [dev, staging, prod] = parse(THREE)
    expect(dev).toEqual({
      name: 'dev',
      index: 0,
      valuesFiles: ['envs/dev/values.yaml'],
      kustomizations: [],
      manifests: [],
      tagPath: '{name}.tag',
      apps: ['guestbook-dev'],
      server: 'https://argocd.example.com',
      token: TOKEN,
      createPr: false
    })
    expect(staging?.apps).toEqual(['guestbook-staging', 'team-a/worker-staging'])
    expect(prod).toMatchObject({
      index: 2,
      valuesFiles: [],
      kustomizations: ['overlays/prod/kustomization.yaml'],
      apps: ['guestbook-prod'],
      createPr: true,
      soakSeconds: 7200,
      branch: 'release'
    })
  })

  it('returns no environment for empty text', () => {
    expect(parse('  \n')).toEqual([])
  })

  it('takes comma-separated apps and replaces {env} in every path template', () => {
    const [one] = parse(
      '- name: qa\n  values-file: all.yaml\n  argocd-app: a, b\n  repository-path: "{env}.{name}.repo"\n',
      { tagPath: '{env}.{name}.tag', digestPath: '{env}.{name}.digest' }
    )
    expect(one).toMatchObject({
      apps: ['a', 'b'],
      tagPath: 'qa.{name}.tag',
      repositoryPath: 'qa.{name}.repo',
      digestPath: 'qa.{name}.digest'
    })
  })

  it('a ref-path replaces the default tag-path, not one the environment sets', () => {
    const [a, b] = parse(
      '- name: a\n  values-file: v.yaml\n  ref-path: "{name}.image"\n' +
        '- name: b\n  values-file: v.yaml\n  ref-path: "{name}.image"\n  tag-path: "{name}.tag"\n'
    )
    expect(a?.tagPath).toBeUndefined()
    expect(a?.refPath).toBe('{name}.image')
    expect(b?.tagPath).toBe('{name}.tag')
  })

  it("takes an environment's own Argo CD server and token, and masks every token on read", () => {
    const masked: string[] = []
    const [, prod] = parseEnvironments(
      `- name: dev\n  values-file: d.yaml\n- name: prod\n  values-file: p.yaml\n  argocd-app: web\n` +
        `  argocd-server: https://argocd.prod.example.com\n  argocd-token: ${OTHER_TOKEN}\n`,
      defaults,
      (secret) => masked.push(secret)
    )
    expect(prod).toMatchObject({ server: 'https://argocd.prod.example.com', token: OTHER_TOKEN })
    expect(masked).toEqual(expect.arrayContaining([OTHER_TOKEN, `Bearer ${OTHER_TOKEN}`]))
  })

  it('masks a token before refusing anything, and never shows it', () => {
    const masked: string[] = []
    let message = ''
    try {
      parseEnvironments(
        `- name: Prod\n  values-file: p.yaml\n  argocd-token: ${OTHER_TOKEN}\n`,
        defaults,
        (secret) => masked.push(secret)
      )
    } catch (error) {
      message = (error as Error).message
    }
    expect(masked).toContain(OTHER_TOKEN)
    expect(message).toMatch(/Prod/)
    expect(message).not.toContain(OTHER_TOKEN)
  })

  it.each<[string, string, Partial<EnvironmentDefaults>, RegExp, string]>([
    ['not YAML', '- name: [dev', {}, /not valid YAML/, 'environments'],
    ['not a list', 'name: dev', {}, /expected a YAML list/, 'environments'],
    ['an entry that is not a map', '- dev', {}, /entry 1 is not a map/, 'environments'],
    ['no name', '- values-file: v.yaml', {}, /entry 1 has no name/, 'environments'],
    ['a bad name', '- name: Dev\n  values-file: v.yaml', {}, /"Dev"/, 'environments'],
    [
      'a repeated name',
      '- name: dev\n  values-file: a.yaml\n- name: dev\n  values-file: b.yaml',
      {},
      /'dev' is listed twice/,
      'environments'
    ],
    ['no file', '- name: dev\n  argocd-app: a', {}, /'dev' names no file/, 'environments'],
    [
      'an unknown key',
      '- name: dev\n  values-file: v.yaml\n  valuesfile: x',
      {},
      /'dev': unknown key 'valuesfile'/,
      'environments'
    ],
    [
      'a malformed path',
      '- name: dev\n  values-file: v.yaml\n  tag-path: "a..b"',
      {},
      /'dev': tag-path: .*malformed path/,
      'environments'
    ],
    [
      'a forbidden key after {env} is filled in',
      '- name: dev\n  values-file: v.yaml\n  digest-path: "__proto__.x"',
      {},
      /'dev': digest-path/,
      'environments'
    ],
    [
      'a malformed soak',
      '- name: dev\n  values-file: v.yaml\n  soak: 2 hours',
      {},
      /'dev': soak is '2 hours'/,
      'environments'
    ],
    [
      'a soak on the first environment',
      '- name: dev\n  values-file: v.yaml\n  soak: 1h\n- name: prod\n  values-file: p.yaml',
      {},
      /'dev' has a soak, but it is the first environment/,
      'environments'
    ],
    [
      'a create-pr that is not a boolean',
      '- name: dev\n  values-file: v.yaml\n  create-pr: yes please',
      {},
      /'dev': create-pr/,
      'environments'
    ],
    [
      'a bad app name',
      '- name: dev\n  values-file: v.yaml\n  argocd-app: Bad_App',
      {},
      /'dev': argocd-app: .*Bad_App/,
      'environments'
    ],
    [
      'apps without a server',
      '- name: dev\n  values-file: v.yaml\n  argocd-app: web',
      { server: undefined },
      /'dev': .*'argocd-server' is required/,
      'environments'
    ],
    [
      'apps with a token that is no JWT',
      '- name: dev\n  values-file: v.yaml\n  argocd-app: web\n  argocd-token: nope',
      {},
      /'dev': .*does not look like an Argo CD token/,
      'environments'
    ],
    [
      'a top-level values-file',
      '- name: dev\n  values-file: v.yaml',
      { topLevel: { ...defaults.topLevel, valuesFileIsDefault: false } },
      /'environments' and 'values-file' conflict/,
      'values-file'
    ],
    [
      'a top-level kustomization',
      '- name: dev\n  values-file: v.yaml',
      { topLevel: { ...defaults.topLevel, kustomizations: ['k.yaml'] } },
      /'environments' and 'kustomization' conflict/,
      'kustomization'
    ],
    [
      'top-level manifests',
      '- name: dev\n  values-file: v.yaml',
      { topLevel: { ...defaults.topLevel, manifests: ['m.yaml'] } },
      /'environments' and 'manifests' conflict/,
      'manifests'
    ],
    [
      'a top-level argocd-app',
      '- name: dev\n  values-file: v.yaml',
      { topLevel: { ...defaults.topLevel, apps: ['web'] } },
      /'environments' and 'argocd-app' conflict/,
      'argocd-app'
    ]
  ])('refuses %s', (_name, text, over, message, input) => {
    let caught: unknown
    try {
      parse(text, over)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).message).toMatch(message)
    expect((caught as InputError).location.input).toBe(input)
  })
})

describe('resolvePromotion', () => {
  const environments = parse(THREE)
  const noApps = parse(
    '- name: dev\n  values-file: d.yaml\n- name: prod\n  values-file: p.yaml\n  argocd-app: web\n'
  )

  it('is undefined without promote-to', () => {
    expect(resolvePromotion({ environments })).toBeUndefined()
    expect(resolvePromotion({ environments, promoteTo: ' ' })).toBeUndefined()
  })

  it.each<[string | undefined, string, string, string]>([
    [undefined, 'staging', 'dev', 'staging'],
    [undefined, 'prod', 'staging', 'prod'],
    ['dev', 'prod', 'dev', 'prod']
  ])('promote-from %j to %j is %s → %s', (promoteFrom, promoteTo, from, to) => {
    const promotion = resolvePromotion({
      environments,
      promoteTo,
      ...(promoteFrom === undefined ? {} : { promoteFrom })
    })
    expect(promotion?.from.name).toBe(from)
    expect(promotion?.to.name).toBe(to)
    expect(promotion?.warnings).toEqual([])
  })

  it('warns when the source has no health gate', () => {
    const promotion = resolvePromotion({ environments: noApps, promoteTo: 'prod' })
    expect(promotion?.warnings).toEqual([expect.stringMatching(/'dev' has no argocd-app/)])
  })

  it.each<[string, Parameters<typeof resolvePromotion>[0], RegExp, string]>([
    [
      'an unknown target',
      { environments, promoteTo: 'qa' },
      /'qa', which is not an environment; the environments are dev, staging, prod/,
      'promote-to'
    ],
    [
      'an unknown source',
      { environments, promoteTo: 'prod', promoteFrom: 'qa' },
      /'promote-from' is 'qa'.*dev, staging, prod/,
      'promote-from'
    ],
    [
      'the first environment',
      { environments, promoteTo: 'dev' },
      /the first environment/,
      'promote-to'
    ],
    [
      'the source itself',
      { environments, promoteTo: 'prod', promoteFrom: 'prod' },
      /both 'prod'/,
      'promote-from'
    ],
    [
      'promote-from alone',
      { environments, promoteFrom: 'dev' },
      /'promote-to' is not/,
      'promote-from'
    ],
    [
      'no environments',
      { environments: [], promoteTo: 'prod' },
      /needs 'environments'/,
      'promote-to'
    ],
    [
      'a soak counted from a source without apps',
      {
        environments: parse(
          '- name: dev\n  values-file: d.yaml\n- name: prod\n  values-file: p.yaml\n  soak: 1d\n'
        ),
        promoteTo: 'prod'
      },
      /'prod' has a soak.*'dev' has no argocd-app/,
      'environments'
    ]
  ])('refuses %s', (_name, options, message, input) => {
    let caught: unknown
    try {
      resolvePromotion(options)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).message).toMatch(message)
    expect((caught as InputError).location.input).toBe(input)
  })
})
