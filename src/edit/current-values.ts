import { isMap, isScalar, isSeq } from 'yaml'
import type { YAMLMap } from 'yaml'
import { errorMessage } from '../lib/errors.js'
import { sameRepository } from '../lib/image-ref.js'
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
> &
  Partial<Pick<EditRequest, 'kustomizations'>>

function field(map: YAMLMap, key: string): string | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key)
  return pair && isScalar(pair.value) && pair.value.value !== null
    ? scalarString(pair.value.value)
    : undefined
}

/**
 * The tag (and repository) each image has in the files now, read with the edit engine's own path
 * resolution, so it is the very value an edit would replace: `tag-path` in the values files, and
 * `newTag` of the matching `images` entries of the kustomizations. An image is left out when it
 * has no such value, when files or documents disagree, when a kustomization pins a digest (the
 * tag is then not what runs), or when its path cannot be read (the edit itself reports that);
 * `reasons` says why, per image name. Reads, never writes.
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

  for (const entry of request.kustomizations ?? []) {
    try {
      const path = normalizeRelativePath(entry, 'kustomization')
      const text = await readText(source, path, 'kustomization')
      if (text === undefined) continue
      const file = parseYamlFile(path, text, 'kustomization')
      for (const doc of file.docs) {
        const root = doc.contents
        if (!isMap(root)) continue
        const list = root.items.find((p) => isScalar(p.key) && p.key.value === 'images')?.value
        if (!isSeq(list)) continue
        for (const item of list.items) {
          if (!isMap(item)) continue
          const compared = field(item, 'newName') ?? field(item, 'name')
          if (compared === undefined) continue
          for (const image of request.images) {
            if (!sameRepository(compared, image.repository)) continue
            if (field(item, 'digest') !== undefined) {
              reasons.set(image.name, `${path} pins a digest for it`)
            }
            const tag = field(item, 'newTag')
            if (tag !== undefined) seen.get(image.name)?.tags.add(tag)
            else reasons.set(image.name, `${path} has no newTag for it`)
          }
        }
      }
    } catch (error) {
      for (const image of request.images) reasons.set(image.name, errorMessage(error))
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
          ? `no tag at ${request.tagPath.replaceAll('{name}', name)} in the values files (nor in a kustomization)`
          : `the files disagree on its tag (${tags.join(', ')})`
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
