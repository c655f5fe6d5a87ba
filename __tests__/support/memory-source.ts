import type { FileSource } from '../../src/edit/types.js'
import { normalizeRelativePath } from '../../src/edit/workspace-path.js'

/** A FileSource over files held in memory (path → content); for tests, benchmarks and replays. */
export function createMemorySource(
  files: Readonly<Record<string, string | Buffer>>,
  description = 'memory'
): FileSource {
  const byPath = new Map<string, Buffer>()
  for (const [path, content] of Object.entries(files)) {
    byPath.set(
      normalizeRelativePath(path),
      Buffer.isBuffer(content) ? content : Buffer.from(content)
    )
  }
  return {
    description,
    read: (path) => Promise.resolve(byPath.get(normalizeRelativePath(path))),
    list: () => Promise.resolve([...byPath.keys()].sort())
  }
}
