// Debian's Squid as the forward proxy of the proxy tests: a private instance on 127.0.0.1 with the
// package's default access rules (so a CONNECT to a port outside SSL_ports is refused, as on a
// real corporate proxy), its own logs in a temp folder, and test names mapped to 127.0.0.1 for
// Squid alone through its hosts_file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running Squid. */
export interface Squid {
  /** `http://127.0.0.1:PORT`, for HTTP_PROXY / HTTPS_PROXY. */
  readonly url: string
  /** The access log so far (Squid's native format: `… TCP_MISS/200 … POST http://… …`). */
  accessLog(): string
  /** Waits until a line of the access log matches (Squid writes it after the exchange ends). */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>
  /** Stops Squid and removes its folder. */
  stop(): Promise<void>
}

/** What a test's Squid must allow and know. */
export interface SquidOptions {
  /** Ports a CONNECT may go to besides 443 (the test's https servers). */
  readonly sslPorts?: readonly number[]
  /** Names Squid resolves to 127.0.0.1 (e.g. `argocd.test`). */
  readonly hosts?: readonly string[]
}

const SBIN_PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`

let found: boolean | undefined

/** Whether Debian's `squid` can be run here. */
export function hasSquid(): boolean {
  found ??=
    spawnSync('squid', ['-v'], { env: { ...process.env, PATH: SBIN_PATH }, stdio: 'ignore' })
      .status === 0
  return found
}

/**
 * True when Squid is there. Otherwise: under CI=true an error (the test file fails: a proxy test is
 * never skipped in CI); elsewhere false after one warning line.
 */
export function squidOrWarn(what: string): boolean {
  if (hasSquid()) return true
  if (process.env.CI === 'true') {
    throw new Error(
      `${what}: squid is not installed under CI=true (never skipped); apt-get install squid`
    )
  }
  console.warn(`SKIPPING ${what}: squid is not installed (apt-get install squid)`)
  return false
}

// Debian 12's default rules, with the test's https ports added to SSL_ports.
function config(dir: string, port: number, sslPorts: readonly number[]): string {
  return [
    'acl SSL_ports port 443',
    ...sslPorts.map((p) => `acl SSL_ports port ${p}`),
    'acl Safe_ports port 80',
    'acl Safe_ports port 21',
    'acl Safe_ports port 443',
    'acl Safe_ports port 70',
    'acl Safe_ports port 210',
    'acl Safe_ports port 1025-65535',
    'acl Safe_ports port 280',
    'acl Safe_ports port 488',
    'acl Safe_ports port 591',
    'acl Safe_ports port 777',
    'http_access deny !Safe_ports',
    'http_access deny CONNECT !SSL_ports',
    'http_access allow localhost manager',
    'http_access deny manager',
    'http_access allow localhost',
    'http_access deny all',
    `http_port 127.0.0.1:${port}`,
    `pid_filename ${join(dir, 'squid.pid')}`,
    `cache_log ${join(dir, 'cache.log')}`,
    `access_log stdio:${join(dir, 'access.log')}`,
    'cache_store_log none',
    'cache deny all',
    'cache_mem 8 MB',
    'netdb_filename none',
    'logfile_rotate 0',
    'shutdown_lifetime 1 seconds',
    `hosts_file ${join(dir, 'hosts')}`,
    `coredump_dir ${dir}`,
    ''
  ].join('\n')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => {
        resolve(port)
      })
    })
  })
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => {
      resolve(false)
    })
  })
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

/** Starts Squid in the foreground (`squid -N -f CONF`) and waits until it listens. */
export async function startSquid(options: SquidOptions = {}): Promise<Squid> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-squid-'))
  const port = await freePort()
  writeFileSync(join(dir, 'squid.conf'), config(dir, port, options.sslPorts ?? []))
  writeFileSync(join(dir, 'hosts'), `127.0.0.1 ${(options.hosts ?? []).join(' ')}\n`)
  writeFileSync(join(dir, 'access.log'), '')
  // Started as root, Squid drops to the `proxy` user, which must write its logs and pid file.
  if (process.getuid?.() === 0) {
    const ids = /uid=(\d+)\S* gid=(\d+)/.exec(
      spawnSync('id', ['proxy'], { encoding: 'utf8' }).stdout
    )
    if (ids !== null) {
      for (const file of ['', 'access.log'])
        chownSync(join(dir, file), Number(ids[1]), Number(ids[2]))
    }
  }
  const child = spawn('squid', ['-N', '-f', join(dir, 'squid.conf')], {
    env: { ...process.env, PATH: SBIN_PATH },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const cacheLog = (): string => {
    const file = join(dir, 'cache.log')
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }
  const stop = async (): Promise<void> => {
    if (!exited(child)) {
      const gone = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await gone
      clearTimeout(killer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 15_000
  while (!(await answers(port))) {
    if (exited(child) || Date.now() > deadline) {
      const why = `${stderr}\n${cacheLog()}`.trim().split('\n').slice(-5).join(' | ')
      await stop()
      throw new Error(`squid did not start on 127.0.0.1:${port}: ${why}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const accessLog = (): string => readFileSync(join(dir, 'access.log'), 'utf8')
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog,
    waitForLog: async (pattern, timeoutMs = 5000) => {
      const end = Date.now() + timeoutMs
      for (;;) {
        const line = accessLog()
          .split('\n')
          .find((l) => pattern.test(l))
        if (line !== undefined) return line
        if (Date.now() > end) {
          throw new Error(`no access.log line matches ${String(pattern)}:\n${accessLog()}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    stop
  }
}
