/** The registry protocol as data: where a registry answers, its auth challenge, an index's manifest. */
import { DOCKER_HUB, isDigest } from '../lib/image-ref.js'
import { isLoopbackHost } from '../lib/loopback.js'

/** `https://HOST` for a domain; plain http for loopback, which Docker also treats as insecure. */
export function registryBase(domain: string): string {
  const host = domain === DOCKER_HUB ? 'registry-1.docker.io' : domain
  return `${isLoopbackHost(host.replace(/:\d+$/, '')) ? 'http' : 'https'}://${host}`
}

/** The parameters of a `WWW-Authenticate` challenge (`Bearer realm="…",service="…"`). */
export function parseChallenge(
  header: string | undefined
): { scheme: string; params: Record<string, string> } | undefined {
  if (header === undefined) return undefined
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header)
  if (match === null) return undefined
  const params: Record<string, string> = {}
  for (const param of (match[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    params[(param[1] ?? '').toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1')
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params }
}

/**
 * From an image index, the manifest to read labels from: the wanted platform when it is there,
 * else linux/amd64, else the first real image (attestation entries, `unknown/unknown`, are not).
 */
export function pickManifest(index: unknown, platform?: string): string | undefined {
  const entries = (index as { manifests?: unknown } | null)?.manifests
  if (!Array.isArray(entries)) return undefined
  const images = entries.flatMap((entry: unknown) => {
    const item = entry as {
      digest?: unknown
      platform?: { os?: unknown; architecture?: unknown; variant?: unknown }
    }
    if (!isDigest(item.digest)) return []
    const os = typeof item.platform?.os === 'string' ? item.platform.os : ''
    const arch = typeof item.platform?.architecture === 'string' ? item.platform.architecture : ''
    const variant = typeof item.platform?.variant === 'string' ? item.platform.variant : ''
    if (os === 'unknown' || arch === 'unknown') return []
    return [{ digest: item.digest, names: [`${os}/${arch}`, `${os}/${arch}/${variant}`] }]
  })
  const wanted = [platform?.trim(), 'linux/amd64'].filter((p): p is string => !!p)
  for (const name of wanted) {
    const hit = images.find((image) => image.names.includes(name))
    if (hit) return hit.digest
  }
  return images[0]?.digest
}
