import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildImages, type BuildOptions, type BuiltImage } from '../../src/images/build-images.js'
import { FINGERPRINT_LABEL } from '../../src/images/fingerprint.js'
import { lookupImage } from '../../src/images/registry-api.js'
import { createHttpClient } from '../../src/lib/http.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { dockerEnvOrWarn } from '../support/docker-env.js'
import { liveProcessEnv } from '../support/process-env.js'
import { git } from '../support/git-fixtures.js'
import {
  createDockerConfig,
  exportImage,
  realImagesDeps,
  registryDigest,
  registryLabels,
  removeLocalImages,
  uniqueSuffix
} from '../support/registry.js'

// skip-unchanged against the real engine and both test registries (plain, and htpasswd auth).
const found = await dockerEnvOrWarn('the skip-unchanged integration tests')
const describeDocker = found ? describe : describe.skip

describeDocker('skip-unchanged on a real engine and registry', () => {
  const env = found!
  const run = uniqueSuffix()
  const refs: string[] = []
  let dir = ''
  let dockerConfig = ''

  afterAll(async () => {
    removeLocalImages(env, refs)
    await rm(dir, { recursive: true, force: true })
    await rm(dockerConfig, { recursive: true, force: true })
  })

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'skip-int-'))
    dockerConfig = await createDockerConfig()
  })

  describe.each([
    ['without registry auth', false],
    ['with registry auth (htpasswd)', true]
  ])('%s', (_title, withAuth) => {
    // Read in beforeAll, not while jest collects the tests: without an engine `env` is null and
    // this suite is skipped, not broken.
    let registry = ''
    let auth: { readonly user: string; readonly pass: string } | undefined
    const name = `gitops-test/skip-${withAuth ? 'auth' : 'plain'}-${run}`
    let workspace = ''
    let first: BuiltImage | undefined

    const options = (tag: string, over: Partial<BuildOptions> = {}): BuildOptions => ({
      images: [
        { name: 'app', context: 'app', repository: `${registry}/${name}`, buildArgs: [], line: 1 }
      ],
      tag,
      workspace,
      registry,
      ...(auth ? { username: auth.user, password: auth.pass } : {}),
      buildArgs: [],
      maxParallel: 1,
      push: true,
      act: false,
      revision: 'f'.repeat(40),
      sourceUrl: 'https://github.com/acme/shop',
      created: '2026-12-01T05:00:00Z',
      skipUnchanged: true,
      tempDir: tmpdir(),
      env: liveProcessEnv,
      ...over
    })
    const build = async (tag: string, current?: string, over: Partial<BuildOptions> = {}) => {
      refs.push(`${registry}/${name}:${tag}`)
      const logger = createMemoryLogger()
      const images = await buildImages(
        options(tag, {
          ...(current === undefined ? {} : { current: new Map([['app', { tag: current }]]) }),
          ...over
        }),
        realImagesDeps(env, dockerConfig, logger)
      )
      return { image: images[0]!, logger }
    }

    beforeAll(async () => {
      registry = withAuth ? env.authRegistry : env.registry
      auth = withAuth ? { user: env.user, pass: env.pass } : undefined
      workspace = join(dir, withAuth ? 'auth' : 'plain')
      const files: Record<string, string> = {
        '.gitignore': '*.log\n',
        'app/Dockerfile': `FROM scratch\nCOPY . /app/\n`,
        'app/.dockerignore': 'notes\n',
        'app/hello.txt': `hello ${run}\n`
      }
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(workspace, path, '..'), { recursive: true })
        await writeFile(join(workspace, path), text)
      }
      git(workspace, 'init', '-q', '-b', 'main')
      git(workspace, 'add', '-A')
      git(workspace, 'commit', '-q', '-m', 'init')
    })

    it('first build: the labels are on the pushed image, the fingerprint readable through the registry API', async () => {
      const { image } = await build('v1')
      first = image
      expect(image.built).toBe(true)
      expect(image.digest).toBe(await registryDigest(registry, name, 'v1', auth))
      const labels = await registryLabels(registry, name, 'v1', auth)
      expect(labels).toEqual({
        'org.opencontainers.image.revision': 'f'.repeat(40),
        'org.opencontainers.image.source': 'https://github.com/acme/shop',
        'org.opencontainers.image.created': '2026-12-01T05:00:00Z',
        [FINGERPRINT_LABEL]: image.fingerprint
      })
      const looked = await lookupImage(createHttpClient(), `${registry}/${name}`, 'v1', {
        ...(auth ? { credentials: { registry, username: auth.user, password: auth.pass } } : {})
      })
      expect(looked).toEqual({ kind: 'found', digest: image.digest, labels })
    })

    it('unchanged: not built, not pushed; the registry digest of the tag the files keep', async () => {
      const { image, logger } = await build('v2', 'v1')
      expect(image).toMatchObject({
        built: false,
        tag: 'v1',
        reusedFrom: 'v1',
        digest: first?.digest
      })
      expect(await registryDigest(registry, name, 'v2', auth)).toBeUndefined()
      expect(logger.lines).toContain('info: Nothing to build: every image is unchanged (1 reused).')
      expect(logger.lines.some((line) => line.startsWith('group: Build'))).toBe(false)
    })

    it('a file .dockerignore leaves out changes nothing; a git-ignored file docker sends does', async () => {
      await mkdir(join(workspace, 'app', 'notes'), { recursive: true })
      await writeFile(join(workspace, 'app', 'notes', 'todo.md'), 'not sent to the builder\n')
      expect((await build('v3', 'v1')).image.built).toBe(false)

      await writeFile(
        join(workspace, 'app', 'debug.log'),
        'ignored by git, but in the build context\n'
      )
      const { image } = await build('v4', 'v1')
      expect(image).toMatchObject({ built: true, tag: 'v4' })
      expect(image.fingerprint).not.toBe(first?.fingerprint)
      await rm(join(workspace, 'app', 'debug.log'))
    })

    it('a changed file in the context: built and pushed under the new tag', async () => {
      await writeFile(join(workspace, 'app', 'hello.txt'), `hello again ${run}\n`)
      git(workspace, 'commit', '-q', '-am', 'change')
      const { image } = await build('v5', 'v1')
      expect(image).toMatchObject({ built: true, tag: 'v5' })
      expect(image.digest).toBe(await registryDigest(registry, name, 'v5', auth))
      // And the next run with the files at v5 skips it again.
      expect((await build('v6', 'v5')).image).toMatchObject({ built: false, reusedFrom: 'v5' })
    })
  })

  it('registry unreachable: built, with a warning (never skipped unchecked)', async () => {
    const workspace = join(dir, 'plain')
    const logger = createMemoryLogger()
    const dead = '127.0.0.1:9'
    const images = await buildImages(
      {
        images: [
          {
            name: 'app',
            context: 'app',
            repository: `${dead}/gitops-test/x`,
            buildArgs: [],
            line: 1
          }
        ],
        tag: `dead-${run}`,
        workspace,
        registry: dead,
        buildArgs: [],
        maxParallel: 1,
        // Nothing can be pushed there either; the build itself still runs.
        push: false,
        act: false,
        revision: '',
        sourceUrl: '',
        created: '',
        skipUnchanged: true,
        tempDir: tmpdir(),
        env: liveProcessEnv,
        current: new Map([['app', { tag: 'v1' }]])
      },
      realImagesDeps(env, dockerConfig, logger)
    )
    refs.push(`${dead}/gitops-test/x:dead-${run}`)
    expect(images[0]).toMatchObject({ built: true, digest: '' })
    expect(logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([
      expect.stringMatching(
        /^warning: app: skip-unchanged could not check 127\.0\.0\.1:9\/gitops-test\/x:v1 in the registry \(.*ECONNREFUSED.*\); building it\.$/
      )
    ])
  })

  /**
   * One change Docker sends to the builder: `setup` adds to the context folder `app` of a
   * committed git work tree, `change` alters it, `look` reads, below the root of an image or
   * of the context folder, what the change is about.
   */
  interface SentChange {
    /** Short and unique: names the image and folders. */
    readonly id: string
    readonly setup: (workspace: string) => Promise<void>
    readonly change: (workspace: string) => Promise<void>
    readonly look: (root: string) => Promise<string>
  }
  const text = (path: string) => (root: string) => readFile(join(root, path), 'utf8')
  const files = async (root: string, entries: Record<string, string>): Promise<void> => {
    for (const [path, content] of Object.entries(entries)) {
      await mkdir(join(root, path, '..'), { recursive: true })
      await writeFile(join(root, path), content)
    }
  }

  describe.each<[string, SentChange]>([
    [
      'a file .dockerignore lets through: [!a] is the class of ! and a, not "not a"',
      {
        id: 'class',
        setup: (ws) =>
          files(ws, {
            'app/.dockerignore': '[!a]*.txt\n',
            'app/a.txt': 'a\n',
            'app/b.txt': 'b1\n'
          }),
        change: (ws) => writeFile(join(ws, 'app/b.txt'), 'b2\n'),
        look: text('b.txt')
      }
    ],
    [
      'a file of an untracked git repository inside the context',
      {
        id: 'nested',
        setup: async (ws) => {
          await files(ws, { 'app/vendor/tool/main.txt': 'tool 1\n' })
          git(join(ws, 'app/vendor/tool'), 'init', '-q', '-b', 'main')
          git(join(ws, 'app/vendor/tool'), 'add', '-A')
          git(join(ws, 'app/vendor/tool'), 'commit', '-q', '-m', 'tool')
        },
        change: async (ws) => {
          await writeFile(join(ws, 'app/vendor/tool/main.txt'), 'tool 2\n')
          git(join(ws, 'app/vendor/tool'), 'commit', '-q', '-am', 'tool 2')
        },
        look: text('vendor/tool/main.txt')
      }
    ],
    [
      "a submodule's working tree",
      {
        id: 'submodule',
        setup: async (ws) => {
          const lib = `${ws}-lib`
          await files(lib, { 'lib.txt': 'lib 1\n' })
          git(lib, 'init', '-q', '-b', 'main')
          git(lib, 'add', '-A')
          git(lib, 'commit', '-q', '-m', 'lib')
          git(ws, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'app/lib')
        },
        change: (ws) => writeFile(join(ws, 'app/lib/lib.txt'), 'lib 2, not committed\n'),
        look: text('lib/lib.txt')
      }
    ],
    [
      'a file mode change (644 → 600)',
      {
        id: 'mode',
        setup: async (ws) => {
          await files(ws, { 'app/secret.txt': 'same bytes\n' })
          await chmod(join(ws, 'app/secret.txt'), 0o644)
        },
        change: (ws) => chmod(join(ws, 'app/secret.txt'), 0o600),
        look: async (root) => ((await stat(join(root, 'secret.txt'))).mode & 0o777).toString(8)
      }
    ]
  ])('stale or fresh: %s', (_title, sent) => {
    const name = `gitops-test/sent-${sent.id}-${run}`
    let workspace = ''
    let registry = ''
    const build = async (tag: string, current?: string): Promise<BuiltImage> => {
      refs.push(`${registry}/${name}:${tag}`)
      const images = await buildImages(
        {
          images: [
            {
              name: 'app',
              context: 'app',
              repository: `${registry}/${name}`,
              buildArgs: [],
              line: 1
            }
          ],
          tag,
          workspace,
          registry,
          buildArgs: [],
          maxParallel: 1,
          push: true,
          act: false,
          revision: '',
          sourceUrl: '',
          created: '',
          skipUnchanged: true,
          tempDir: tmpdir(),
          env: liveProcessEnv,
          ...(current === undefined ? {} : { current: new Map([['app', { tag: current }]]) })
        },
        realImagesDeps(env, dockerConfig, createMemoryLogger())
      )
      return images[0]!
    }
    /** What the image the files would name after this run holds. */
    const served = async (image: BuiltImage): Promise<string> =>
      sent.look(
        await exportImage(
          env,
          `${image.repository}:${image.tag}`,
          join(dir, `export-${sent.id}-${image.tag}`)
        )
      )

    beforeAll(async () => {
      registry = env.registry
      workspace = join(dir, `sent-${sent.id}`)
      await files(workspace, {
        'app/Dockerfile': 'FROM scratch\nCOPY . /\n',
        'app/hello.txt': 'hello\n'
      })
      git(workspace, 'init', '-q', '-b', 'main')
      git(workspace, 'add', '-A')
      git(workspace, 'commit', '-q', '-m', 'init')
      await sent.setup(workspace)
    })

    it('is reused while nothing changed, and built (fresh) once it did', async () => {
      expect((await build('v1')).built).toBe(true)
      const again = await build('v2', 'v1')
      expect(again).toMatchObject({ built: false, tag: 'v1' })

      await sent.change(workspace)
      const after = await build('v3', 'v1')
      // What the files would name now holds what the folder holds: not the stale v1.
      expect(await served(after)).toBe(await sent.look(join(workspace, 'app')))
      expect(after).toMatchObject({ built: true, tag: 'v3' })
    })
  })
})
