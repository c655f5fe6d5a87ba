import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { releaseServices } from './support/global-teardown.js'
import { repoRoot } from './support/run-action.js'

// .ci/services.sh in a folder of its own (GITOPS_SERVICES_DIR): what a test run or .ci/run starts
// is stopped when it ends, released or not; what was started on purpose is reused and left alone.
// Every process the script starts names that folder on its command line, which is how the test
// finds what remains.

const script = path.join(repoRoot, '.ci', 'services.sh')
// dockerd runs as root only. A user who is not root (GitHub's ci.yml runs npm test as the runner
// user, and this file again as root) gets the suite skipped with a warning, under CI too; as root,
// missing programs fail it under CI=true (.ci/run installs them before the tests).
const root = process.getuid?.() === 0
const installed = ['dockerd', 'docker-registry', 'htpasswd', 'curl'].every(
  (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0
)
if (!root) {
  console.warn('SKIPPING .ci/services.sh tests: they start dockerd, which needs root')
} else if (!installed) {
  const reason = 'dockerd, docker-registry, htpasswd or curl is not installed'
  if (process.env.CI === 'true') {
    throw new Error(`.ci/services.sh tests: ${reason} (never skipped under CI=true)`)
  }
  console.warn(`SKIPPING .ci/services.sh tests: ${reason}; run bash scripts/start-services.sh`)
}
const itWithDocker = root && installed ? it : it.skip
// dockerd may take up to 60 s to answer on a loaded machine, and a watcher a few seconds more.
const SLOW = 180_000

/** Pids of live processes whose command line names `dir`. */
function processesOf(dir: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    let command: string
    try {
      command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')
    } catch {
      continue // ended meanwhile
    }
    if (command.includes(dir)) found.push({ pid: Number(entry), command })
  }
  return found
}

async function noneRemainWithin(dir: string, ms: number): Promise<string[]> {
  const until = Date.now() + ms
  for (;;) {
    const left = processesOf(dir).map((p) => `${p.pid} ${p.command.slice(0, 80)}`)
    if (left.length === 0 || Date.now() > until) return left
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('.ci/services.sh: who started the services stops them', () => {
  const owners: ChildProcess[] = []
  let dir = ''

  /** Runs the script on this test's folder, with none of the caller's service variables. */
  function services(
    args: string[],
    owner?: number
  ): { status: number | null; stdout: string; stderr: string } {
    const env: NodeJS.ProcessEnv = {}
    for (const [name, value] of Object.entries(process.env)) {
      if (!name.startsWith('GITOPS_TEST_') && !name.startsWith('GITOPS_SERVICES')) env[name] = value
    }
    env.GITOPS_SERVICES_DIR = dir
    env.GITOPS_SERVICES_NO_INSTALL = '1'
    if (owner !== undefined) env.GITOPS_SERVICES_OWNER = String(owner)
    return spawnSync('bash', [script, ...args], { env, encoding: 'utf8', timeout: 120_000 })
  }

  /** A process standing in for a test run: it lives until killed. */
  function owner(): number {
    const child = spawn('sleep', ['600'], { stdio: 'ignore' })
    owners.push(child)
    if (child.pid === undefined) throw new Error('could not start sleep')
    return child.pid
  }

  function expectRunning(started: ReturnType<typeof services>): void {
    expect({ status: started.status, stderr: started.stderr }).toMatchObject({ status: 0 })
    expect(started.stdout).toMatch(/^export GITOPS_TEST_DOCKER_HOST='unix:\/\/.*'$/m)
    const commands = processesOf(dir).map((p) => p.command)
    expect(commands.filter((c) => c.startsWith('dockerd '))).toHaveLength(1)
    expect(commands.filter((c) => c.startsWith('docker-registry serve '))).toHaveLength(2)
  }

  beforeAll(async () => {
    // Short: dockerd's socket path must fit in 108 bytes.
    dir = await mkdtemp(path.join(tmpdir(), 'gr-svc-'))
  })

  afterEach(() => {
    for (const child of owners.splice(0)) child.kill('SIGKILL')
    services(['stop'])
  })

  afterAll(async () => {
    for (const { pid } of processesOf(dir)) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // ended meanwhile
      }
    }
    await rm(dir, { recursive: true, force: true })
  })

  itWithDocker(
    'a run that started them stops them when it releases them',
    async () => {
      const run = owner()
      expectRunning(services([], run))
      expect(readFileSync(path.join(dir, 'owner'), 'utf8').trim()).toBe(String(run))

      // Another process's release is not this run's.
      expect(services(['release', String(owner())]).stderr).toMatch(/left running/)
      expect(processesOf(dir).length).toBeGreaterThanOrEqual(4)

      expect(services(['release', String(run)]).status).toBe(0)
      expect(await noneRemainWithin(dir, 2000)).toEqual([])
      expect(existsSync(path.join(dir, 'owner'))).toBe(false)
    },
    SLOW
  )

  itWithDocker(
    'a run that dies without releasing them still gets them stopped',
    async () => {
      const run = owner()
      expectRunning(services([], run))
      owners.find((child) => child.pid === run)?.kill('SIGKILL')
      expect(await noneRemainWithin(dir, 30_000)).toEqual([])
    },
    SLOW
  )

  itWithDocker(
    'jest’s globalTeardown stops what this jest process started',
    async () => {
      expectRunning(services([], process.pid))
      const said = releaseServices(process.pid, { ...process.env, GITOPS_SERVICES_DIR: dir })
      expect(said).toMatch(/stopped the services process \d+ started/)
      expect(await noneRemainWithin(dir, 2000)).toEqual([])
    },
    SLOW
  )

  itWithDocker(
    'services started on purpose are reused by a run and left running',
    async () => {
      expectRunning(services([]))
      const before = processesOf(dir)
        .map((p) => p.pid)
        .sort((a, b) => a - b)
      const run = owner()
      const reused = services([], run)
      expect(reused.stderr).toMatch(/reusing running services/)
      expect(services(['release', String(run)]).stderr).toMatch(/left running/)
      // The run ends: nothing is stopped either.
      owners.find((child) => child.pid === run)?.kill('SIGKILL')
      await new Promise((resolve) => setTimeout(resolve, 2500))
      expect(
        processesOf(dir)
          .map((p) => p.pid)
          .sort((a, b) => a - b)
      ).toEqual(before)

      expect(services(['stop']).status).toBe(0)
      expect(await noneRemainWithin(dir, 2000)).toEqual([])
    },
    SLOW
  )
})
