import { isMap, isScalar, isSeq } from 'yaml'
import type { Document, Node, YAMLMap } from 'yaml'
import { isGlob, matchesGlob } from '../edit/glob.js'
import { fillTemplate, parsePath } from '../edit/path.js'
import { missingFile, readText } from '../edit/read-text.js'
import { scalarString } from '../edit/render-scalar.js'
import { resolvePath } from '../edit/resolve-path.js'
import type { FileSource } from '../edit/types.js'
import { hasGitSegment, normalizeRelativePath } from '../edit/workspace-path.js'
import { parseYamlFile } from '../edit/yaml-file.js'
import type { YamlFile } from '../edit/yaml-file.js'
import { EditError, InputError } from '../lib/errors.js'
import { normalizeRepository, sameRepository, splitReference } from '../lib/image-ref.js'
import type { Environment, ValuePlacement } from '../settings/environments.js'

/** Where an environment's files record part of an image. */
type PlaceKind =
  'tag-path' | 'repository-path' | 'digest-path' | 'ref-path' | 'kustomization' | 'manifests'

/** One place that records part of an image (a tag, repository or digest, or a whole reference). */
interface Sighting {
  readonly kind: PlaceKind
  /** Repository-relative file. */
  readonly file: string
  /** 1-based line of the value. */
  readonly line: number
  /** The path or entry, e.g. `backend.tag`, `images[name=acme/web]`, `spec…containers[name=web].image`. */
  readonly path: string
  readonly repository?: string
  readonly tag?: string
  readonly digest?: string
}

/** What an environment's files say one image is. */
export interface CandidateImage {
  /** The name in `images`. */
  readonly name: string
  /** The repository the files record, else the one `images` resolves to. */
  readonly repository: string
  readonly tag: string
  /** `sha256:…` when the files record one, else ''. */
  readonly digest: string
  /** Every place that records part of it. */
  readonly sightings: readonly Sighting[]
}

/** An environment by name, with where its image values live. */
export type CandidateSettings = ValuePlacement & Pick<Environment, 'name'>

/** An image of `images`: its name and the repository it resolves to. */
export interface NamedImage {
  readonly name: string
  readonly repository: string
}

const CONTAINER_KEYS = new Set(['containers', 'initContainers', 'ephemeralContainers'])

function where(sighting: Sighting): string {
  return `${sighting.file}:${sighting.line} (${sighting.path})`
}

function keyText(pair: { key: unknown }): string | undefined {
  return isScalar(pair.key) ? scalarString(pair.key.value) : undefined
}

function field(map: YAMLMap, key: string): { value: string; node: Node } | undefined {
  const pair = map.items.find((p) => keyText(p) === key)
  return pair && isScalar(pair.value) && pair.value.value !== null
    ? { value: scalarString(pair.value.value), node: pair.value }
    : undefined
}

function lineOf(file: YamlFile, node: Node | null | undefined): number {
  return file.lineOf(node?.range?.[0] ?? 0)
}

/** Every scalar value `template` leads to for `image`, in every document of `file`. */
function valuesAt(
  file: YamlFile,
  template: string,
  input: string,
  image: string
): { value: string; line: number; path: string }[] {
  const segments = fillTemplate(parsePath(template, input), image, input)
  const pathText = template.replaceAll('{name}', image)
  const out: { value: string; line: number; path: string }[] = []
  file.docs.forEach((doc, index) => {
    const ctx = { file, doc, input, pathText }
    for (const hit of resolvePath(doc.contents, segments, ctx).found) {
      if (!isScalar(hit.node) || hit.node.value === null) continue
      const value = scalarString(hit.node.value).trim()
      if (value === '') continue
      const path = file.docs.length > 1 ? `[${index}].${pathText}` : pathText
      out.push({ value, line: lineOf(file, hit.node), path })
    }
  })
  return out
}

function valuesSightings(file: YamlFile, env: CandidateSettings, image: NamedImage): Sighting[] {
  const out: Sighting[] = []
  const add = (
    kind: PlaceKind,
    template: string | undefined,
    part: (v: string) => object
  ): void => {
    if (template === undefined || template.trim() === '') return
    for (const hit of valuesAt(file, template.trim(), kind, image.name)) {
      out.push({ kind, file: file.path, line: hit.line, path: hit.path, ...part(hit.value) })
    }
  }
  add('tag-path', env.tagPath, (tag) => ({ tag }))
  add('repository-path', env.repositoryPath, (repository) => ({ repository }))
  add('digest-path', env.digestPath, (digest) => ({ digest }))
  add('ref-path', env.refPath, (ref) => {
    const parts = splitReference(ref)
    return {
      repository: parts.repository,
      ...(parts.tag === '' ? {} : { tag: parts.tag }),
      ...(parts.digest === '' ? {} : { digest: parts.digest })
    }
  })
  return out
}

function kustomizationSightings(file: YamlFile, image: NamedImage): Sighting[] {
  const out: Sighting[] = []
  for (const doc of file.docs) {
    const root = doc.contents
    if (!isMap(root)) continue
    const list = root.items.find((p) => keyText(p) === 'images')?.value
    if (!isSeq(list)) continue
    list.items.forEach((item, index) => {
      if (!isMap(item)) return
      const name = field(item, 'name')
      const repository = field(item, 'newName') ?? name
      if (repository === undefined || !sameRepository(repository.value, image.repository)) return
      const tag = field(item, 'newTag')
      const digest = field(item, 'digest')
      out.push({
        kind: 'kustomization',
        file: file.path,
        line: lineOf(file, (tag ?? digest ?? repository).node),
        path: name === undefined ? `images[${index}]` : `images[name=${name.value}]`,
        repository: repository.value,
        ...(tag === undefined ? {} : { tag: tag.value }),
        ...(digest === undefined ? {} : { digest: digest.value })
      })
    })
  }
  return out
}

/** Every container, init container and ephemeral container `image:` of a document. */
function containerImages(doc: Document.Parsed): { value: string; node: Node; path: string }[] {
  const out: { value: string; node: Node; path: string }[] = []
  const visit = (node: unknown, path: string): void => {
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        visit(item, `${path}[${index}]`)
      })
      return
    }
    if (!isMap(node)) return
    for (const pair of node.items) {
      const key = keyText(pair)
      if (key === undefined) continue
      const here = path === '' ? key : `${path}.${key}`
      if (CONTAINER_KEYS.has(key) && isSeq(pair.value)) {
        pair.value.items.forEach((item, index) => {
          if (!isMap(item)) return
          const image = field(item, 'image')
          const name = field(item, 'name')
          if (image === undefined) return
          const step = name === undefined ? `[${index}]` : `[name=${name.value}]`
          out.push({ value: image.value, node: image.node, path: `${here}${step}.image` })
        })
      }
      visit(pair.value, here)
    }
  }
  visit(doc.contents, '')
  return out
}

function manifestSightings(file: YamlFile, image: NamedImage): Sighting[] {
  const out: Sighting[] = []
  file.docs.forEach((doc, index) => {
    for (const found of containerImages(doc)) {
      const ref = splitReference(found.value)
      if (!sameRepository(ref.repository, image.repository)) continue
      out.push({
        kind: 'manifests',
        file: file.path,
        line: lineOf(file, found.node),
        path: file.docs.length > 1 ? `[doc ${index}] ${found.path}` : found.path,
        repository: ref.repository,
        ...(ref.tag === '' ? {} : { tag: ref.tag }),
        ...(ref.digest === '' ? {} : { digest: ref.digest })
      })
    }
  })
  return out
}

async function loadFiles(
  source: FileSource,
  entries: readonly string[],
  input: string
): Promise<YamlFile[]> {
  const paths: string[] = []
  let all: string[] | undefined
  for (const entry of entries) {
    const path = normalizeRelativePath(entry, input)
    if (!isGlob(entry) || input !== 'manifests') {
      paths.push(path)
      continue
    }
    all ??= await source.list()
    const matches = all.filter((file) => matchesGlob(file, path) && !hasGitSegment(file))
    if (matches.length === 0) {
      throw new InputError(
        `manifests: the glob ${entry} matches no file in ${source.description}.`,
        {
          input
        }
      )
    }
    paths.push(...matches)
  }
  const files: YamlFile[] = []
  for (const path of new Set(paths)) {
    const text = await readText(source, path, input)
    if (text === undefined) throw missingFile(path, input, source)
    files.push(parseYamlFile(path, text, input))
  }
  return files
}

// The one value the sightings give for a part, or an error naming two places that disagree.
function single(
  env: CandidateSettings,
  image: NamedImage,
  sightings: readonly Sighting[],
  part: 'tag' | 'repository' | 'digest'
): string | undefined {
  let first: Sighting | undefined
  for (const sighting of sightings) {
    const value = sighting[part]
    if (value === undefined || value === '') continue
    if (first === undefined) {
      first = sighting
      continue
    }
    const known = first[part] ?? ''
    const same =
      part === 'repository'
        ? (normalizeRepository(known) ?? known) === (normalizeRepository(value) ?? value)
        : known === value
    if (same) continue
    throw new EditError(
      `Environment '${env.name}' names two ${part === 'repository' ? 'repositories' : `${part}s`} for image ${image.name}: ` +
        `${known} at ${where(first)} and ${value} at ${where(sighting)}. ` +
        'A promotion moves exactly one version of each image; make the files agree first.',
      { input: 'environments', file: sighting.file, line: sighting.line, path: sighting.path }
    )
  }
  return first?.[part]
}

function describeSearch(env: CandidateSettings, image: NamedImage): string {
  const looked: string[] = []
  const paths = [env.tagPath, env.refPath]
    .filter((p): p is string => p !== undefined)
    .map((p) => p.replaceAll('{name}', image.name))
  if (env.valuesFiles.length > 0 && paths.length > 0)
    looked.push(`${paths.join(' or ')} in ${env.valuesFiles.join(', ')}`)
  if (env.kustomizations.length > 0)
    looked.push(`an images entry for ${image.repository} in ${env.kustomizations.join(', ')}`)
  if (env.manifests.length > 0)
    looked.push(`a container image ${image.repository} in ${env.manifests.join(', ')}`)
  return looked.join('; ') || 'no place to look'
}

/**
 * Reads what an environment's files hold for each image, at `source` (a workspace or a commit):
 * the tag, repository and digest at its `tag-path`, `repository-path`, `digest-path` and
 * `ref-path` in its values files, in the `images` entries of its kustomizations (`newName` or
 * `name`, `newTag`, `digest`) and in the container images of its manifests, matching images by
 * repository in normalised form. Reads, never writes. Throws EditError naming the environment
 * when an image has no tag there, and naming both places when two of them disagree on its tag,
 * repository or digest; file and path errors as the edit engine raises them.
 */
export async function readCandidate(
  source: FileSource,
  env: CandidateSettings,
  images: readonly NamedImage[]
): Promise<CandidateImage[]> {
  const valuesFiles = await loadFiles(source, env.valuesFiles, 'values-file')
  const kustomizations = await loadFiles(source, env.kustomizations, 'kustomization')
  const manifests = await loadFiles(source, env.manifests, 'manifests')
  return images.map((image) => {
    const sightings = [
      ...valuesFiles.flatMap((file) => valuesSightings(file, env, image)),
      ...kustomizations.flatMap((file) => kustomizationSightings(file, image)),
      ...manifests.flatMap((file) => manifestSightings(file, image))
    ]
    const tag = single(env, image, sightings, 'tag')
    if (tag === undefined) {
      throw new EditError(
        `Environment '${env.name}' does not hold image ${image.name} in ${source.description}: ` +
          `no tag at ${describeSearch(env, image)}.`,
        { input: 'environments' }
      )
    }
    const repository = single(env, image, sightings, 'repository') ?? image.repository
    const digest = single(env, image, sightings, 'digest') ?? ''
    return { name: image.name, repository, tag, digest, sightings }
  })
}

/**
 * True when both name the same images with the same tag, repository (in normalised form) and
 * recorded digest: the test for "the files at this revision hold the candidate".
 */
export function sameCandidate(a: readonly CandidateImage[], b: readonly CandidateImage[]): boolean {
  if (a.length !== b.length) return false
  return a.every((image) => {
    const other = b.find((candidate) => candidate.name === image.name)
    if (other === undefined) return false
    return (
      other.tag === image.tag &&
      other.digest === image.digest &&
      (normalizeRepository(other.repository) ?? other.repository) ===
        (normalizeRepository(image.repository) ?? image.repository)
    )
  })
}
