/** An image reference split into its parts: `REPOSITORY[:TAG][@DIGEST]`. */
export interface ImageRef {
  /** The repository exactly as written (registry and path). */
  readonly repository: string
  readonly tag: string
  readonly digest: string
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** Splits an image reference; a `:` after the last `/` starts the tag (so `host:5000/x` is a repository). */
export function parseImageRef(text: string): ImageRef {
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
 * The comparable form of a repository: Docker Hub names lose `docker.io/` and `library/`
 * (`docker.io/library/x` = `library/x` = `x`, `docker.io/ns/x` = `ns/x`); other registries are
 * kept exactly.
 */
export function normalizeRepository(repository: string): string {
  const slash = repository.indexOf('/')
  const first = slash === -1 ? '' : repository.slice(0, slash)
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost'
  let path = repository
  if (hasRegistry) {
    if (!DOCKER_HUB.has(first.toLowerCase())) return repository
    path = repository.slice(slash + 1)
  }
  if (path.startsWith('library/') && !path.slice('library/'.length).includes('/')) {
    path = path.slice('library/'.length)
  }
  return path
}

/** True when two repositories name the same image repository (see normalizeRepository). */
export function sameRepository(a: string, b: string): boolean {
  return normalizeRepository(a) === normalizeRepository(b)
}
