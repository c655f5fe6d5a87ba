import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { Document, Scalar } from 'yaml'
import { EditError } from '../lib/errors.js'
import type { FileEditor } from './file-editor.js'
import { sameRepository, splitReference } from '../lib/image-ref.js'
import { formatPath } from './path.js'
import { documentRef } from './places.js'
import type { PathSegment } from './path.js'
import type { ImageTarget } from './types.js'
import type { YamlFile } from './yaml-file.js'
import { scalarString } from './render-scalar.js'

const INPUT = 'manifests'
const CONTAINER_KEYS = new Set(['containers', 'initContainers', 'ephemeralContainers'])
const EDITABLE = new Set(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'])

/** A container `image:` scalar of a manifest, with where it is. */
interface ImageNode {
  readonly node: Scalar
  readonly inFlow: boolean
  readonly label: string
  /** The path from the document's root, a container by its name (by index when it has none). */
  readonly path: readonly PathSegment[]
}

function keyOf(pair: { key: unknown }): string | undefined {
  return isScalar(pair.key) ? scalarString(pair.key.value) : undefined
}

/** Every container `image:` scalar in a document, at any depth (any kind's pod spec). */
export function findImages(doc: Document.Parsed, prefix: string, file: YamlFile): ImageNode[] {
  const out: ImageNode[] = []
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        visit(item, [...path, { kind: 'index', index }])
      })
      return
    }
    if (!isMap(node)) return
    for (const pair of node.items) {
      const key = keyOf(pair)
      if (key === undefined) continue
      if (CONTAINER_KEYS.has(key) && isSeq(pair.value)) {
        const flow = pair.value.flow === true
        pair.value.items.forEach((item, index) => {
          if (!isMap(item)) return
          const image = item.items.find((p) => keyOf(p) === 'image')
          if (!image) return
          const name = item.items.find((p) => keyOf(p) === 'name')?.value
          const step: PathSegment =
            isScalar(name) && name.value !== null
              ? { kind: 'select', field: 'name', value: scalarString(name.value) }
              : { kind: 'index', index }
          const imagePath: PathSegment[] = [
            ...path,
            { kind: 'key', key },
            step,
            { kind: 'key', key: 'image' }
          ]
          const label = prefix + formatPath(imagePath)
          if (isAlias(image.value)) {
            const line = file.lineOf(image.value.range?.[0] ?? 0)
            throw new EditError(
              `${file.path}:${line}: ${label} (${INPUT}) is the alias *${image.value.source}; edit the anchored value instead.`,
              { input: INPUT, file: file.path, line, path: label }
            )
          }
          if (
            isScalar(image.value) &&
            typeof image.value.value === 'string' &&
            EDITABLE.has(image.value.type ?? '')
          ) {
            out.push({
              node: image.value,
              inFlow: item.flow === true || flow,
              label,
              path: imagePath
            })
          }
        })
      }
      visit(pair.value, [...path, { kind: 'key', key }])
    }
  }
  visit(doc.contents, [])
  return out
}

/**
 * Sets the tag of every container, init container and ephemeral container image whose
 * repository is one of `images` (`REPO:TAG`, or `REPO:TAG@DIGEST` with `pinDigest` and a known
 * digest), keeping the repository text as written. Returns the names of the images that matched.
 */
export function editManifest(
  editor: FileEditor,
  images: readonly ImageTarget[],
  pinDigest: boolean
): Set<string> {
  const matched = new Set<string>()
  const docs = editor.file.docs
  docs.forEach((doc, index) => {
    const prefix = docs.length > 1 ? `[doc ${index}] ` : ''
    for (const found of findImages(doc, prefix, editor.file)) {
      const ref = splitReference(found.node.value as string)
      for (const image of images) {
        if (!sameRepository(ref.repository, image.repository)) continue
        matched.add(image.name)
        const digest = pinDigest && image.digest !== '' ? `@${image.digest}` : ''
        editor.setScalar(
          found.node,
          `${ref.repository}:${image.tag}${digest}`,
          found.inFlow,
          found.label,
          INPUT,
          false,
          {
            input: INPUT,
            document: documentRef(editor.file, doc, false),
            path: found.path,
            repository: ref.repository
          }
        )
      }
    }
  })
  return matched
}
