import { tmpdir } from 'node:os'
import { describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { buildImages, type BuildOptions, type ImagesDeps } from '../../src/images/build-images.js'
import type { Docker } from '../../src/images/docker.js'
import { cleanupBuild, type ImagesRuntime } from '../../src/images/login.js'
import type { Clock } from '../../src/lib/clock.js'
import { createHttpClient } from '../../src/lib/http.js'
import { STATE_KEYS } from '../../src/lib/runtime.js'
import type { Logger } from '../../src/lib/logger.js'
import { BuildError, InputError } from '../../src/lib/errors.js'
import type { ImageSpec } from '../../src/image-spec.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { argAfter, createFakeDocker, type FakeAnswer } from '../support/fake-docker.js'

const digestOf = (name: string) =>
  `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`

const spec = (name: string, line: number, over: Partial<ImageSpec> = {}): ImageSpec => ({
  name,
  context: name,
  repository: `127.0.0.1:5000/acme/${name}`,
  buildArgs: [],
  line,
  ...over
})

const options = (over: Partial<BuildOptions> = {}): BuildOptions => ({
  images: [spec('api', 1), spec('web', 2), spec('worker', 3)],
  tag: 't1',
  workspace: '/ws',
  registry: '127.0.0.1:5000',
  buildArgs: [],
  maxParallel: 3,
  push: true,
  act: false,
  revision: '',
  sourceUrl: '',
  created: '',
  skipUnchanged: false,
  tempDir: tmpdir(),
  env: {},
  ...over
})

const deps = (docker: Docker, logger: Logger, runtime: ImagesRuntime): ImagesDeps => ({
  docker,
  logger,
  runtime,
  http: createHttpClient(),
  clock: steppingClock()
})

/** A clock that advances one second per reading, so build times are known. */
function steppingClock(): Clock {
  let now = 0
  return { now: () => (now += 1000), sleep: () => Promise.resolve(), random: () => 0 }
}

function createRuntime(): ImagesRuntime & { secrets: string[]; state: Map<string, string> } {
  const state = new Map<string, string>()
  const secrets: string[] = []
  return {
    secrets,
    state,
    setSecret: (secret) => secrets.push(secret),
    saveState: (name, value) => state.set(name, value),
    getState: (name) => state.get(name) ?? ''
  }
}

/** The image name a build/push call is about (its ref is `…/acme/NAME:t1`). */
const nameIn = (args: readonly string[]) =>
  /acme\/([a-z]+):/.exec(args.find((arg) => arg.includes('/acme/')) ?? '')?.[1] ?? ''

interface Script {
  buildx?: boolean
  fail?: string[]
  noDigest?: string[]
  pushOutputWithoutDigest?: boolean
}

function scripted(script: Script) {
  return async (args: readonly string[]): Promise<FakeAnswer> => {
    const name = nameIn(args)
    if (args[0] === 'version') return { stdout: '28.2.2\n' }
    if (args[0] === 'buildx' && args[1] === 'version') {
      return script.buildx
        ? { stdout: 'github.com/docker/buildx v0.29.1\n' }
        : { exitCode: 1, stderr: "docker: 'buildx' is not a docker command.\n" }
    }
    if (args[0] === 'login') return { stdout: 'Login Succeeded\n' }
    const failing = script.fail?.includes(name) ?? false
    const log = [
      `#1 [1/2] FROM ${name}-base`,
      `#2 [2/2] RUN make ${name}`,
      ...Array.from({ length: 30 }, (_, i) => `${name} line ${i}`)
    ]
    if (args[0] === 'buildx' && args[1] === 'build') {
      if (!failing && !script.noDigest?.includes(name)) {
        await writeFile(
          argAfter(args, '--metadata-file')!,
          JSON.stringify({ 'containerimage.digest': digestOf(name) })
        )
      }
      return { stdout: log.join('\n') + '\n', exitCode: failing ? 1 : 0, delayMs: 20 }
    }
    if (args[0] === 'build') {
      return {
        stdout: `Step 1/2 : FROM ${name}-base\n` + log.join('\n') + '\n',
        exitCode: failing ? 2 : 0,
        delayMs: 20
      }
    }
    if (args[0] === 'push') {
      const digestLine = script.pushOutputWithoutDigest
        ? ''
        : `t1: digest: ${digestOf(name)} size: 528\n`
      return { stdout: `The push refers to repository [${name}]\n${digestLine}`, delayMs: 5 }
    }
    if (args[0] === 'image' && args[1] === 'inspect') {
      return { stdout: JSON.stringify([`127.0.0.1:5000/acme/${name}@${digestOf(name)}`]) + '\n' }
    }
    return { exitCode: 99, stderr: `unexpected docker ${args.join(' ')}` }
  }
}

const commands = (calls: { args: readonly string[] }[]) =>
  calls.map((call) => call.args.slice(0, 2).join(' '))

describe('buildImages with buildx', () => {
  it('builds and pushes every image, at most max-parallel at once, with their digests', async () => {
    const docker = createFakeDocker(scripted({ buildx: true }))
    const logger = createMemoryLogger()
    const images = await buildImages(
      options({ maxParallel: 2 }),
      deps(docker, logger, createRuntime())
    )
    expect(images).toEqual(
      ['api', 'web', 'worker'].map((name) => ({
        name,
        repository: `127.0.0.1:5000/acme/${name}`,
        tag: 't1',
        ref: `127.0.0.1:5000/acme/${name}:t1`,
        digest: digestOf(name),
        built: true,
        seconds: expect.any(Number),
        metadata: { 'containerimage.digest': digestOf(name) },
        // The workspace /ws does not exist: no fingerprint, and the image is built anyway.
        fingerprint: ''
      }))
    )
    expect(docker.maxRunning).toBe(2)
    const builds = docker.calls.filter((call) => call.args[1] === 'build')
    expect(builds).toHaveLength(3)
    for (const build of builds) {
      expect(build.args).toContain('--push')
      expect(build.args.at(-1)).toBe(`/ws/${nameIn(build.args)}`)
    }
    expect(logger.lines).toContain('info: [api] step 2/2: RUN make api')
  })

  it('prints each build log as its own group, whole and uninterrupted', async () => {
    const docker = createFakeDocker(scripted({ buildx: true }))
    const logger = createMemoryLogger()
    await buildImages(options(), deps(docker, logger, createRuntime()))
    const groups = logger.lines.flatMap((line, index) =>
      line.startsWith('group: Build ') ? [index] : []
    )
    expect(groups).toHaveLength(3)
    for (const start of groups) {
      const name = /^group: Build (\w+)/.exec(logger.lines[start]!)![1]!
      const token = /^info: ::stop-commands::(.+)$/.exec(logger.lines[start + 1]!)![1]!
      const end = logger.lines.indexOf(`info: ::${token}::`, start)
      const body = logger.lines.slice(start + 2, end)
      expect(body).toHaveLength(32)
      expect(body.every((line) => line.includes(name))).toBe(true)
    }
  })

  it('dry run: builds without --push and reports no digest', async () => {
    const docker = createFakeDocker(scripted({ buildx: true }))
    const images = await buildImages(
      options({ push: false }),
      deps(docker, createMemoryLogger(), createRuntime())
    )
    expect(images.map((image) => image.digest)).toEqual(['', '', ''])
    expect(docker.calls.some((call) => call.args.includes('--push'))).toBe(false)
  })

  it('passes platforms, cache, builder and build args; drops the gha cache under act', async () => {
    const docker = createFakeDocker(scripted({ buildx: true }))
    const logger = createMemoryLogger()
    await buildImages(
      options({
        images: [spec('api', 1, { buildArgs: ['B=own'], target: 'prod' })],
        platforms: 'linux/amd64',
        cacheFrom: 'type=gha\ntype=registry,ref=r/cache',
        cacheTo: 'type=gha,mode=max',
        builder: 'remote',
        buildArgs: ['A=1', 'B=global'],
        act: true
      }),
      deps(docker, logger, createRuntime())
    )
    const build = docker.calls.find((call) => call.args[1] === 'build')!.args
    expect(argAfter(build, '--builder')).toBe('remote')
    expect(argAfter(build, '--platform')).toBe('linux/amd64')
    expect(argAfter(build, '--target')).toBe('prod')
    expect(build.filter((_, i) => build[i - 1] === '--build-arg')).toEqual(['A=1', 'B=own'])
    expect(build.filter((_, i) => build[i - 1] === '--cache-from')).toEqual([
      'type=registry,ref=r/cache'
    ])
    expect(build).not.toContain('--cache-to')
    expect(logger.lines.filter((line) => line.includes('act'))).toHaveLength(2)
  })

  it('lets the other builds finish, then lists every failed image with the end of its log', async () => {
    const docker = createFakeDocker(scripted({ buildx: true, fail: ['api', 'worker'] }))
    const promise = buildImages(
      options({ maxParallel: 1 }),
      deps(docker, createMemoryLogger(), createRuntime())
    )
    await expect(promise).rejects.toThrow(BuildError)
    const error = (await promise.catch((e: unknown) => e)) as BuildError
    expect(error.message).toMatch(/^2 of 3 images failed to build: api, worker/)
    expect(error.message).toContain('api (images line 1): docker buildx build exit code 1')
    expect(error.message).toContain('  worker line 29')
    expect(error.message).not.toContain('worker line 4\n')
    expect(error.message).not.toContain('web line')
    expect(error.location).toEqual({ input: 'images', line: 1 })
    expect(docker.calls.filter((call) => call.args[1] === 'build')).toHaveLength(3)
  })

  it('fails when a pushed image has no digest', async () => {
    const docker = createFakeDocker(scripted({ buildx: true, noDigest: ['web'] }))
    await expect(
      buildImages(options(), deps(docker, createMemoryLogger(), createRuntime()))
    ).rejects.toThrow(/1 of 3 images failed to build: web[\s\S]*no digest/)
  })
})

describe('buildImages with the classic builder', () => {
  it('builds everything first with DOCKER_BUILDKIT=0, then pushes, digests from the push output', async () => {
    const docker = createFakeDocker(scripted({}))
    const images = await buildImages(
      options({ maxParallel: 2 }),
      deps(docker, createMemoryLogger(), createRuntime())
    )
    expect(images.map((image) => image.digest)).toEqual(['api', 'web', 'worker'].map(digestOf))
    const order = commands(docker.calls).filter(
      (c) => c.startsWith('build ') || c.startsWith('push ')
    )
    expect(order.slice(0, 3).every((c) => c.startsWith('build '))).toBe(true)
    expect(order.slice(3)).toEqual([
      'push 127.0.0.1:5000/acme/api:t1',
      'push 127.0.0.1:5000/acme/web:t1',
      'push 127.0.0.1:5000/acme/worker:t1'
    ])
    for (const call of docker.calls.filter((c) => c.args[0] === 'build')) {
      expect(call.env).toEqual({ DOCKER_BUILDKIT: '0' })
    }
    expect(docker.maxRunning).toBe(2)
  })

  it('falls back to docker inspect RepoDigests when the push output has no digest', async () => {
    const docker = createFakeDocker(scripted({ pushOutputWithoutDigest: true }))
    const images = await buildImages(options(), deps(docker, createMemoryLogger(), createRuntime()))
    expect(images.map((image) => image.digest)).toEqual(['api', 'web', 'worker'].map(digestOf))
    expect(docker.calls.filter((call) => call.args[0] === 'image')).toHaveLength(3)
  })

  it('pushes nothing when any build failed', async () => {
    const docker = createFakeDocker(scripted({ fail: ['web'] }))
    await expect(
      buildImages(options(), deps(docker, createMemoryLogger(), createRuntime()))
    ).rejects.toThrow(
      /1 of 3 images failed to build: web[\s\S]*web \(images line 2\): docker build exit code 2/
    )
    expect(docker.calls.filter((call) => call.args[0] === 'push')).toEqual([])
  })

  it('dry run: builds, pushes nothing', async () => {
    const docker = createFakeDocker(scripted({}))
    const images = await buildImages(
      options({ push: false }),
      deps(docker, createMemoryLogger(), createRuntime())
    )
    expect(images.map((image) => image.digest)).toEqual(['', '', ''])
    expect(docker.calls.filter((call) => call.args[0] === 'push')).toEqual([])
  })

  it.each<[string, Partial<BuildOptions>, object]>([
    ['platforms', { platforms: 'linux/arm64' }, { input: 'platforms' }],
    [
      'image platforms',
      { images: [spec('api', 4, { platforms: 'linux/arm64' })] },
      { input: 'images', line: 4 }
    ],
    ['cache-from', { cacheFrom: 'type=registry,ref=r/c' }, { input: 'cache-from' }],
    ['cache-to', { cacheTo: 'type=gha' }, { input: 'cache-to' }],
    ['builder', { builder: 'remote' }, { input: 'builder' }]
  ])('refuses %s before building anything', async (_title, over, location) => {
    const docker = createFakeDocker(scripted({}))
    const promise = buildImages(options(over), deps(docker, createMemoryLogger(), createRuntime()))
    await expect(promise).rejects.toThrow(InputError)
    await expect(promise).rejects.toThrow(/needs? Docker buildx/)
    await expect(promise).rejects.toMatchObject({ location })
    expect(commands(docker.calls)).toEqual(['version --format', 'buildx version'])
  })

  it('accepts a gha cache under act (it is dropped)', async () => {
    const docker = createFakeDocker(scripted({}))
    await expect(
      buildImages(
        options({ cacheFrom: 'type=gha', act: true }),
        deps(docker, createMemoryLogger(), createRuntime())
      )
    ).resolves.toHaveLength(3)
  })
})

describe('login and logout', () => {
  const secret = 's3cr3t-Pa55'

  it('logs in with the password on stdin only, masks it, and the post step logs out', async () => {
    const docker = createFakeDocker(scripted({ buildx: true }))
    const logger = createMemoryLogger()
    const runtime = createRuntime()
    await buildImages(options({ username: 'bot', password: secret }), deps(docker, logger, runtime))
    const login = docker.calls.find((call) => call.args[0] === 'login')!
    expect(login.args).toEqual(['login', '--username', 'bot', '--password-stdin', '127.0.0.1:5000'])
    expect(login.input).toBe(secret)
    expect(docker.calls.findIndex((call) => call.args[0] === 'login')).toBeLessThan(
      docker.calls.findIndex((call) => call.args[1] === 'build')
    )
    expect(docker.calls.every((call) => !call.args.join(' ').includes(secret))).toBe(true)
    expect(runtime.secrets).toEqual([secret])
    expect(logger.lines.join('\n')).not.toContain(secret)
    expect(JSON.parse(runtime.state.get(STATE_KEYS.registryLogins)!)).toEqual(['127.0.0.1:5000'])

    const post = createFakeDocker(() => ({ stdout: 'Removing login credentials\n' }))
    const postLogger = createMemoryLogger()
    await cleanupBuild(postLogger, post, runtime)
    expect(post.calls.map((call) => call.args)).toEqual([['logout', '127.0.0.1:5000']])
    expect(postLogger.lines).toEqual(['info: Logged out of 127.0.0.1:5000'])
  })

  it('does not log in without both username and password', async () => {
    const docker = createFakeDocker(scripted({ buildx: true }))
    const runtime = createRuntime()
    await buildImages(options({ username: 'bot' }), deps(docker, createMemoryLogger(), runtime))
    expect(docker.calls.some((call) => call.args[0] === 'login')).toBe(false)
    expect(runtime.state.size).toBe(0)
  })

  it('a refused login fails clearly, builds nothing, and hides the password', async () => {
    const docker = createFakeDocker((args) =>
      args[0] === 'login'
        ? {
            exitCode: 1,
            stderr: `Error response from daemon: login attempt failed (echo ${secret})\n`
          }
        : scripted({ buildx: true })(args)
    )
    const runtime = createRuntime()
    const promise = buildImages(
      options({ username: 'bot', password: secret }),
      deps(docker, createMemoryLogger(), runtime)
    )
    await expect(promise).rejects.toThrow(
      /docker login to 127.0.0.1:5000 as 'bot' failed \(exit code 1\)/
    )
    await expect(promise).rejects.toMatchObject({ location: { input: 'password' } })
    await expect(promise).rejects.not.toThrow(secret)
    expect(docker.calls.some((call) => call.args[1] === 'build')).toBe(false)
    expect(runtime.state.size).toBe(0)
  })

  it.each<[string, string, string[]]>([
    ['no state', '', []],
    ['broken state', '{', ['warning: Ignoring the saved docker logout state: ']],
    ['a failing logout', '["r.io"]', ['warning: docker logout r.io failed: nope']]
  ])('cleanup with %s', async (_title, state, expectedLines) => {
    const docker = createFakeDocker(() => ({ exitCode: 1, stderr: 'nope\n' }))
    const logger = createMemoryLogger()
    const runtime = createRuntime()
    if (state !== '') runtime.saveState(STATE_KEYS.registryLogins, state)
    await cleanupBuild(logger, docker, runtime)
    expect(logger.lines).toHaveLength(expectedLines.length)
    expectedLines.forEach((line, index) => {
      expect(logger.lines[index]).toContain(line)
    })
  })
})

describe('engine checks', () => {
  it('fails clearly when the engine does not answer', async () => {
    const docker = createFakeDocker(() => ({
      exitCode: 1,
      stderr: 'Cannot connect to the Docker daemon at unix:///x.sock.\n'
    }))
    await expect(
      buildImages(options(), deps(docker, createMemoryLogger(), createRuntime()))
    ).rejects.toThrow(
      /Cannot reach the Docker engine: Cannot connect to the Docker daemon at unix:\/\/\/x.sock/
    )
  })

  it('does nothing for no images', async () => {
    const docker = createFakeDocker(scripted({}))
    await expect(
      buildImages(options({ images: [] }), deps(docker, createMemoryLogger(), createRuntime()))
    ).resolves.toEqual([])
    expect(docker.calls).toEqual([])
  })
})
