import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/lib/errors.js'
import { environmentSettings } from '../../src/settings/environment-settings.js'
import type { Environment } from '../../src/settings/environments.js'
import { readSettings } from '../../src/settings/inputs.js'
import type { Settings } from '../../src/settings/settings.js'
import { createMemoryRuntime } from '../support/memory-runtime.js'

const ENV = {
  GITHUB_WORKSPACE: '/nonexistent',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_REF: 'refs/heads/main'
}

function environments(prod: Record<string, string> = {}): string {
  const extra = Object.entries(prod)
    .map(([key, value]) => `\n  ${key}: ${value}`)
    .join('')
  return (
    '- name: dev\n  values-file: envs/dev/values.yaml\n  argocd-app: shop-dev\n' +
    `- name: prod\n  values-file: envs/prod/values.yaml\n  argocd-app: shop-prod${extra}\n`
  )
}

const inputs = (over: Record<string, string> = {}): Record<string, string> => ({
  images: 'web',
  environments: environments(),
  'promote-to': 'prod',
  'argocd-server': 'https://argocd.example.com',
  'argocd-token': 'aa.bb.cc',
  'argocd-wait': 'true',
  ...over
})

function settingsOf(values: Record<string, string>): Settings {
  return readSettings({ runtime: createMemoryRuntime(values), env: ENV, warn: () => undefined })
}

describe('environmentSettings', () => {
  const base = settingsOf(inputs({ 'promote-to': '', 'pin-digest': 'true', changes: 'x: 1' }))
  const env = (over: Partial<Environment>): Environment => ({
    name: 'qa',
    index: 1,
    valuesFiles: ['qa.yaml'],
    kustomizations: [],
    manifests: [],
    tagPath: '{name}.tag',
    apps: [],
    createPr: false,
    ...over
  })
  const argocdInputs = {
    server: 'https://argocd.example.com',
    token: 'aa.bb.cc',
    apps: [],
    sync: true,
    wait: true,
    timeoutSeconds: 60,
    insecure: false
  }

  it.each<
    [
      string,
      Partial<Environment>,
      (resolved: ReturnType<typeof environmentSettings>) => unknown,
      unknown
    ]
  >([
    [
      'its own files and paths, no top-level changes',
      { refPath: '{name}.image', tagPath: undefined },
      (r) => [r.edit.valuesFiles, r.edit.tagPath, r.edit.refPath, r.edit.changes, r.edit.pinDigest],
      [['qa.yaml'], '', '{name}.image', '', true]
    ],
    [
      'its branch and create-pr',
      { branch: 'qa', createPr: true },
      (r) => [r.commit?.publish.branch, r.commit?.publish.createPr],
      ['qa', true]
    ],
    [
      'its apps, server and token',
      { apps: ['shop-qa'], server: 'https://qa.example.com', token: 'q.q.q' },
      (r) => [r.argocd.api?.apps.map((a) => a.label), r.argocd.api?.server, r.argocd.api?.wait],
      [['shop-qa'], 'https://qa.example.com', true]
    ],
    ['no API without apps', {}, (r) => r.argocd.api, undefined]
  ])('resolves %s', (_label, over, pick, expected) => {
    const resolved = environmentSettings(env(over), {
      edit: base.edit,
      ...(base.commit === undefined ? {} : { commit: base.commit }),
      argocd: argocdInputs,
      warn: () => undefined
    })
    expect(pick(resolved)).toEqual(expected)
  })
})

describe('settings with environments', () => {
  it('a release writes into the first environment and notifies its apps', () => {
    const settings = settingsOf(inputs({ 'promote-to': '' }))
    expect(settings.promotion).toBeUndefined()
    expect(settings.edit.valuesFiles).toEqual(['envs/dev/values.yaml'])
    expect(settings.argocd.api?.apps.map((app) => app.label)).toEqual(['shop-dev'])
    expect(settings.build).toBeDefined()
  })

  it('a promotion builds nothing and resolves each side', () => {
    const settings = settingsOf(inputs({ environments: environments({ branch: 'prod' }) }))
    expect(settings.build).toBeUndefined()
    expect(settings.promotion?.from.environment.name).toBe('dev')
    expect(settings.promotion?.to.commit.publish.branch).toBe('prod')
    expect(settings.promotion?.to.argocd.api?.apps.map((app) => app.label)).toEqual(['shop-prod'])
  })

  it.each([
    ['a top-level values-file', { 'values-file': 'envs/values.yaml' }, 'values-file'],
    ['a top-level argocd-app', { 'argocd-app': 'shop' }, 'argocd-app'],
    ['commit: false', { commit: 'false' }, 'commit'],
    ['no image to promote', { images: '', changes: '{"a": 1}' }, 'images']
  ])('refuses %s beside environments', (_label, over, input) => {
    let caught: unknown
    try {
      settingsOf(inputs(over))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).location.input).toBe(input)
  })
})
