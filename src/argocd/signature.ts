import { createHmac } from 'node:crypto'

/** The signature headers GitHub sends: SHA-256 (checked by Argo CD ≥ 2.13) and SHA-1 (≤ 2.12). */
interface SignatureHeaders {
  readonly 'X-Hub-Signature-256': string
  readonly 'X-Hub-Signature': string
}

/**
 * Signs `body` (the exact bytes sent) with `secret`, trimmed of surrounding whitespace as the
 * input is; lowercase hex, as Argo CD compares bytes.
 */
export function signBody(body: Buffer, secret: string): SignatureHeaders {
  const key = Buffer.from(secret.trim(), 'utf8')
  const hex = (algorithm: 'sha1' | 'sha256'): string =>
    createHmac(algorithm, key).update(body).digest('hex')
  return {
    'X-Hub-Signature-256': `sha256=${hex('sha256')}`,
    'X-Hub-Signature': `sha1=${hex('sha1')}`
  }
}
