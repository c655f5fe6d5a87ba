import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareDocker } from '../scripts/lib/local-docker.js'

// What `npm run demo` says when it cannot build: Docker missing, or installed but not running.
// A stand-in `docker` on PATH answers `docker version` as the real CLI does when no engine runs.
const root = fileURLToPath(new URL('..', import.meta.url))
const DOWN =
  '#!/bin/sh\necho "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2\nexit 1\n'

describe('the demo without a running Docker engine', () => {
  let dir: string
  let fakeBin: string
  let emptyBin: string

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-demo-docker-'))
    fakeBin = path.join(dir, 'bin')
    emptyBin = path.join(dir, 'empty')
    await mkdir(fakeBin)
    await mkdir(emptyBin)
    await writeFile(path.join(fakeBin, 'docker'), DOWN)
    await chmod(path.join(fakeBin, 'docker'), 0o755)
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const envWith = (bin: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin, ...extra }
    if (!('GITOPS_TEST_DOCKER_HOST' in extra)) delete env.GITOPS_TEST_DOCKER_HOST
    delete env.DOCKER_HOST
    return env
  }

  it.each([
    [
      'the CLI is missing',
      () => envWith(emptyBin),
      'the docker CLI is not installed',
      /apt-get install docker\.io.*eval "\$\(bash scripts\/start-services\.sh\)"/
    ],
    [
      'the engine at the default socket is down',
      () => envWith(fakeBin),
      'no Docker engine answered at the default socket /var/run/docker.sock',
      /start the Docker engine \(sudo systemctl start docker.*eval "\$\(bash scripts\/start-services\.sh\)"/
    ],
    [
      'the engine named by GITOPS_TEST_DOCKER_HOST is down',
      () => envWith(fakeBin, { GITOPS_TEST_DOCKER_HOST: 'unix:///tmp/gone/docker.sock' }),
      'no Docker engine answered at unix:///tmp/gone/docker.sock',
      /start the Docker engine at unix:\/\/\/tmp\/gone\/docker\.sock/
    ]
  ])('%s: says why and how to get a real build', async (_case, env, reason, hint) => {
    const lines: string[] = []
    const setup = await prepareDocker(dir, { log: (line) => lines.push(line), env: env() })
    expect(setup.build).toBe(false)
    if (setup.build) return
    expect(setup.reason).toBe(reason)
    expect(setup.hint).toMatch(hint)
    expect(lines).toEqual([])
  })

  it('npm run demo prints the reason and the command to start an engine', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/demo.js', '--action', '__tests__/fixtures/demo-fake-action.js'],
      {
        cwd: root,
        env: envWith(`${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`),
        encoding: 'utf8',
        timeout: 60_000
      }
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(
      'Docker: not used, because no Docker engine answered at the default socket /var/run/docker.sock.'
    )
    expect(result.stdout).toMatch(
      /To build and push the images too: start the Docker engine \(sudo systemctl start docker.*bash scripts\/start-services\.sh/
    )
    expect(result.stdout).toContain(
      'Demo OK: images not built (build: false; see "To build and push" above)'
    )
  })
})
