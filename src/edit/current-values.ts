import { isScalar } from 'yaml'
import { errorMessage } from '../errors.js'
import { fillTemplate, parsePath } from './path.js'
import { readText } from './read-text.js'
import { scalarString } from './render-scalar.js'
import { resolvePath } from './resolve-path.js'
import type { EditRequest, FileSource } from './types.js'
import { normalizeRelativePath } from './workspace-path.js'
import { parseYamlFile } from './yaml-file.js'

/** What the values files hold for one image now. */
export interface CurrentValue {
  /** The tag at `tag-path`, the same in every values file and document that has it. */
  readonly tag: string
  /** The repository at `repository-path`, when that input is set and the files hold one. */
  readonly repository?: string
}

/** The parts of an edit request that say where an image's tag lives. */
export type CurrentValuesRequest = Pick<
  EditRequest,
  'images' | 'valuesFiles' | 'tagPath' | 'repositoryPath'
>

/**
 * The tag (and repository) each image has in the values files now, read with the edit engine's
 * own path resolution, so it is the very value an edit would replace. An image is left out when
 * it has no such value, when files or documents disagree, or when its path cannot be read (the
 * edit itself reports that); `reasons` says why, per image name. Reads, never writes.
 */
export async function readCurrentValues(
  source: FileSource,
  request: CurrentValuesRequest
): Promise<{ values: Map<string, CurrentValue>; reasons: Map<string, string> }> {
  const seen = new Map<string, { tags: Set<string>; repositories: Set<string> }>()
  const reasons = new Map<string, string>()
  for (const image of request.images)
    seen.set(image.name, { tags: new Set(), repositories: new Set() })
  const templates = [
    { input: 'tag-path', text: request.tagPath.trim(), key: 'tags' as const },
    {
      input: 'repository-path',
      text: request.repositoryPath?.trim() ?? '',
      key: 'repositories' as const
    }
  ].filter((template) => template.text !== '')

  for (const entry of request.valuesFiles) {
    let file
    try {
      const path = normalizeRelativePath(entry, 'values-file')
      const text = await readText(source, path, 'values-file')
      if (text === undefined) continue
      file = parseYamlFile(path, text, 'values-file')
    } catch (error) {
      for (const image of request.images) reasons.set(image.name, errorMessage(error))
      continue
    }
    for (const template of templates) {
      const parsed = parsePath(template.text, template.input)
      for (const image of request.images) {
        const found = seen.get(image.name)
        if (found === undefined) continue
        try {
          const segments = fillTemplate(parsed, image.name, template.input)
          const pathText = template.text.replaceAll('{name}', image.name)
          for (const doc of file.docs) {
            const ctx = { file, doc, input: template.input, pathText }
            for (const hit of resolvePath(doc.contents, segments, ctx).found) {
              if (isScalar(hit.node) && hit.node.value !== null) {
                found[template.key].add(scalarString(hit.node.value))
              }
            }
          }
        } catch (error) {
          reasons.set(image.name, errorMessage(error))
        }
      }
    }
  }

  const values = new Map<string, CurrentValue>()
  for (const [name, found] of seen) {
    if (reasons.has(name)) continue
    const tags = [...found.tags].filter((tag) => tag !== '')
    const repositories = [...found.repositories]
    if (tags.length !== 1) {
      reasons.set(
        name,
        tags.length === 0
          ? `no tag at ${request.tagPath.replaceAll('{name}', name)} in the values files`
          : `the values files disagree on its tag (${tags.join(', ')})`
      )
      continue
    }
    if (repositories.length > 1) {
      reasons.set(name, `the values files disagree on its repository (${repositories.join(', ')})`)
      continue
    }
    const [tag = ''] = tags
    const [repository] = repositories
    values.set(name, { tag, ...(repository === undefined ? {} : { repository }) })
  }
  return { values, reasons }
}
