// Helpers for tests against a real registry and Docker engine (see docker-env.ts).
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImagesDeps } from '../../src/images/build-images.js'
import { createDocker } from '../../src/images/docker.js'
import type { ImagesRuntime } from '../../src/images/login.js'
import { systemClock } from '../../src/lib/clock.js'
import { createProcessRunner } from '../../src/lib/exec.js'
import { createHttpClient } from '../../src/lib/http.js'
import type { Logger } from '../../src/lib/logger.js'
import type { DockerEnv } from './docker-env.js'

/** Every manifest type a push can produce (single image, list, OCI manifest, OCI index). */
export const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json'
].join(', ')

/** The `Docker-Content-Digest` the registry serves for NAME:TAG, or undefined (404 and such). */
export async function registryDigest(
  registry: string,
  name: string,
  tag: string,
  auth?: { readonly user: string; readonly pass: string }
): Promise<string | undefined> {
  const headers: Record<string, string> = { Accept: MANIFEST_TYPES }
  if (auth)
    headers.Authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`
  const response = await fetch(`http://${registry}/v2/${name}/manifests/${tag}`, {
    method: 'HEAD',
    headers,
    signal: AbortSignal.timeout(10_000)
  })
  if (!response.ok) return undefined
  return response.headers.get('docker-content-digest') ?? undefined
}

/** A short random suffix, so runs do not see each other's tags. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 10)
}

/** Runs the docker CLI against the test engine; throws with its output when it fails. */
export function dockerCli(
  env: DockerEnv,
  args: readonly string[],
  extra: Record<string, string> = {}
): string {
  const result = spawnSync('docker', args, {
    env: { ...process.env, DOCKER_HOST: env.dockerHost, ...extra },
    encoding: 'utf8',
    timeout: 120_000
  })
  if (result.status !== 0) {
    throw new Error(`docker ${args.join(' ')} failed: ${result.stdout}${result.stderr}`)
  }
  return result.stdout
}

/**
 * Builds a small base image from the static busybox binary (a shell and coreutils, nothing
 * downloaded) and pushes it to `registry`; returns its ref.
 */
export async function pushBaseImage(
  env: DockerEnv,
  registry: string,
  name = 'gitops-test/base'
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'base-image-'))
  try {
    await mkdir(join(dir, 'bin'))
    await copyFile(env.busybox, join(dir, 'bin', 'busybox'))
    await writeFile(
      join(dir, 'Dockerfile'),
      [
        'FROM scratch',
        'COPY bin/busybox /bin/busybox',
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        'ENV PATH=/bin',
        ''
      ].join('\n')
    )
    const ref = `${registry}/${name}:${uniqueSuffix()}`
    dockerCli(env, ['build', '--tag', ref, dir], { DOCKER_BUILDKIT: '0' })
    dockerCli(env, ['push', ref])
    return ref
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** True when the test engine's CLI has the buildx plugin (with `extra` variables, e.g. DOCKER_CONFIG). */
export function hasBuildx(env: DockerEnv, extra: Record<string, string> = {}): boolean {
  return (
    spawnSync('docker', ['buildx', 'version'], {
      env: { ...process.env, DOCKER_HOST: env.dockerHost, ...extra },
      timeout: 20_000
    }).status === 0
  )
}

/**
 * A fresh DOCKER_CONFIG folder for a test. When GITOPS_TEST_CLI_PLUGINS names a folder of docker
 * CLI plugins (e.g. one holding `docker-buildx`), it is linked in as `cli-plugins`, so a developer
 * can run the same tests with buildx.
 */
export async function createDockerConfig(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docker-config-'))
  const plugins = process.env.GITOPS_TEST_CLI_PLUGINS
  if (plugins) await symlink(plugins, join(dir, 'cli-plugins'))
  return dir
}

/**
 * Removes what tests left in the test engine: the stopped containers of failed classic builds
 * (children of `base`, which is unique per test run) and the given image refs. Never throws.
 */
export function removeLocalImages(env: DockerEnv, refs: readonly string[], base?: string): void {
  const run = (args: readonly string[]): string => {
    const result = spawnSync('docker', args, {
      env: { ...process.env, DOCKER_HOST: env.dockerHost },
      encoding: 'utf8',
      timeout: 60_000
    })
    return result.status === 0 ? result.stdout : ''
  }
  if (base !== undefined) {
    const containers = run(['ps', '--all', '--quiet', '--filter', `ancestor=${base}`])
      .split('\n')
      .filter(Boolean)
    if (containers.length > 0) run(['rm', '--force', ...containers])
  }
  for (const ref of refs) run(['image', 'rm', '--force', ref])
}

/** A runtime in memory: masked values, and main→post state. */
export function createMemoryRuntime(): ImagesRuntime & {
  readonly secrets: string[]
  readonly state: Map<string, string>
} {
  const state = new Map<string, string>()
  const secrets: string[] = []
  return {
    secrets,
    state,
    setSecret: (secret) => {
      secrets.push(secret)
    },
    saveState: (name, value) => {
      state.set(name, value)
    },
    getState: (name) => state.get(name) ?? ''
  }
}

/**
 * The images stage's real tools against the test engine: docker with DOCKER_HOST and its own
 * DOCKER_CONFIG, the HTTP client and the system clock. The runner refuses any command line
 * holding one of the runtime's secrets, as in the action.
 */
export function realImagesDeps(
  env: DockerEnv,
  dockerConfig: string,
  logger: Logger,
  runtime: ReturnType<typeof createMemoryRuntime> = createMemoryRuntime()
): ImagesDeps {
  const runner = createProcessRunner(runtime.secrets, process.env)
  return {
    docker: createDocker(runner, { DOCKER_HOST: env.dockerHost, DOCKER_CONFIG: dockerConfig }),
    http: createHttpClient(),
    logger,
    runtime,
    clock: systemClock
  }
}

/** The labels of the image config the registry holds for NAME:TAG (a single-platform image). */
export async function registryLabels(
  registry: string,
  name: string,
  tag: string,
  auth?: { readonly user: string; readonly pass: string }
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { Accept: MANIFEST_TYPES }
  if (auth)
    headers.Authorization = `Basic ${Buffer.from(`${auth.user}:${auth.pass}`).toString('base64')}`
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`http://${registry}/v2/${name}/${path}`, {
      headers,
      signal: AbortSignal.timeout(10_000)
    })
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`)
    return response.json()
  }
  const manifest = (await get(`manifests/${tag}`)) as { config: { digest: string } }
  const config = (await get(`blobs/${manifest.config.digest}`)) as {
    config?: { Labels?: Record<string, string> }
  }
  return config.config?.Labels ?? {}
}

/**
 * The files of an image as a container would see them, unpacked into `into` with their modes
 * (`docker create` + `docker export`; nothing is run). Returns `into`.
 */
export async function exportImage(env: DockerEnv, ref: string, into: string): Promise<string> {
  const container = dockerCli(env, ['create', ref, '/none']).trim()
  const archive = `${into}.tar`
  try {
    dockerCli(env, ['export', '--output', archive, container])
    await mkdir(into, { recursive: true })
    const untar = spawnSync('tar', ['-xpf', archive, '-C', into], { encoding: 'utf8' })
    if (untar.status !== 0) throw new Error(`tar -x failed: ${untar.stderr}`)
    return into
  } finally {
    dockerCli(env, ['rm', '--force', container])
    await rm(archive, { force: true })
  }
}
