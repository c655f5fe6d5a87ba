import { describe, expect, it } from '@jest/globals'
import {
  buildxBuildArgs,
  classicBuildArgs,
  classicPushArgs,
  isGhaCache,
  loginArgs,
  logoutArgs,
  planImage,
  repoDigestsArgs,
  splitCacheInput,
  type ImagePlan,
  type PlanSettings
} from '../../src/images/build-commands.js'
import type { ImageSpec } from '../../src/image-spec.js'

const spec = (over: Partial<ImageSpec> = {}): ImageSpec => ({
  name: 'backend',
  context: 'backend',
  repository: 'docker.io/acme/backend',
  buildArgs: [],
  line: 1,
  ...over
})

const settings = (over: Partial<PlanSettings> = {}): PlanSettings => ({
  tag: 'abc1234',
  workspace: '/ws',
  buildArgs: [],
  cacheFrom: [],
  cacheTo: [],
  ...over
})

const plan = (over: Partial<ImagePlan> = {}): ImagePlan => ({
  name: 'backend',
  repository: 'r.io/acme/backend',
  tag: 't1',
  ref: 'r.io/acme/backend:t1',
  context: '/ws/backend',
  buildArgs: [],
  labels: [],
  cacheFrom: [],
  cacheTo: [],
  line: 1,
  ...over
})

describe('planImage', () => {
  it.each<[string, ImageSpec, PlanSettings, Partial<ImagePlan>]>([
    [
      'defaults',
      spec(),
      settings(),
      { ref: 'docker.io/acme/backend:abc1234', context: '/ws/backend', buildArgs: [] }
    ],
    [
      'dockerfile and target resolved in the workspace',
      spec({ context: 'src/app', dockerfile: 'docker/App.Dockerfile', target: 'prod' }),
      settings(),
      { context: '/ws/src/app', dockerfile: '/ws/docker/App.Dockerfile', target: 'prod' }
    ],
    [
      'image build-args override global ones by key',
      spec({ buildArgs: ['B=own', 'C=3'] }),
      settings({ buildArgs: ['A=1', 'B=global'] }),
      { buildArgs: ['A=1', 'B=own', 'C=3'] }
    ],
    [
      'image platforms win over the global ones',
      spec({ platforms: 'linux/arm64' }),
      settings({ platforms: 'linux/amd64,linux/arm64' }),
      { platforms: 'linux/arm64' }
    ],
    [
      'global platforms',
      spec(),
      settings({ platforms: 'linux/amd64' }),
      { platforms: 'linux/amd64' }
    ],
    [
      'gha cache gets the image scope',
      spec(),
      settings({ cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max', 'type=gha,scope=x'] }),
      {
        cacheFrom: ['type=gha,scope=backend'],
        cacheTo: ['type=gha,mode=max,scope=backend', 'type=gha,scope=x']
      }
    ]
  ])('%s', (_title, input, options, expected) => {
    expect(planImage(input, options)).toMatchObject(expected)
  })

  it('leaves optional fields out when not set', () => {
    const result = planImage(spec(), settings())
    expect(Object.keys(result)).not.toEqual(
      expect.arrayContaining(['dockerfile', 'target', 'platforms'])
    )
  })
})

describe('build argument lists', () => {
  const files = { metadataFile: '/tmp/m.json', iidFile: '/tmp/i.txt' }
  it.each<[string, ImagePlan, Parameters<typeof buildxBuildArgs>[1], string[]]>([
    [
      'minimal push',
      plan(),
      { push: true, ...files },
      [
        'buildx',
        'build',
        '--progress',
        'plain',
        '--tag',
        'r.io/acme/backend:t1',
        '--metadata-file',
        '/tmp/m.json',
        '--iidfile',
        '/tmp/i.txt',
        '--push',
        '/ws/backend'
      ]
    ],
    [
      'dry run: no --push',
      plan(),
      { push: false, ...files },
      [
        'buildx',
        'build',
        '--progress',
        'plain',
        '--tag',
        'r.io/acme/backend:t1',
        '--metadata-file',
        '/tmp/m.json',
        '--iidfile',
        '/tmp/i.txt',
        '/ws/backend'
      ]
    ],
    [
      'everything',
      plan({
        dockerfile: '/ws/d/Dockerfile',
        target: 'prod',
        buildArgs: ['A=1', 'B=x y'],
        platforms: 'linux/amd64,linux/arm64',
        cacheFrom: ['type=gha,scope=backend', 'type=registry,ref=r.io/c'],
        cacheTo: ['type=gha,mode=max,scope=backend']
      }),
      { push: true, builder: 'remote', ...files },
      [
        'buildx',
        'build',
        '--progress',
        'plain',
        '--builder',
        'remote',
        '--file',
        '/ws/d/Dockerfile',
        '--target',
        'prod',
        '--build-arg',
        'A=1',
        '--build-arg',
        'B=x y',
        '--platform',
        'linux/amd64,linux/arm64',
        '--cache-from',
        'type=gha,scope=backend',
        '--cache-from',
        'type=registry,ref=r.io/c',
        '--cache-to',
        'type=gha,mode=max,scope=backend',
        '--tag',
        'r.io/acme/backend:t1',
        '--metadata-file',
        '/tmp/m.json',
        '--iidfile',
        '/tmp/i.txt',
        '--push',
        '/ws/backend'
      ]
    ],
    [
      'empty builder is ignored',
      plan(),
      { push: true, builder: '', ...files },
      [
        'buildx',
        'build',
        '--progress',
        'plain',
        '--tag',
        'r.io/acme/backend:t1',
        '--metadata-file',
        '/tmp/m.json',
        '--iidfile',
        '/tmp/i.txt',
        '--push',
        '/ws/backend'
      ]
    ],
    [
      'labels',
      plan({ labels: ['a.b=1', 'c=two words'] }),
      { push: true, ...files },
      [
        'buildx',
        'build',
        '--progress',
        'plain',
        '--label',
        'a.b=1',
        '--label',
        'c=two words',
        '--tag',
        'r.io/acme/backend:t1',
        '--metadata-file',
        '/tmp/m.json',
        '--iidfile',
        '/tmp/i.txt',
        '--push',
        '/ws/backend'
      ]
    ]
  ])('buildx: %s', (_title, input, options, expected) => {
    expect(buildxBuildArgs(input, options)).toEqual(expected)
  })

  it.each<[string, ImagePlan, string[]]>([
    [
      'minimal',
      plan(),
      ['build', '--force-rm', '--tag', 'r.io/acme/backend:t1', '--iidfile', '/tmp/i', '/ws/backend']
    ],
    [
      'file, target, build args',
      plan({ dockerfile: '/ws/D', target: 't', buildArgs: ['A=1', 'B'] }),
      [
        'build',
        '--force-rm',
        '--file',
        '/ws/D',
        '--target',
        't',
        '--build-arg',
        'A=1',
        '--build-arg',
        'B',
        '--tag',
        'r.io/acme/backend:t1',
        '--iidfile',
        '/tmp/i',
        '/ws/backend'
      ]
    ]
  ])('classic: %s', (_title, input, expected) => {
    expect(classicBuildArgs(input, { iidFile: '/tmp/i' })).toEqual(expected)
  })

  it('classic: labels', () => {
    expect(classicBuildArgs(plan({ labels: ['k=v'] }), { iidFile: '/tmp/i' })).toEqual([
      'build',
      '--force-rm',
      '--label',
      'k=v',
      '--tag',
      'r.io/acme/backend:t1',
      '--iidfile',
      '/tmp/i',
      '/ws/backend'
    ])
  })

  it.each<[string, string[], string[]]>([
    ['push', classicPushArgs(plan()), ['push', 'r.io/acme/backend:t1']],
    [
      'inspect',
      repoDigestsArgs(plan()),
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', 'r.io/acme/backend:t1']
    ],
    [
      'login',
      loginArgs('ghcr.io', 'me'),
      ['login', '--username', 'me', '--password-stdin', 'ghcr.io']
    ],
    ['logout', logoutArgs('ghcr.io'), ['logout', 'ghcr.io']]
  ])('%s', (_title, actual, expected) => {
    expect(actual).toEqual(expected)
  })
})

describe('build args and cache entries', () => {
  it.each<[string[][], string[]]>([
    [[], []],
    [
      [['A=1', 'B=2'], ['B=3']],
      ['A=1', 'B=3']
    ],
    [[['A=1'], ['A']], ['A']],
    [
      [['X=a=b'], ['Y=1']],
      ['X=a=b', 'Y=1']
    ]
  ])("the build-args input %j, then the image's own, merge by key into %j", (lists, expected) => {
    const [global = [], own = []] = lists
    expect(planImage(spec({ buildArgs: own }), settings({ buildArgs: global })).buildArgs).toEqual(
      expected
    )
  })

  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['type=gha', ['type=gha']],
    ['type=gha\n\n# note\n  type=registry,ref=x  \r\n', ['type=gha', 'type=registry,ref=x']]
  ])('splitCacheInput(%j)', (value, expected) => {
    expect(splitCacheInput(value)).toEqual(expected)
  })

  it.each<[string, boolean]>([
    ['type=gha', true],
    ['type=gha,mode=max', true],
    ['mode=max, type=gha', true],
    ['type=registry,ref=x', false],
    ['ghcr.io/acme/cache', false],
    ['type=local,src=/tmp', false]
  ])('isGhaCache(%j) is %p', (entry, expected) => {
    expect(isGhaCache(entry)).toBe(expected)
  })

  it.each<[string[], string[]]>([
    [['type=gha'], ['type=gha,scope=web']],
    [['type=gha,scope=mine'], ['type=gha,scope=mine']],
    [['type=registry,ref=x'], ['type=registry,ref=x']]
  ])('cache entries %j of image web are %j', (entries, expected) => {
    const planned = planImage(
      spec({ name: 'web' }),
      settings({ cacheFrom: entries, cacheTo: entries })
    )
    expect(planned.cacheFrom).toEqual(expected)
    expect(planned.cacheTo).toEqual(expected)
  })
})
