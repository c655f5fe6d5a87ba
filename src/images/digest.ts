import { isDigest, normalizeRepository } from '../lib/image-ref.js'

/** A buildx `--metadata-file` as an object; undefined when it is not a JSON object. */
export function parseMetadata(text: string): Record<string, unknown> | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  return data as Record<string, unknown>
}

/** The digest `docker push` reports for `tag` (`TAG: digest: sha256:… size: N`). */
export function digestFromPushOutput(output: string, tag: string): string | undefined {
  for (const line of output.split(/\r?\n/)) {
    const match = /^(\S+): digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(line.trim())
    if (match?.[1] === tag) return match[2]
  }
  return undefined
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
  // Docker's normalisation: `x`, `library/x` and `docker.io/library/x` are one repository.
  const wanted = normalizeRepository(repository)
  if (wanted === undefined) return undefined
  for (const entry of list) {
    if (typeof entry !== 'string') continue
    const at = entry.lastIndexOf('@')
    if (at === -1) continue
    const digest = entry.slice(at + 1)
    if (normalizeRepository(entry.slice(0, at)) === wanted && isDigest(digest)) return digest
  }
  return undefined
}
