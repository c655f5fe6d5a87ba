const DIGEST = /^sha256:[a-f0-9]{64}$/

/** True for a well-formed `sha256:` digest. */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value)
}

/** The pushed manifest digest (`containerimage.digest`) from a buildx `--metadata-file`. */
export function digestFromMetadata(text: string): string | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  if (data === null || typeof data !== 'object') return undefined
  const digest = (data as Record<string, unknown>)['containerimage.digest']
  return isDigest(digest) ? digest : undefined
}

/** The digest `docker push` reports for `tag` (`TAG: digest: sha256:… size: N`). */
export function digestFromPushOutput(output: string, tag: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\S+): digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(line.trim())
    if (match?.[1] === tag) return match[2]
  }
  return undefined
}

/**
 * A repository in the short form Docker uses in `RepoDigests`: `docker.io/` and
 * `docker.io/library/` (and `index.docker.io/`) are dropped.
 */
export function normalizeRepository(repository: string): string {
  const lower = repository.toLowerCase()
  for (const prefix of ['docker.io/library/', 'index.docker.io/library/']) {
    if (lower.startsWith(prefix)) return lower.slice(prefix.length)
  }
  for (const prefix of ['docker.io/', 'index.docker.io/']) {
    if (lower.startsWith(prefix)) return lower.slice(prefix.length)
  }
  return lower.startsWith('library/') ? lower.slice('library/'.length) : lower
}

/** The digest for `repository` among `docker image inspect`'s `{{json .RepoDigests}}`. */
export function digestFromRepoDigests(json: string, repository: string): string | undefined {
  let list: unknown
  try {
    list = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!Array.isArray(list)) return undefined
  const wanted = normalizeRepository(repository)
  for (const entry of list) {
    if (typeof entry !== 'string') continue
    const at = entry.lastIndexOf('@')
    if (at === -1) continue
    const digest = entry.slice(at + 1)
    if (normalizeRepository(entry.slice(0, at)) === wanted && isDigest(digest)) return digest
  }
  return undefined
}
