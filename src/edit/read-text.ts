import { ActionError, EditError, errorMessage } from '../errors.js'
import type { FileSource } from './types.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Reads a file as UTF-8 text (BOM kept); EditError naming `input` when it cannot. */
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
