// Finds the Docker engine and registries of .ci/services.sh for the integration tests and benches.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The services the Docker integration tests use (see .ci/services.sh). */
export interface DockerEnv {
  /** `unix:///…/docker.sock`, for DOCKER_HOST. */
  readonly dockerHost: string
  /** `127.0.0.1:PORT`, a registry without auth. */
  readonly registry: string
  /** `127.0.0.1:PORT`, a registry with htpasswd auth. */
  readonly authRegistry: string
  readonly user: string
  readonly pass: string
  /** A static busybox binary, to make a base image without downloading anything. */
  readonly busybox: string
}

const VARS = {
  dockerHost: 'GITOPS_TEST_DOCKER_HOST',
  registry: 'GITOPS_TEST_REGISTRY',
  authRegistry: 'GITOPS_TEST_AUTH_REGISTRY',
  user: 'GITOPS_TEST_AUTH_USER',
  pass: 'GITOPS_TEST_AUTH_PASS',
  busybox: 'GITOPS_TEST_BUSYBOX'
} as const

let reason = ''
let cached: Promise<DockerEnv | null> | undefined

function fromVariables(vars: Readonly<Record<string, string | undefined>>): DockerEnv | null {
  const values = Object.entries(VARS).map(([key, name]) => [key, vars[name]] as const)
  if (values.some(([, value]) => value === undefined || value === '')) return null
  return Object.fromEntries(values) as unknown as DockerEnv
}

function repoRoot(): string | undefined {
  let dir = process.cwd()
  for (;;) {
    if (existsSync(join(dir, '.ci', 'services.sh'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function parseExports(text: string): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const match of text.matchAll(/^export (\w+)='([^']*)'$/gm)) {
    vars[match[1]!] = match[2]!
  }
  return vars
}

async function registryAnswers(registry: string, expected: number): Promise<boolean> {
  try {
    const response = await fetch(`http://${registry}/v2/`, { signal: AbortSignal.timeout(5000) })
    return response.status === expected
  } catch {
    return false
  }
}

async function check(env: DockerEnv): Promise<DockerEnv | null> {
  const version = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], {
    env: { ...process.env, DOCKER_HOST: env.dockerHost },
    encoding: 'utf8',
    timeout: 20_000
  })
  if (version.status !== 0) {
    reason = `the Docker engine at ${env.dockerHost} does not answer: ${(version.stderr || String(version.error)).trim()}`
    return null
  }
  if (
    !(await registryAnswers(env.registry, 200)) ||
    !(await registryAnswers(env.authRegistry, 401))
  ) {
    reason = `the test registries ${env.registry} / ${env.authRegistry} do not answer`
    return null
  }
  if (!existsSync(env.busybox)) {
    reason = `no busybox binary at ${env.busybox}`
    return null
  }
  return env
}

async function find(): Promise<DockerEnv | null> {
  const given = fromVariables(process.env)
  if (given) return check(given)
  // Not exported: start (or reuse) the services as CI does, without installing packages.
  const root = repoRoot()
  if (root === undefined) {
    reason = 'GITOPS_TEST_* are not set and .ci/services.sh was not found'
    return null
  }
  const started = spawnSync('bash', [join(root, '.ci', 'services.sh')], {
    env: {
      ...process.env,
      GITOPS_SERVICES_NO_INSTALL: '1',
      // What this starts is stopped when its owner ends: the jest run (global-setup.ts), else
      // this process (a bench). Services already running are reused and never stopped.
      GITOPS_SERVICES_OWNER: process.env.GITOPS_SERVICES_OWNER ?? String(process.pid)
    },
    encoding: 'utf8',
    timeout: 120_000
  })
  const env = fromVariables(parseExports(started.stdout))
  if (started.status !== 0 || env === null) {
    const said = started.stderr.trim().split('\n').slice(-3).join(' | ')
    reason =
      `GITOPS_TEST_* are not set and the services could not be started (${said || String(started.error)}); ` +
      'run `eval "$(bash scripts/start-services.sh)"` as root'
    return null
  }
  return check(env)
}

/**
 * The Docker engine and registries for integration tests: from the GITOPS_TEST_* variables, or
 * started (reused when running) by .ci/services.sh. Null when none can be had; see
 * `dockerUnavailableReason()`.
 */
export function getDockerEnv(): Promise<DockerEnv | null> {
  cached ??= find()
  return cached
}

/** Why `getDockerEnv()` returned null. */
export function dockerUnavailableReason(): string {
  const fromCi = process.env.GITOPS_TEST_SERVICES_ERROR
  return fromCi ? `${reason} (.ci/services.sh said: ${fromCi})` : reason
}

/**
 * The Docker services for a test file, or null after a loud warning. Under CI=true a missing
 * engine is an error (thrown, so the test file fails) instead of a skip.
 */
export async function dockerEnvOrWarn(what: string): Promise<DockerEnv | null> {
  const env = await getDockerEnv()
  if (env) return env
  const reason = dockerUnavailableReason()
  if (process.env.CI === 'true') {
    throw new Error(`${what}: no Docker engine under CI=true (never skipped): ${reason}`)
  }
  console.warn(`SKIPPING ${what}: no Docker engine: ${reason}`)
  return null
}
