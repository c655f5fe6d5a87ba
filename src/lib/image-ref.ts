/**
 * Image references as Docker reads them, in one module so that building, matching in files and
 * validating inputs agree on what a reference means. The grammar is that of the `reference`
 * package of distribution (the library the docker CLI parses names with):
 *   reference := name [ ":" tag ] [ "@" digest ];  name := [ domain "/" ] path
 *   path      := component ( "/" component )*;    component := [a-z0-9]+ ( separator [a-z0-9]+ )*
 *   separator := "." | "_" | "__" | "-"+;          tag := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
 *   domain    := host components joined by "." (or a bracketed IPv6 address), then [ ":" port ]
 * and its normalisation: `x` = `library/x` = `docker.io/library/x`; `index.docker.io` is
 * `docker.io`; any other registry (`registry-1.docker.io` included) is compared exactly.
 */

/** A path component: lower-case alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`
const PATH = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`

const PATH_RE = new RegExp(`^${PATH}$`)
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`)
const TAG_RE = /^[\w][\w.-]{0,127}$/
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/

/** Longest repository name Docker accepts (domain and path together). */
const MAX_NAME_LENGTH = 255

/** Docker Hub's canonical domain. */
export const DOCKER_HUB = 'docker.io'

/** A reference split as written, no normalisation: `REPOSITORY[:TAG][@DIGEST]`. */
interface ReferenceParts {
  /** The repository exactly as written (registry and path). */
  readonly repository: string
  /** '' when none. */
  readonly tag: string
  /** '' when none. */
  readonly digest: string
}

/** A valid reference in Docker's normalised form. */
interface ImageReference {
  /** Registry host with optional port, `docker.io` when none was written. */
  readonly domain: string
  /** The path after the domain, `library/x` for a Docker Hub official image. */
  readonly path: string
  /** '' when none. */
  readonly tag: string
  /** '' when none. */
  readonly digest: string
}

/** True for a well-formed `sha256:` digest. */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST_RE.test(value)
}

/** True for a tag Docker accepts (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`). */
export function isTag(value: string): boolean {
  return TAG_RE.test(value)
}

/** True for a registry host with optional port, as Docker's domain grammar has it. */
export function isRegistry(value: string): boolean {
  return DOMAIN_RE.test(value)
}

/** True for a namespace: empty, or path components joined by `/` (`acme`, `acme/team`). */
export function isNamespace(value: string): boolean {
  return value === '' || PATH_RE.test(value)
}

/**
 * Splits a reference as written; a `:` after the last `/` starts the tag, so `host:5000/x` is a
 * repository. No validation: for values read from files, where anything may stand.
 */
export function splitReference(text: string): ReferenceParts {
  const at = text.indexOf('@')
  const digest = at === -1 ? '' : text.slice(at + 1)
  const name = at === -1 ? text : text.slice(0, at)
  const colon = name.lastIndexOf(':')
  if (colon > name.lastIndexOf('/')) {
    return { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest }
  }
  return { repository: name, tag: '', digest }
}

/**
 * Splits a repository into domain and path as Docker does: the first component is a domain
 * when it holds `.` or `:`, is `localhost`, or has an upper-case letter; otherwise the domain is
 * Docker Hub. Undefined when the result breaks the grammar (e.g. `Docker.io/Acme/X`).
 */
function splitDomain(repository: string): { domain: string; path: string } | undefined {
  if (repository.length > MAX_NAME_LENGTH) return undefined
  const slash = repository.indexOf('/')
  const first = slash === -1 ? '' : repository.slice(0, slash)
  const isDomain =
    slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())
  let domain = isDomain ? first : DOCKER_HUB
  let path = isDomain ? repository.slice(slash + 1) : repository
  if (!DOMAIN_RE.test(domain) || !PATH_RE.test(path)) return undefined
  // Host names are case-insensitive; Docker compares them as written, we compare them folded.
  domain = domain.toLowerCase()
  if (domain === 'index.docker.io') domain = DOCKER_HUB
  if (domain === DOCKER_HUB && !path.includes('/')) path = `library/${path}`
  return { domain, path }
}

/** Parses and normalises a reference; undefined when it is not a valid Docker reference. */
export function parseReference(text: string): ImageReference | undefined {
  const parts = splitReference(text)
  const name = splitDomain(parts.repository)
  if (name === undefined) return undefined
  if (parts.tag !== '' && !isTag(parts.tag)) return undefined
  if (parts.digest !== '' && !isDigest(parts.digest)) return undefined
  if (text.includes('@') && parts.digest === '') return undefined
  return { ...name, tag: parts.tag, digest: parts.digest }
}

/** The full normalised name (`docker.io/library/x`), or undefined for an invalid repository. */
export function normalizeRepository(repository: string): string | undefined {
  const name = splitDomain(repository)
  return name === undefined ? undefined : `${name.domain}/${name.path}`
}

/** True when both are valid and name the same repository after normalisation. */
export function sameRepository(a: string, b: string): boolean {
  const left = normalizeRepository(a)
  return left !== undefined && left === normalizeRepository(b)
}
