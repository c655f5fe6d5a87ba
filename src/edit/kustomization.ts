import { isMap, isScalar, isSeq } from 'yaml'
import type { YAMLMap } from 'yaml'
import type { Logger } from '../lib/logger.js'
import type { FileEditor } from './file-editor.js'
import { sameRepository } from '../lib/image-ref.js'
import type { PathSegment } from './path.js'
import type { ImageTarget } from './types.js'
import { scalarString } from './render-scalar.js'

const INPUT = 'kustomization'

function field(map: YAMLMap, key: string): string | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key)
  return pair && isScalar(pair.value) && pair.value.value !== null
    ? scalarString(pair.value.value)
    : undefined
}

/**
 * Edits the `images` entries of a kustomization whose `newName` (or, without one, `name`) is an
 * image's repository: `newTag` gets the tag; `digest` gets the digest with `pinDigest`, or when
 * the entry already pins one and the new digest is known. Returns the names of the images
 * that matched an entry.
 */
export function editKustomization(
  editor: FileEditor,
  images: readonly ImageTarget[],
  pinDigest: boolean,
  logger: Logger
): Set<string> {
  const matched = new Set<string>()
  for (const doc of editor.file.docs) {
    const root = doc.contents
    if (!isMap(root)) continue
    const list = root.items.find((p) => isScalar(p.key) && p.key.value === 'images')?.value
    if (!isSeq(list)) continue
    list.items.forEach((item, index) => {
      if (!isMap(item)) return
      const name = field(item, 'name')
      const compared = field(item, 'newName') ?? name
      if (compared === undefined) return
      const label = name === undefined ? `images[${index}]` : `images[name=${name}]`
      // The entry is found again by its name (by its index only when it has none).
      const prefix: PathSegment[] = [
        { kind: 'key', key: 'images' },
        name === undefined
          ? { kind: 'index', index }
          : { kind: 'select', field: 'name', value: name }
      ]
      for (const image of images) {
        if (!sameRepository(compared, image.repository)) continue
        matched.add(image.name)
        const set = (key: string, value: string): void => {
          const segments: PathSegment[] = [{ kind: 'key', key }]
          editor.setPath(segments, value, {
            input: INPUT,
            pathText: `${label}.${key}`,
            create: true,
            roots: [{ doc, node: item }],
            prefix
          })
        }
        set('newTag', image.tag)
        const pinned = field(item, 'digest') !== undefined
        if (image.digest !== '' && (pinDigest || pinned)) set('digest', image.digest)
        else if (pinned) {
          logger.warning(
            `${editor.file.path}: ${label} pins a digest, which overrides the new tag ${image.tag}; ` +
              'no digest is known for this image (it was not built), so the digest was left as is.'
          )
        }
      }
    })
  }
  return matched
}
