// A throw-away self-signed certificate for 127.0.0.1 (and any names a test adds), made with the openssl CLI (Node's crypto
// cannot issue X.509 certificates). Undefined when openssl is not installed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** PEM key and certificate. */
export interface KeyAndCert {
  readonly key: string
  readonly cert: string
}

/** Whether the openssl CLI can be run. */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * A new EC P-256 key and a one-day self-signed certificate for IP 127.0.0.1, localhost and
 * `dnsNames` (such as a name only a test proxy resolves).
 */
export function createSelfSignedCert(dnsNames: readonly string[] = []): KeyAndCert | undefined {
  if (!hasOpenssl()) return undefined
  const dir = mkdtempSync(join(tmpdir(), 'argocd-tls-'))
  try {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        `subjectAltName=${['IP:127.0.0.1', 'DNS:localhost', ...dnsNames.map((name) => `DNS:${name}`)].join(',')}`
      ],
      { stdio: 'ignore' }
    )
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
