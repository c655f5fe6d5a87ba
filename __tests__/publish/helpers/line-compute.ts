import type { FileEdit } from '../../../src/edit/types.js'
import type { ComputeChanges } from '../../../src/publish/publish.js'

/** Replaces the value of the line `KEY: VALUE` in `path` (a stand-in for the edit engine). */
export function setLine(path: string, key: string, value: string): ComputeChanges {
  return async (source): Promise<FileEdit[]> => {
    const bytes = await source.read(path)
    if (!bytes) throw new Error(`${path} is missing in ${source.description}`)
    const before = bytes.toString('utf8')
    const after = before.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`)
    return [{ path, before, after }]
  }
}

/** A values file with `count` lines `appN: old`. */
export function valuesFile(count: number): string {
  return `# one line per image\n${Array.from({ length: count }, (_, i) => `app${i}: old\n`).join('')}`
}
