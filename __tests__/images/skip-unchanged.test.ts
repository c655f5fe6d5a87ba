import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildImages,
  type BuildOptions,
  type CurrentImage,
  type ImagesDeps
} from '../../src/images/build-images.js'
import { FINGERPRINT_LABEL } from '../../src/images/fingerprint.js'
import { HttpNetworkError, type HttpClient } from '../../src/lib/http-client.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { argAfter, createFakeDocker, type FakeAnswer } from '../support/fake-docker.js'
import { createFakeClock } from '../support/fake-clock.js'
import { git } from '../support/git-fixtures.js'
import { createMemoryRuntime } from '../support/registry.js'

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`
const REGISTRY = '127.0.0.1:5999'
const NAMES = ['api', 'web']

/**
 * A registry in memory answering as the distribution registry does: `PATH:TAG` → the labels of
 * its image config (null: an image config without labels, as Docker writes `"Labels": null`).
 * Manifests and configs carry the fields and headers a real registry serves.
 */
function memoryRegistry(): HttpClient & {
  images: Map<string, Record<string, string> | null>
  down: boolean
} {
  const images = new Map<string, Record<string, string> | null>()
  const blobs = new Map<string, string>()
  const registry = {
    images,
    down: false,
    request: ({ url }: { url: string }) => {
      if (registry.down) {
        return Promise.reject(new HttpNetworkError('connect ECONNREFUSED', 'ECONNREFUSED', false))
      }
      const { pathname } = new URL(url)
      const unknown = (code: string) =>
        Promise.resolve({
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ errors: [{ code, message: 'unknown', detail: {} }] }) + '\n'
        })
      const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(pathname)
      if (manifest) {
        const key = `${manifest[1] ?? ''}:${manifest[2] ?? ''}`
        if (!images.has(key)) return unknown('MANIFEST_UNKNOWN')
        const config = JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: { Env: ['PATH=/bin'], Cmd: null, WorkingDir: '', Labels: images.get(key) },
          rootfs: { type: 'layers', diff_ids: [sha(key)] },
          history: [{ created: '2026-12-01T00:00:00Z', created_by: 'COPY . /app' }]
        })
        blobs.set(sha(config), config)
        const body = JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          config: {
            mediaType: 'application/vnd.docker.container.image.v1+json',
            size: config.length,
            digest: sha(config)
          },
          layers: [
            {
              mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
              size: 120,
              digest: sha(`layer ${key}`)
            }
          ]
        })
        return Promise.resolve({
          status: 200,
          headers: {
            'content-type': 'application/vnd.docker.distribution.manifest.v2+json',
            'docker-content-digest': sha(body),
            'docker-distribution-api-version': 'registry/2.0'
          },
          body
        })
      }
      const blob = /\/blobs\/(sha256:[0-9a-f]+)$/.exec(pathname)
      const config = blob ? blobs.get(blob[1] ?? '') : undefined
      return config === undefined
        ? unknown('BLOB_UNKNOWN')
        : Promise.resolve({
            status: 200,
            headers: {
              'content-type': 'application/octet-stream',
              'docker-content-digest': sha(config)
            },
            body: config
          })
    }
  }
  return registry
}

describe('skip-unchanged', () => {
  let workspace = ''
  const registry = memoryRegistry()
  const clock = createFakeClock()

  /** A fake buildx that "pushes" what it builds, labels included, into the memory registry. */
  const docker = createFakeDocker(async (args): Promise<FakeAnswer> => {
    if (args[0] === 'version') return { stdout: '28.0.0\n' }
    if (args[0] === 'buildx' && args[1] === 'version') return { stdout: 'buildx v0.29.1\n' }
    if (args[0] === 'buildx' && args[1] === 'build') {
      const ref = argAfter(args, '--tag') ?? ''
      const labels = Object.fromEntries(
        args.flatMap((arg, i) =>
          args[i - 1] === '--label' ? [arg.split(/=(.*)/s).slice(0, 2)] : []
        )
      ) as Record<string, string>
      registry.images.set(ref.slice(REGISTRY.length + 1), labels)
      await writeFile(
        argAfter(args, '--metadata-file') ?? '',
        JSON.stringify({ 'containerimage.digest': sha(ref) })
      )
      return { stdout: 'built\n' }
    }
    return { exitCode: 99, stderr: `unexpected docker ${args.join(' ')}` }
  })

  const options = (tag: string, over: Partial<BuildOptions> = {}): BuildOptions => ({
    images: NAMES.map((name, index) => ({
      name,
      context: name,
      repository: `${REGISTRY}/acme/${name}`,
      buildArgs: [],
      line: index + 1
    })),
    tag,
    workspace,
    registry: REGISTRY,
    buildArgs: ['A=1'],
    maxParallel: 2,
    push: true,
    act: false,
    revision: 'c0ffee',
    sourceUrl: 'https://github.com/acme/shop',
    created: '2026-12-01T00:00:00Z',
    skipUnchanged: true,
    tempDir: tmpdir(),
    env: {},
    ...over
  })
  const current = (tag: string): ReadonlyMap<string, CurrentImage> =>
    new Map(NAMES.map((name) => [name, { tag }]))
  const run = async (opts: BuildOptions) => {
    const logger = createMemoryLogger()
    docker.calls.length = 0
    const deps: ImagesDeps = {
      docker,
      logger,
      http: registry,
      runtime: createMemoryRuntime(),
      clock
    }
    return {
      images: await buildImages(opts, deps),
      logger,
      builds: docker.calls.filter((c) => c.args[1] === 'build')
    }
  }

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'skip-unchanged-'))
    for (const name of NAMES) {
      await mkdir(join(workspace, name))
      await writeFile(join(workspace, name, 'Dockerfile'), `FROM scratch\nCOPY . /${name}\n`)
      await writeFile(join(workspace, name, 'main.txt'), `${name} v1\n`)
    }
    git(workspace, 'init', '-q', '-b', 'main')
    git(workspace, 'add', '-A')
    git(workspace, 'commit', '-q', '-m', 'init')
  })

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  it('labels every build with revision, source, created and the fingerprint', async () => {
    const first = await run(options('t1', { skipUnchanged: false }))
    expect(first.images.map((image) => image.built)).toEqual([true, true])
    for (const image of first.images) {
      expect(image.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(registry.images.get(`acme/${image.name}:t1`)).toEqual({
        'org.opencontainers.image.revision': 'c0ffee',
        'org.opencontainers.image.source': 'https://github.com/acme/shop',
        'org.opencontainers.image.created': '2026-12-01T00:00:00Z',
        [FINGERPRINT_LABEL]: image.fingerprint
      })
    }
  })

  it('reuses every unchanged image: no docker call, the files keep their tag', async () => {
    const again = await run(options('t2', { current: current('t1') }))
    expect(docker.calls).toEqual([])
    expect(again.images).toEqual(
      NAMES.map((name) => ({
        name,
        repository: `${REGISTRY}/acme/${name}`,
        tag: 't1',
        ref: `${REGISTRY}/acme/${name}:t1`,
        digest: expect.stringMatching(/^sha256:/),
        built: false,
        seconds: 0,
        metadata: {
          'containerimage.digest': expect.stringMatching(/^sha256:/),
          'image.name': `${REGISTRY}/acme/${name}:t1`
        },
        fingerprint: expect.stringMatching(/^sha256:/),
        reusedFrom: 't1'
      }))
    )
    expect(again.logger.lines).toContain(
      'info: Nothing to build: every image is unchanged (2 reused).'
    )
  })

  it('builds only the image whose context changed (an uncommitted change counts)', async () => {
    await writeFile(join(workspace, 'api', 'main.txt'), 'api v2\n')
    const result = await run(options('t3', { current: current('t1') }))
    expect(result.images.map((image) => [image.name, image.built, image.tag])).toEqual([
      ['api', true, 't3'],
      ['web', false, 't1']
    ])
    expect(result.builds).toHaveLength(1)
    expect(
      result.logger.lines.some((line) => line.includes('api: its build inputs changed since'))
    ).toBe(true)
  })

  it.each<[string, Partial<BuildOptions>]>([
    ['another build arg', { buildArgs: ['A=2'] }],
    ['a target', { images: options('x').images.map((image) => ({ ...image, target: 'prod' })) }],
    ['platforms', { platforms: 'linux/arm64' }]
  ])('builds again for %s', async (_title, over) => {
    await run(options('t4', { skipUnchanged: false }))
    const result = await run(options('t5', { current: current('t4'), ...over }))
    expect(result.images.map((image) => image.built)).toEqual([true, true])
  })

  it('fingerprints a bare build arg KEY with its value in options.env, never process.env', async () => {
    const key = 'GITOPS_RELEASE_TEST_BARE_ARG'
    const print = async (over: Partial<BuildOptions>) =>
      (await run(options('t8', { skipUnchanged: false, ...over }))).images[0]?.fingerprint
    const saved = process.env[key]
    process.env[key] = 'from-process'
    try {
      const explicit = await print({ buildArgs: [`${key}=one`] })
      const one = await print({ buildArgs: [key], env: { [key]: 'one' } })
      const two = await print({ buildArgs: [key], env: { [key]: 'two' } })
      const unset = await print({ buildArgs: [key], env: {} })
      const fromProcess = await print({ buildArgs: [`${key}=from-process`] })
      expect(explicit).toMatch(/^sha256:/)
      // The value comes from options.env, as if the arg were written KEY=VALUE ...
      expect(one).toBe(explicit)
      expect(two).not.toBe(one)
      // ... and process.env, which holds another value, is not consulted.
      expect(unset).toBe(await print({ buildArgs: [`${key}=`] }))
      expect(unset).not.toBe(fromProcess)
      expect(process.env[key]).toBe('from-process')
    } finally {
      if (saved === undefined) Reflect.deleteProperty(process.env, key)
      else process.env[key] = saved
    }
  })

  it('builds, with a warning, when the registry cannot answer', async () => {
    registry.down = true
    try {
      const result = await run(options('t6', { current: current('t4') }))
      expect(result.images.map((image) => image.built)).toEqual([true, true])
      expect(result.logger.lines.filter((line) => line.startsWith('warning:'))).toEqual(
        NAMES.map(
          (name) =>
            `warning: ${name}: skip-unchanged could not check ${REGISTRY}/acme/${name}:t4 in the registry (connect ECONNREFUSED); building it.`
        )
      )
    } finally {
      registry.down = false
    }
  })

  it.each<[string, ReadonlyMap<string, CurrentImage> | undefined, string]>([
    ['no current tag', undefined, 'the files name no current tag for it'],
    ['a tag the registry lacks', current('nope'), 'is not in the registry'],
    [
      'another repository in the files',
      new Map(NAMES.map((name) => [name, { tag: 't4', repository: `${REGISTRY}/other/${name}` }])),
      'the files name the repository'
    ]
  ])('builds for %s', async (_title, known, said) => {
    const result = await run(options('t7', known === undefined ? {} : { current: known }))
    expect(result.images.map((image) => image.built)).toEqual([true, true])
    expect(result.logger.lines.filter((line) => line.includes(said))).toHaveLength(2)
  })

  it.each<[string, Record<string, string> | null]>([
    ['no labels at all', null],
    [
      'labels, but no fingerprint (built by another tool)',
      { 'org.opencontainers.image.revision': 'c0ffee' }
    ]
  ])('builds when the image the files name has %s', async (_title, labels) => {
    for (const name of NAMES) registry.images.set(`acme/${name}:bare`, labels)
    const result = await run(options('t9', { current: current('bare') }))
    expect(result.images.map((image) => [image.name, image.built, image.tag])).toEqual([
      ['api', true, 't9'],
      ['web', true, 't9']
    ])
    expect(result.builds).toHaveLength(2)
    expect(
      result.logger.lines.filter((line) => line.includes('that image has no fingerprint label'))
    ).toHaveLength(2)
  })

  it('builds, with a warning naming the line, when .dockerignore holds a pattern Docker refuses', async () => {
    await run(options('t10', { skipUnchanged: false }))
    await writeFile(join(workspace, 'web', '.dockerignore'), 'tmp\n[z-\n')
    try {
      const result = await run(options('t11', { current: current('t10') }))
      expect(result.images.map((image) => [image.name, image.built])).toEqual([
        ['api', false],
        ['web', true]
      ])
      expect(result.logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([
        "warning: web: no fingerprint of its build inputs (.dockerignore line 2: '[z-' is not a valid pattern (malformed character class)); it is built."
      ])
    } finally {
      await rm(join(workspace, 'web', '.dockerignore'))
    }
  })
})
