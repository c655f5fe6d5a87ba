import { realpath } from 'node:fs/promises'
import { dirname, join, posix, sep } from 'node:path'
import { EditError } from '../errors.js'

function outside(path: string, input: string | undefined, why: string): EditError {
  const prefix = input ? `${input}: ` : ''
  return new EditError(
    `${prefix}${path} ${why}; only files inside the repository can be edited (give a path relative to the repository root).`,
    { file: path, ...(input ? { input } : {}) }
  )
}

/**
 * Normalizes a repository-relative path (`./a//b` → `a/b`). Throws EditError naming the file
 * (and `input`) for an empty, absolute or `../` path.
 */
export function normalizeRelativePath(path: string, input?: string): string {
  const slashed = path.trim().replaceAll('\\', '/')
  if (slashed === '' || slashed.includes('\0')) throw outside(path, input, 'is not a file path')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    throw outside(path, input, 'is an absolute path')
  }
  const normal = posix.normalize(slashed).replace(/\/+$/, '')
  if (normal === '..' || normal.startsWith('../')) {
    throw outside(path, input, 'is outside the repository')
  }
  if (normal === '.' || normal === '')
    throw outside(path, input, 'is the repository folder, not a file')
  return normal
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep)
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/**
 * Resolves a repository-relative path to the real file it names under `root`, following
 * symlinks; EditError when it (or, for a missing file, its nearest existing folder) lies outside
 * the root. Returns undefined for a file that does not exist.
 */
export async function resolveInside(
  root: string,
  path: string,
  input?: string
): Promise<string | undefined> {
  const relative = normalizeRelativePath(path, input)
  const realRoot = await realpath(root)
  let candidate = join(realRoot, ...relative.split('/'))
  try {
    const real = await realpath(candidate)
    if (!isInside(realRoot, real))
      throw outside(relative, input, 'leads outside the repository (through a symlink)')
    return real
  } catch (error) {
    if (!isMissing(error)) throw error
  }
  // Missing: the nearest existing folder must still be inside (a symlinked folder may lead out).
  for (;;) {
    const parent = dirname(candidate)
    if (parent === candidate) return undefined
    candidate = parent
    try {
      const real = await realpath(candidate)
      if (!isInside(realRoot, real))
        throw outside(relative, input, 'leads outside the repository (through a symlink)')
      return undefined
    } catch (error) {
      if (!isMissing(error)) throw error
    }
  }
}
