import { ActionError, EditError, errorMessage } from '../lib/errors.js'
import type { FileSource } from './types.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Largest file the engine reads (10 MiB): far above any values file, small enough to parse fast. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024

/** The error for a file over MAX_FILE_BYTES; sources that can stat call it before reading. */
export function tooLarge(path: string, size: number): EditError {
  return new EditError(
    `${path} is ${size} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (10 MiB) for a file to edit; it is refused unread.`,
    { file: path }
  )
}

/**
 * Reads a file as UTF-8 text (BOM kept); EditError naming `input` when it cannot or when it is
 * larger than MAX_FILE_BYTES.
 */
export async function readText(
  source: FileSource,
  path: string,
  input: string
): Promise<string | undefined> {
  let bytes: Buffer | undefined
  try {
    bytes = await source.read(path)
  } catch (error) {
    // The source knows the file but not which input named it; add that to the location.
    if (error instanceof ActionError) {
      throw new EditError(`${input}: ${error.message}`, { ...error.location, input, file: path })
    }
    throw new EditError(`${input}: ${path} cannot be read: ${errorMessage(error)}`, {
      input,
      file: path
    })
  }
  if (bytes === undefined) return undefined
  // For sources that cannot stat first; the message says the file was read, unlike tooLarge's.
  if (bytes.length > MAX_FILE_BYTES) {
    throw new EditError(
      `${input}: ${path} is ${bytes.length} bytes, more than the limit of ${MAX_FILE_BYTES} bytes (10 MiB) for a file to edit; it is refused.`,
      { input, file: path }
    )
  }
  try {
    return UTF8.decode(bytes)
  } catch {
    throw new EditError(`${input}: ${path} is not UTF-8 text; only UTF-8 YAML files are edited.`, {
      input,
      file: path
    })
  }
}

/** The error for a file an input names that does not exist. */
export function missingFile(path: string, input: string, source: FileSource): EditError {
  return new EditError(`${input}: ${path} does not exist in ${source.description}.`, {
    input,
    file: path
  })
}
