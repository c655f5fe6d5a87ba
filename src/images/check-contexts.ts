import { stat } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { InputError } from '../lib/errors.js'
import type { ImageSpec } from '../image-spec.js'

/** What the build-context preflight needs. */
interface ContextCheckOptions {
  readonly images: readonly ImageSpec[]
  /** Folder the contexts and Dockerfiles are relative to. */
  readonly workspace: string
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) return 'folder'
    return info.isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

/**
 * Preflight before any build: every image's context folder and Dockerfile exist. Throws an
 * `InputError` for the first image (in input order) that lacks one, naming the `images` line.
 */
export async function checkBuildContexts(options: ContextCheckOptions): Promise<void> {
  const inWorkspace = (path: string) => (isAbsolute(path) ? path : resolve(options.workspace, path))
  for (const image of options.images) {
    const location = { input: 'images', line: image.line }
    const context = inWorkspace(image.context)
    const contextKind = await kindOf(context)
    if (contextKind !== 'folder') {
      throw new InputError(
        `images (line ${image.line}): the build context '${image.context}' of image '${image.name}' ` +
          `${contextKind === 'missing' ? 'does not exist' : 'is not a folder'}; expected a folder ` +
          `relative to the workspace (write NAME=CONTEXT or the 'context' key to choose another one).`,
        location
      )
    }
    const dockerfile = image.dockerfile ?? join(image.context, 'Dockerfile')
    const dockerfileKind = await kindOf(inWorkspace(dockerfile))
    if (dockerfileKind !== 'file') {
      throw new InputError(
        `images (line ${image.line}): the Dockerfile '${dockerfile}' of image '${image.name}' ` +
          `${dockerfileKind === 'missing' ? 'does not exist' : 'is not a file'}; ` +
          `expected a file relative to the workspace (set the 'dockerfile' key to choose another one).`,
        location
      )
    }
  }
}
