import { isScalar } from 'yaml'
import { EditError, InputError } from '../lib/errors.js'
import { splitReference } from '../lib/image-ref.js'
import type { Logger } from '../lib/logger.js'
import { parseChanges } from './changes.js'
import type { ChangeEntry } from './changes.js'
import { FileEditor } from './file-editor.js'
import { isGlob, matchesGlob } from './glob.js'
import { editKustomization } from './kustomization.js'
import { editManifest } from './manifests.js'
import { fillTemplate, parsePath } from './path.js'
import { resolvePath } from './resolve-path.js'
import type { PathSegment } from './path.js'
import type { EditValue } from './edit-value.js'
import type { EditedPlace } from './places.js'
import type { EditRequest, FileEdit, FileSource, ImageTarget } from './types.js'
import { hasGitSegment, normalizeRelativePath } from './workspace-path.js'
import { ParseCache } from './yaml-file.js'
import { missingFile, readText } from './read-text.js'

type Step = (editor: FileEditor) => void

interface FilePlan {
  readonly path: string
  /** The input that first named the file. */
  readonly input: string
  readonly steps: Step[]
}

class Planner {
  readonly files = new Map<string, FilePlan>()

  add(path: string, input: string, step: Step): void {
    const plan = this.files.get(path) ?? { path, input, steps: [] }
    plan.steps.push(step)
    this.files.set(path, plan)
  }
}

function setStep(
  segments: readonly PathSegment[],
  pathText: string,
  value: EditValue,
  input: string,
  create: boolean
): Step {
  return (editor) => {
    editor.setPath(segments, value, { input, pathText, create })
  }
}

// `REPOSITORY:TAG` at a ref-path, with `@DIGEST` when pinning or when the reference there
// already pins one (as a kustomization entry keeps its digest), and the digest is known.
function refStep(
  segments: readonly PathSegment[],
  pathText: string,
  image: ImageTarget,
  pinDigest: boolean,
  create: boolean
): Step {
  return (editor) => {
    const file = editor.file
    const pinned =
      pinDigest ||
      file.docs.some((doc) =>
        resolvePath(doc.contents, segments, { file, doc, input: 'ref-path', pathText }).found.some(
          (hit) =>
            isScalar(hit.node) &&
            typeof hit.node.value === 'string' &&
            splitReference(hit.node.value).digest !== ''
        )
      )
    const digest = pinned && image.digest !== '' ? `@${image.digest}` : ''
    editor.setPath(segments, `${image.repository}:${image.tag}${digest}`, {
      input: 'ref-path',
      pathText,
      create
    })
  }
}

async function expandManifests(request: EditRequest, source: FileSource): Promise<string[]> {
  const out: string[] = []
  let all: string[] | undefined
  for (const entry of request.manifests) {
    if (!isGlob(entry)) {
      out.push(normalizeRelativePath(entry, 'manifests'))
      continue
    }
    const pattern = normalizeRelativePath(entry, 'manifests')
    all ??= await source.list()
    // A glob never reaches into git's own folder, whatever the source lists.
    const matches = all.filter((path) => matchesGlob(path, pattern) && !hasGitSegment(path))
    if (matches.length === 0) {
      throw new InputError(
        `manifests: the glob ${entry} matches no file in ${source.description}.`,
        {
          input: 'manifests'
        }
      )
    }
    out.push(...matches)
  }
  return [...new Set(out)]
}

function planValues(
  request: EditRequest,
  planner: Planner,
  valuesFiles: readonly string[],
  changes: readonly ChangeEntry[]
): void {
  const templates = [
    {
      input: 'tag-path',
      text: request.tagPath,
      value: (i: EditRequest['images'][number]) => i.tag
    },
    {
      input: 'repository-path',
      text: request.repositoryPath,
      value: (i: EditRequest['images'][number]) => i.repository
    },
    {
      input: 'digest-path',
      text: request.digestPath,
      value: (i: EditRequest['images'][number]) => i.digest
    }
  ]
  for (const template of templates) {
    if (template.text === undefined || template.text.trim() === '') continue
    const parsed = parsePath(template.text.trim(), template.input)
    for (const image of request.images) {
      const value = template.value(image)
      if (template.input === 'digest-path' && value === '') continue
      const segments = fillTemplate(parsed, image.name, template.input)
      const pathText = template.text.trim().replaceAll('{name}', image.name)
      for (const file of valuesFiles) {
        planner.add(
          file,
          'values-file',
          setStep(segments, pathText, value, template.input, request.createMissing)
        )
      }
    }
  }
  if (request.refPath !== undefined && request.refPath.trim() !== '') {
    const text = request.refPath.trim()
    const parsed = parsePath(text, 'ref-path')
    for (const image of request.images) {
      const segments = fillTemplate(parsed, image.name, 'ref-path')
      const pathText = text.replaceAll('{name}', image.name)
      for (const file of valuesFiles) {
        planner.add(
          file,
          'values-file',
          refStep(segments, pathText, image, request.pinDigest, request.createMissing)
        )
      }
    }
  }
  for (const change of changes) {
    for (const file of valuesFiles) {
      planner.add(
        file,
        'values-file',
        setStep(change.segments, change.pathText, change.value, 'changes', request.createMissing)
      )
    }
  }
}

/**
 * Plans every edit the request asks for, across values files, `changes`, kustomizations and
 * manifests: reads and parses each file once, resolves every path, splices the new values into
 * the original text and verifies each result. Writes nothing. Returns one FileEdit per file read,
 * in the order the inputs name them; a file with nothing to change has `after === before`.
 * Throws InputError/EditError (with input, file, line, path) for bad input and InternalError when
 * a verification fails. Pass the same `parses` to several calls (preflight, then edit) so a file
 * whose text did not change between them is parsed once.
 */
export async function computeEdits(
  source: FileSource,
  request: EditRequest,
  logger: Logger,
  parses: ParseCache = new ParseCache()
): Promise<FileEdit[]> {
  const changes = parseChanges(request.changes, request.vars)
  const planner = new Planner()
  const texts = new Map<string, string>()
  const load = async (path: string, input: string): Promise<string | undefined> => {
    const known = texts.get(path)
    if (known !== undefined) return known
    const text = await readText(source, path, input)
    if (text !== undefined) texts.set(path, text)
    return text
  }

  const valuesFiles: string[] = []
  const hasImages = request.images.length > 0
  if (hasImages || changes.values.length > 0) {
    const optional =
      request.valuesFileIsDefault &&
      (request.kustomizations.length > 0 || request.manifests.length > 0)
    for (const entry of request.valuesFiles) {
      const path = normalizeRelativePath(entry, 'values-file')
      if ((await load(path, 'values-file')) !== undefined) valuesFiles.push(path)
      else if (optional)
        logger.debug(`values-file: ${path} does not exist; no values file is edited`)
      else throw missingFile(path, 'values-file', source)
    }
  }
  if (changes.values.length > 0 && valuesFiles.length === 0) {
    throw new InputError(
      'changes: PATH: VALUE entries need a values file (values-file), and there is none. Use FILE: {PATH: VALUE} to name the file.',
      { input: 'changes' }
    )
  }
  planValues(request, planner, valuesFiles, changes.values)

  for (const { file, entries } of changes.files) {
    const path = normalizeRelativePath(file, 'changes')
    if ((await load(path, 'changes')) === undefined) throw missingFile(path, 'changes', source)
    for (const change of entries) {
      planner.add(
        path,
        'changes',
        setStep(change.segments, change.pathText, change.value, 'changes', request.createMissing)
      )
    }
  }
  if (!hasImages && (request.kustomizations.length > 0 || request.manifests.length > 0)) {
    logger.warning(
      'kustomization/manifests are given but there are no images; they are not edited.'
    )
  }
  if (request.pinDigest && hasImages) {
    for (const image of request.images.filter((i) => i.digest === '')) {
      logger.warning(
        `pin-digest: no digest is known for ${image.name} (not built); only its tag is written.`
      )
    }
  }
  const matched = { kustomization: new Set<string>(), manifests: new Set<string>() }
  if (hasImages) {
    for (const entry of request.kustomizations) {
      const path = normalizeRelativePath(entry, 'kustomization')
      if ((await load(path, 'kustomization')) === undefined)
        throw missingFile(path, 'kustomization', source)
      planner.add(path, 'kustomization', (editor) => {
        for (const name of editKustomization(editor, request.images, request.pinDigest, logger))
          matched.kustomization.add(name)
      })
    }
    for (const path of await expandManifests(request, source)) {
      if ((await load(path, 'manifests')) === undefined)
        throw missingFile(path, 'manifests', source)
      planner.add(path, 'manifests', (editor) => {
        for (const name of editManifest(editor, request.images, request.pinDigest))
          matched.manifests.add(name)
      })
    }
  }

  const edits: FileEdit[] = []
  for (const plan of planner.files.values()) {
    const before = texts.get(plan.path) ?? ''
    // Parse, edit and restore run without an await between them, so no other call sharing
    // `parses` can see the nodes while they hold this edit's values.
    const editor = new FileEditor(parses.parse(plan.path, before, plan.input))
    let after: string
    let places: EditedPlace[]
    try {
      for (const step of plan.steps) step(editor)
      after = editor.result()
      places = editor.places
    } finally {
      editor.restore()
    }
    for (const change of editor.changes) {
      const was =
        change.before === undefined
          ? 'created'
          : change.before === ''
            ? 'was empty'
            : `was ${change.before}`
      logger.info(`${plan.path}:${change.line}: ${change.label} = ${change.after} (${was})`)
    }
    if (after === before) logger.info(`${plan.path}: already up to date`)
    edits.push({ path: plan.path, before, after, places })
  }
  checkMatched(request, matched, logger)
  return edits
}

function checkMatched(
  request: EditRequest,
  matched: { readonly kustomization: Set<string>; readonly manifests: Set<string> },
  logger: Logger
): void {
  if (request.images.length === 0) return
  const kinds = [
    {
      input: 'kustomization',
      files: request.kustomizations,
      names: matched.kustomization,
      where: 'images entry'
    },
    {
      input: 'manifests',
      files: request.manifests,
      names: matched.manifests,
      where: 'container image'
    }
  ]
  for (const kind of kinds) {
    if (kind.files.length === 0) continue
    if (kind.names.size === 0) {
      const wanted = request.images.map((i) => i.repository).join(', ')
      throw new EditError(
        `${kind.input}: no ${kind.where} in ${kind.files.join(', ')} names any of the images (${wanted}).`,
        { input: kind.input }
      )
    }
    for (const image of request.images.filter((i) => !kind.names.has(i.name))) {
      logger.warning(
        `${kind.input}: no ${kind.where} names ${image.repository} (image ${image.name}); its tag is not written there.`
      )
    }
  }
}
