import { createHash } from 'node:crypto'
import type { TreeEntry } from './tree-source.js'

/** A file as it would be written over a tree. */
interface TreeWrite {
  readonly path: string
  readonly content: Buffer
}

/** The object id git gives a blob with these bytes (SHA-1, as on GitHub). */
function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

/**
 * True when the listing `other` is exactly `base` with `writes` written over it: the same
 * paths, modes and blobs, so the two trees are the same tree. A written path keeps its mode
 * in `base`; a new one is a regular file.
 */
export function sameTreeAfter(
  base: readonly TreeEntry[],
  writes: readonly TreeWrite[],
  other: readonly TreeEntry[]
): boolean {
  const expected = new Map(base.map((entry) => [entry.path, `${entry.mode} ${entry.sha}`]))
  for (const write of writes) {
    const mode = base.find((entry) => entry.path === write.path)?.mode ?? '100644'
    expected.set(write.path, `${mode} ${gitBlobSha(write.content)}`)
  }
  return (
    other.length === expected.size &&
    other.every((entry) => expected.get(entry.path) === `${entry.mode} ${entry.sha}`)
  )
}
