import { createHash } from 'node:crypto'
import { errorMessage } from '../lib/errors.js'
import type { HttpClient, HttpResponse } from '../lib/http-client.js'
import { isDigest, parseReference } from '../lib/image-ref.js'
import { isLoopbackHost } from '../lib/loopback.js'
import { parseChallenge, pickManifest, registryBase } from './registry-protocol.js'

/** Every manifest type a registry may hold for a tag. */
const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/** Time limit of each registry request. */
const REGISTRY_TIMEOUT_MS = 15_000

/** Credentials for one registry (the `registry`, `username` and `password` inputs). */
export interface RegistryCredentials {
  readonly registry: string
  readonly username: string
  readonly password: string
}

/** What the registry holds under a tag. */
export type ImageLookup =
  | {
      readonly kind: 'found'
      /** The tag's manifest (or index) digest, as `Docker-Content-Digest` gives it. */
      readonly digest: string
      /** The image config's labels (of the platform manifest read, for an index). */
      readonly labels: Readonly<Record<string, string>>
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown'; readonly reason: string }

/** A registry request that did not go as expected (the lookup turns it into `unknown`). */
class LookupError extends Error {}

/**
 * Whether the registry's credentials may go to a token service (`realm`): only to the
 * registry's own origin, or over https, or over plain http to a loopback address (a test
 * registry). Anything else would send the password in clear text, or to a stranger over http.
 */
function realmMayHaveCredentials(realm: URL, registryOrigin: string): boolean {
  if (realm.origin === registryOrigin) return true
  if (realm.protocol === 'https:') return true
  return realm.protocol === 'http:' && isLoopbackHost(realm.hostname)
}

/**
 * Reads what the registry holds under `repository:tag` with small API requests only: the
 * manifest (for an index, one platform's manifest) and the image config JSON; never a layer.
 * Authenticates as Docker does: the bearer-token flow when the registry asks for it (Docker
 * Hub, GHCR and most others), basic auth when it asks for that; `credentials` are used only for
 * their own registry. Never throws: anything unexpected is `unknown` with the reason.
 */
export async function lookupImage(
  http: HttpClient,
  repository: string,
  tag: string,
  options: { readonly credentials?: RegistryCredentials; readonly platform?: string } = {}
): Promise<ImageLookup> {
  const ref = parseReference(repository)
  if (ref === undefined)
    return { kind: 'unknown', reason: `'${repository}' is not a valid repository` }
  const mine =
    options.credentials &&
    parseReference(`${options.credentials.registry}/x`)?.domain === ref.domain
  const session = createSession(
    http,
    registryBase(ref.domain),
    ref.path,
    mine ? options.credentials : undefined
  )
  try {
    const top = await session.get(`/v2/${ref.path}/manifests/${tag}`, MANIFEST_ACCEPT)
    if (top.status === 404) return { kind: 'missing' }
    expectOk(top, 'the manifest')
    // The digest is what skip-unchanged reports and the files may pin: it must be the digest of
    // the manifest read, not merely what a header (or a proxy in between) claims.
    const digest = top.headers['docker-content-digest'] ?? sha256(top.body)
    if (!isDigest(digest)) {
      throw new LookupError(
        `the registry gave an invalid Docker-Content-Digest '${String(digest)}'`
      )
    }
    if (sha256(top.body) !== digest) {
      throw new LookupError(
        `the manifest does not match its Docker-Content-Digest ${digest} (its content is ${sha256(top.body)})`
      )
    }
    let manifest = parseJson(top.body, 'the manifest')
    const config = (manifest as { config?: { digest?: unknown } }).config
    if (config === undefined) {
      const chosen = pickManifest(manifest, options.platform)
      if (chosen === undefined) throw new LookupError('the image index lists no image manifest')
      const platform = await session.get(`/v2/${ref.path}/manifests/${chosen}`, MANIFEST_ACCEPT)
      expectOk(platform, `the manifest ${chosen}`)
      if (sha256(platform.body) !== chosen) {
        throw new LookupError(`the manifest ${chosen} does not match its digest`)
      }
      manifest = parseJson(platform.body, `the manifest ${chosen}`)
    }
    const configDigest = (manifest as { config?: { digest?: unknown } }).config?.digest
    if (!isDigest(configDigest)) throw new LookupError('the manifest names no image config')
    const blob = await session.get(`/v2/${ref.path}/blobs/${configDigest}`, '*/*')
    expectOk(blob, 'the image config')
    if (sha256(blob.body) !== configDigest) {
      throw new LookupError(`the image config does not match its digest ${configDigest}`)
    }
    const labels = (parseJson(blob.body, 'the image config') as { config?: { Labels?: unknown } })
      .config?.Labels
    const clean: Record<string, string> = {}
    if (labels !== null && typeof labels === 'object') {
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value === 'string') clean[key] = value
      }
    }
    return { kind: 'found', digest, labels: clean }
  } catch (error) {
    return { kind: 'unknown', reason: errorMessage(error) }
  }
}

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new LookupError(`${what} is not JSON`)
  }
}

function expectOk(response: HttpResponse, what: string): void {
  if (response.status === 200) return
  const detail = response.body.replace(/\s+/g, ' ').trim().slice(0, 200)
  throw new LookupError(
    `the registry answered ${response.status} for ${what}${detail ? `: ${detail}` : ''}`
  )
}

/** GETs against one registry, answering its auth challenge once and keeping the result. */
function createSession(
  http: HttpClient,
  base: string,
  path: string,
  credentials: RegistryCredentials | undefined
): { get(url: string, accept: string): Promise<HttpResponse> } {
  let authorization: string | undefined
  const basic = credentials
    ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
    : undefined

  const send = (url: string, accept: string, auth: string | undefined): Promise<HttpResponse> =>
    http.request({
      method: 'GET',
      url,
      headers: { Accept: accept, ...(auth === undefined ? {} : { Authorization: auth }) },
      timeoutMs: REGISTRY_TIMEOUT_MS
    })

  const answerChallenge = async (header: string | undefined): Promise<string> => {
    const challenge = parseChallenge(header)
    if (challenge?.scheme === 'basic') {
      if (basic === undefined)
        throw new LookupError('the registry needs credentials (username and password)')
      return basic
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) {
      throw new LookupError(
        `the registry asked for unsupported authentication (${header ?? 'none'})`
      )
    }
    let realm: URL
    try {
      realm = new URL(challenge.params.realm)
    } catch {
      throw new LookupError(
        `the registry named an invalid token service '${challenge.params.realm}'`
      )
    }
    if (basic !== undefined && !realmMayHaveCredentials(realm, new URL(base).origin)) {
      throw new LookupError(
        `the registry sends the credentials to the token service ${realm.origin}${realm.pathname}, ` +
          'which is neither the registry itself nor https; they were not sent'
      )
    }
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service)
    realm.searchParams.set('scope', challenge.params.scope ?? `repository:${path}:pull`)
    const answer = await send(realm.toString(), 'application/json', basic)
    if (answer.status !== 200) {
      throw new LookupError(`the token service ${realm.origin} answered ${answer.status}`)
    }
    const body = parseJson(answer.body, 'the token answer') as {
      token?: unknown
      access_token?: unknown
    }
    const token = typeof body.token === 'string' ? body.token : body.access_token
    if (typeof token !== 'string' || token === '')
      throw new LookupError('the token service gave no token')
    return `Bearer ${token}`
  }

  return {
    async get(relative, accept) {
      let url = `${base}${relative}`
      let response = await send(url, accept, authorization)
      if (response.status === 401) {
        authorization = await answerChallenge(response.headers['www-authenticate'])
        response = await send(url, accept, authorization)
      }
      // Blobs may be served from elsewhere (Docker Hub sends them to a CDN): follow a few
      // redirects by hand, and carry the credentials only to the registry's own origin.
      for (let hop = 0; hop < 3 && [301, 302, 303, 307, 308].includes(response.status); hop++) {
        const location = response.headers.location
        if (location === undefined) break
        const next = new URL(location, url)
        url = next.toString()
        response = await send(
          url,
          accept,
          next.origin === new URL(base).origin ? authorization : undefined
        )
      }
      return response
    }
  }
}
