// Finds a Docker engine and a registry for the demo, or says plainly why there is none. Starts
// only a registry itself (Debian's docker-registry, on 127.0.0.1 with a temporary config); the
// engine must already run (GITOPS_TEST_DOCKER_HOST, DOCKER_HOST or the default socket).
import { spawn } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { run, must } from './run.js'

/** Whether the file is an ELF executable without a program interpreter (statically linked). */
export function isStaticElf(bytes) {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return false
  const is64 = bytes[4] === 2
  const le = bytes[5] === 1
  const u16 = (o) => (le ? bytes.readUInt16LE(o) : bytes.readUInt16BE(o))
  const u32 = (o) => (le ? bytes.readUInt32LE(o) : bytes.readUInt32BE(o))
  const phoff = is64 ? Number(le ? bytes.readBigUInt64LE(32) : bytes.readBigUInt64BE(32)) : u32(28)
  const phentsize = u16(is64 ? 54 : 42)
  const phnum = u16(is64 ? 56 : 44)
  if (phnum === 0 || phoff + phnum * phentsize > bytes.length) return false
  for (let i = 0; i < phnum; i++) {
    if (u32(phoff + i * phentsize) === 3) return false // PT_INTERP: needs a dynamic loader
  }
  return true
}

function readHead(path, size = 64 * 1024) {
  let fd
  try {
    fd = openSync(path, 'r')
    const buffer = Buffer.alloc(size)
    return buffer.subarray(0, readSync(fd, buffer, 0, size, 0))
  } catch {
    return Buffer.alloc(0)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The first statically linked busybox on this machine (Debian's busybox-static), if any. */
export function findStaticBusybox(candidates = ['/bin/busybox', '/usr/bin/busybox']) {
  return candidates.find((path) => existsSync(path) && isStaticElf(readHead(path)))
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => {
        resolve(port)
      })
    })
  })
}

async function registryAnswers(host, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200 || res.status === 401) return true
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

async function startRegistry(dir) {
  const port = await freePort()
  const config = join(dir, 'registry.yml')
  mkdirSync(join(dir, 'registry-data'), { recursive: true })
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'registry-data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ''
    ].join('\n')
  )
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' })
  const started = await new Promise((resolve) => {
    child.once('error', () => {
      resolve(false)
    })
    child.once('spawn', () => {
      resolve(true)
    })
  })
  const host = `127.0.0.1:${port}`
  if (!started || !(await registryAnswers(host, 15_000))) {
    child.kill('SIGKILL')
    return undefined
  }
  return { host, process: child }
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

// How to get a real build, for each reason there is none. The project's own script starts a
// private engine and registries (installing Debian's packages when run as root) and exports the
// GITOPS_TEST_* variables this file reads, so the demo finds them in the same shell.
const START_SERVICES = 'eval "$(bash scripts/start-services.sh)"'

/** What to do when the docker CLI is missing, the engine is down, or there is no registry. */
export function dockerHint(kind, where) {
  if (kind === 'no-cli') {
    return (
      'install Docker (on Debian, as root: apt-get install docker.io) and start it, or run ' +
      `${START_SERVICES} as root to install and start a private engine and registry, ` +
      'then run npm run demo again in the same shell'
    )
  }
  if (kind === 'no-engine') {
    return (
      `start the Docker engine${where ? ` at ${where}` : ''} ` +
      '(sudo systemctl start docker, or open Docker Desktop), ' +
      `or run ${START_SERVICES} (as root) to start a private engine and registry for the demo, ` +
      'then run npm run demo again in the same shell'
    )
  }
  return (
    `install Debian's docker-registry (apt-get install docker-registry), or run ${START_SERVICES} ` +
    '(as root), which starts one and exports GITOPS_TEST_REGISTRY, then run npm run demo again'
  )
}

/**
 * Resolves `{ build: true, env, registry, baseImage, notes, close }` when images can be built and
 * pushed, else `{ build: false, reason, hint, close }` (`hint` says how to get a real build).
 * `env` holds DOCKER_HOST for the action. `options.env` is the environment to look in (default
 * process.env).
 */
export async function prepareDocker(dir, { log, env: base = process.env }) {
  const env = { ...base }
  const given = base.GITOPS_TEST_DOCKER_HOST
  if (given) env.DOCKER_HOST = given
  const none = (reason, hint) => ({ build: false, reason, hint, close: () => Promise.resolve() })

  const engine = await run('docker', ['version', '--format', '{{.Server.Version}}'], {
    env,
    timeoutMs: 20_000
  })
  if (engine.code !== 0) {
    // A program that cannot be started ends with a negative errno (or null), not an exit code.
    if (engine.code === null || engine.code < 0 || /\bENOENT\b/.test(engine.stderr)) {
      return none('the docker CLI is not installed', dockerHint('no-cli'))
    }
    const where = env.DOCKER_HOST ?? 'the default socket /var/run/docker.sock'
    return none(`no Docker engine answered at ${where}`, dockerHint('no-engine', env.DOCKER_HOST))
  }
  log(`Docker engine ${engine.stdout.trim()} at ${env.DOCKER_HOST ?? '/var/run/docker.sock'}`)

  let registry = base.GITOPS_TEST_REGISTRY?.replace(/^https?:\/\//, '').replace(/\/+$/, '')
  let registryProcess
  if (registry) {
    if (!(await registryAnswers(registry, 10_000))) {
      return none(
        `the registry GITOPS_TEST_REGISTRY=${registry} does not answer on /v2/`,
        dockerHint('no-registry')
      )
    }
  } else {
    const started = await startRegistry(dir)
    if (!started)
      return none('no registry: docker-registry could not be started', dockerHint('no-registry'))
    registry = started.host
    registryProcess = started.process
  }
  log(`Registry ${registry}${registryProcess ? ' (started by the demo)' : ''}`)
  const close = () => (registryProcess ? stopProcess(registryProcess) : Promise.resolve())

  try {
    const notes = []
    const context = join(dir, 'base-image')
    mkdirSync(context, { recursive: true })
    const busybox = findStaticBusybox()
    if (busybox) {
      copyFileSync(busybox, join(context, 'busybox'))
      writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\n')
    } else {
      notes.push(
        'No static busybox found (apt-get install busybox-static): the images build, but hold no server.'
      )
      writeFileSync(
        join(context, 'NOTE'),
        'placeholder base: install busybox-static for a real one\n'
      )
      writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY NOTE /NOTE\n')
    }
    const baseImage = `${registry}/tutorial/base:busybox`
    await must('docker', ['build', '-q', '-t', baseImage, context], { env, timeoutMs: 180_000 })
    await must('docker', ['push', '-q', baseImage], { env, timeoutMs: 180_000 })
    log(`Base image ${baseImage} built from ${busybox ?? 'a placeholder file'}`)
    return { build: true, env, registry, baseImage, notes, close }
  } catch (error) {
    await close()
    return none(
      `the base image could not be built and pushed: ${error.message}`,
      "check the engine with docker info, or use the project's own engine: " +
        `${START_SERVICES} (as root), then run npm run demo again`
    )
  }
}

/** Removes local images the demo made; failures are ignored (the engine may be gone). */
export async function removeImages(env, refs) {
  if (refs.length > 0) await run('docker', ['rmi', '-f', ...refs], { env, timeoutMs: 60_000 })
}
