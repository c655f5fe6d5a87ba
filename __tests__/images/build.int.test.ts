import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildImages, type BuildOptions, type ImagesDeps } from '../../src/images/build-images.js'
import { cleanupBuild } from '../../src/images/login.js'
import { BuildError } from '../../src/lib/errors.js'
import type { ImageSpec } from '../../src/image-spec.js'
import { createMemoryLogger, type Logger } from '../../src/lib/logger.js'
import { dockerEnvOrWarn } from '../support/docker-env.js'
import { liveProcessEnv } from '../support/process-env.js'
import {
  createDockerConfig,
  createMemoryRuntime as createRuntime,
  realImagesDeps,
  hasBuildx,
  pushBaseImage,
  registryDigest,
  uniqueSuffix
} from '../support/registry.js'

const found = await dockerEnvOrWarn('the Docker build integration tests')
const describeDocker = found ? describe : describe.skip

describeDocker('building and pushing on a real Docker engine', () => {
  const env = found!
  let workspace = ''
  let dockerConfig = ''
  const deps = (logger: Logger, runtime = createRuntime()): ImagesDeps =>
    realImagesDeps(env, dockerConfig, logger, runtime)
  let base = ''
  let buildx = false
  const run = uniqueSuffix()

  const image = (name: string, line: number, registry = env.registry): ImageSpec => ({
    name,
    context: name,
    repository: `${registry}/gitops-test/${name}-${run}`,
    buildArgs: [],
    line
  })

  const options = (over: Partial<BuildOptions>): BuildOptions => ({
    images: [],
    tag: `t-${run}`,
    workspace,
    registry: env.registry,
    buildArgs: [],
    maxParallel: 2,
    push: true,
    act: false,
    revision: '',
    sourceUrl: '',
    created: '',
    skipUnchanged: false,
    tempDir: tmpdir(),
    env: liveProcessEnv,
    ...over
  })

  const dockerConfigJson = async (): Promise<string> =>
    readFile(join(dockerConfig, 'config.json'), 'utf8').catch(() => '')

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'build-int-'))
    dockerConfig = await createDockerConfig()
    buildx = hasBuildx(env, { DOCKER_CONFIG: dockerConfig })
    console.info(`Docker integration tests use the ${buildx ? 'buildx' : 'classic'} builder`)
    base = await pushBaseImage(env, env.registry)
    const files: Record<string, string> = {
      'scratchy/Dockerfile': 'FROM scratch\nCOPY hello.txt /hello.txt\n',
      'scratchy/hello.txt': `hello ${run}\n`,
      'runner/Dockerfile': `FROM ${base}\nARG GREETING=hi\nRUN echo "$GREETING from $(uname -s) in run ${run}" > /built.txt && cat /built.txt\n`,
      'broken/Dockerfile': `FROM ${base}\nRUN echo about to fail && exit 3\n`
    }
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(workspace, path, '..'), { recursive: true })
      await writeFile(join(workspace, path), text)
    }
  })

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true })
    await rm(dockerConfig, { recursive: true, force: true })
  })

  it('builds two images in parallel, pushes them, and knows the digests the registry serves', async () => {
    const logger = createMemoryLogger()
    const images = [image('scratchy', 1), image('runner', 2)]
    const built = await buildImages(
      options({ images, buildArgs: ['GREETING=hello'] }),
      deps(logger)
    )
    expect(built.map((b) => b.name)).toEqual(['scratchy', 'runner'])
    for (const result of built) {
      expect(result.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      expect(result.ref).toBe(`${result.repository}:t-${run}`)
      const served = await registryDigest(
        env.registry,
        `gitops-test/${result.name}-${run}`,
        `t-${run}`
      )
      expect(result.digest).toBe(served)
    }
    expect(built[0]!.digest).not.toBe(built[1]!.digest)
    // The RUN step ran (the run id keeps it out of the layer cache), inside its own log group.
    // (BuildKit prefixes the line with its step number and time.)
    expect(logger.lines.some((line) => line.endsWith(` hello from Linux in run ${run}`))).toBe(true)
  })

  it('fails on a broken Dockerfile, names the image and quotes its log', async () => {
    const logger = createMemoryLogger()
    const images = [image('scratchy', 1), image('broken', 2)]
    const tag = `broken-${run}`
    const error = await buildImages(options({ images, tag }), deps(logger)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BuildError)
    expect((error as BuildError).message).toMatch(/^1 of 2 images failed to build: broken\n/)
    expect((error as BuildError).message).toContain('broken (images line 2)')
    expect((error as BuildError).message).toContain('about to fail')
    expect((error as BuildError).location).toEqual({ input: 'images', line: 2 })
    expect(await registryDigest(env.registry, `gitops-test/broken-${run}`, tag)).toBeUndefined()
    // The classic builder pushes only when every build succeeded (buildx pushes as it builds).
    const pushed = await registryDigest(env.registry, `gitops-test/scratchy-${run}`, tag)
    expect(buildx || pushed === undefined).toBe(true)
  })

  it('dry run builds but pushes nothing', async () => {
    const tag = `dry-${run}`
    const built = await buildImages(
      options({ images: [image('scratchy', 1)], tag, push: false }),
      deps(createMemoryLogger())
    )
    expect(built.map((b) => b.digest)).toEqual([''])
    expect(await registryDigest(env.registry, `gitops-test/scratchy-${run}`, tag)).toBeUndefined()
  })

  it('logs in to an htpasswd registry, pushes, and the post step logs out; the password is never logged', async () => {
    const logger = createMemoryLogger()
    const runtime = createRuntime()
    const tag = `auth-${run}`
    const built = await buildImages(
      options({
        images: [image('scratchy', 1, env.authRegistry)],
        tag,
        registry: env.authRegistry,
        username: env.user,
        password: env.pass
      }),
      deps(logger, runtime)
    )
    const auth = { user: env.user, pass: env.pass }
    expect(built[0]!.digest).toBe(
      await registryDigest(env.authRegistry, `gitops-test/scratchy-${run}`, tag, auth)
    )
    expect(runtime.secrets).toEqual([env.pass])
    expect(await dockerConfigJson()).toContain(env.authRegistry)

    await cleanupBuild(logger, deps(logger, runtime).docker, runtime)
    const config = await dockerConfigJson()
    expect(config).not.toContain(env.authRegistry)
    expect(config).not.toContain(Buffer.from(`${env.user}:${env.pass}`).toString('base64'))
    expect(logger.lines).toContain(`info: Logged out of ${env.authRegistry}`)
    expect(logger.lines.some((line) => line.startsWith('debug: '))).toBe(true)
    expect(logger.lines.join('\n')).not.toContain(env.pass)
  })

  it('refuses a wrong password clearly, builds nothing and stores no credentials', async () => {
    const logger = createMemoryLogger()
    const wrong = `wrong-${uniqueSuffix()}`
    const error = await buildImages(
      options({
        images: [image('scratchy', 1, env.authRegistry)],
        tag: `wrong-${run}`,
        registry: env.authRegistry,
        username: env.user,
        password: wrong
      }),
      deps(logger)
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BuildError)
    expect((error as BuildError).message).toMatch(
      new RegExp(
        `^docker login to ${env.authRegistry.replace(/\./g, '\\.')} as '${env.user}' failed`
      )
    )
    expect((error as BuildError).message).not.toContain(wrong)
    expect(logger.lines.join('\n')).not.toContain(wrong)
    expect(logger.lines.some((line) => line.startsWith('group: Build'))).toBe(false)
    expect(await dockerConfigJson()).not.toContain(env.authRegistry)
  })
})
