import { parseDocument, isMap, isSeq, isScalar } from 'yaml'
import type { ImageSpec } from '../image-spec.js'
import { InputError } from '../lib/errors.js'
import { normalizeRepository } from '../lib/image-ref.js'

/** Defaults that complete an image entry's repository and build arguments. */
interface ImageDefaults {
  readonly registry: string
  readonly namespace: string
  /** Global `build-args`, put before each image's own. */
  readonly buildArgs: readonly string[]
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/
const KEYS = new Set([
  'name',
  'context',
  'dockerfile',
  'target',
  'repository',
  'build-args',
  'platforms'
])

/** Parses the `images` input (lines `NAME[=CONTEXT]` or a YAML list of maps) into image specs. */
export function parseImages(text: string, defaults: ImageDefaults): ImageSpec[] {
  const lines = text.split(/\r?\n/)
  const firstItem = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  const specs = firstItem?.trim().startsWith('-')
    ? parseYamlList(text, defaults)
    : parseLines(lines, defaults)
  const seen = new Map<string, number>()
  for (const spec of specs) {
    const earlier = seen.get(spec.name)
    if (earlier !== undefined) {
      throw new InputError(
        `Input 'images' line ${spec.line}: image name '${spec.name}' is already used on line ${earlier}. Each image needs a unique name.`,
        { input: 'images' }
      )
    }
    seen.set(spec.name, spec.line)
  }
  return specs
}

function parseLines(lines: readonly string[], defaults: ImageDefaults): ImageSpec[] {
  const specs: ImageSpec[] = []
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    const name = (eq < 0 ? line : line.slice(0, eq)).trim()
    const context = eq < 0 ? name : line.slice(eq + 1).trim()
    specs.push(makeSpec({ name, context }, index + 1, defaults))
  })
  return specs
}

function parseYamlList(text: string, defaults: ImageDefaults): ImageSpec[] {
  const doc = parseDocument(text, { uniqueKeys: true })
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : text.slice(0, offset).split('\n').length
  if (doc.errors.length > 0) {
    const first = doc.errors[0]
    throw new InputError(
      `Input 'images' is not a valid YAML list (line ${lineOf(first?.pos[0])}): ${first?.message.split('\n')[0] ?? ''}`,
      { input: 'images' }
    )
  }
  if (!isSeq(doc.contents)) {
    throw new InputError(`Input 'images' must be lines 'NAME[=CONTEXT]' or a YAML list of maps.`, {
      input: 'images'
    })
  }
  return doc.contents.items.map((item) => {
    const line = lineOf(isMap(item) || isScalar(item) ? item.range[0] : undefined)
    if (isScalar(item) && typeof item.value === 'string') {
      return makeSpec({ name: item.value, context: item.value }, line, defaults)
    }
    if (!isMap(item)) {
      throw new InputError(`Input 'images' line ${line}: expected a map with at least 'name'.`, {
        input: 'images'
      })
    }
    const entry = item.toJSON() as Record<string, unknown>
    for (const key of Object.keys(entry)) {
      if (!KEYS.has(key)) {
        throw new InputError(
          `Input 'images' line ${line}: unknown key '${key}'; expected one of ${[...KEYS].join(', ')}.`,
          { input: 'images' }
        )
      }
    }
    const name = stringField(entry, 'name', line)
    if (name === undefined) {
      throw new InputError(`Input 'images' line ${line}: the entry has no 'name'.`, {
        input: 'images'
      })
    }
    return makeSpec(
      {
        name,
        context: stringField(entry, 'context', line) ?? name,
        dockerfile: stringField(entry, 'dockerfile', line),
        target: stringField(entry, 'target', line),
        repository: stringField(entry, 'repository', line),
        buildArgs: buildArgsField(entry['build-args'], line),
        platforms: platformsField(entry.platforms, line)
      },
      line,
      defaults
    )
  })
}

interface RawImage {
  readonly name: string
  readonly context: string
  readonly dockerfile?: string
  readonly target?: string
  readonly repository?: string
  readonly buildArgs?: readonly string[]
  readonly platforms?: string
}

function makeSpec(raw: RawImage, line: number, defaults: ImageDefaults): ImageSpec {
  if (!NAME.test(raw.name)) {
    throw new InputError(
      `Input 'images' line ${line}: '${raw.name}' is not a valid image name; expected [a-z0-9][a-z0-9._-]* (lower case).`,
      { input: 'images' }
    )
  }
  if (raw.context === '') {
    throw new InputError(`Input 'images' line ${line}: the build context after '=' is empty.`, {
      input: 'images'
    })
  }
  const repository = (
    raw.repository ?? [defaults.registry, defaults.namespace, raw.name].filter(Boolean).join('/')
  ).toLowerCase()
  // The repository ends up on docker's command line and in files: it must be a Docker name.
  if (raw.repository?.startsWith('-') === true || normalizeRepository(repository) === undefined) {
    throw new InputError(
      `Input 'images' line ${line}: repository ${JSON.stringify(repository)} of image '${raw.name}' is not a valid Docker repository; expected [REGISTRY/]PATH with lower-case path components (e.g. ghcr.io/acme/web).`,
      { input: 'images' }
    )
  }
  return {
    name: raw.name,
    context: raw.context,
    ...(raw.dockerfile === undefined ? {} : { dockerfile: raw.dockerfile }),
    ...(raw.target === undefined ? {} : { target: raw.target }),
    repository,
    buildArgs: [...defaults.buildArgs, ...(raw.buildArgs ?? [])],
    ...(raw.platforms === undefined ? {} : { platforms: raw.platforms }),
    line
  }
}

function stringField(
  entry: Record<string, unknown>,
  key: string,
  line: number
): string | undefined {
  const value = entry[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  throw new InputError(`Input 'images' line ${line}: '${key}' must be a string.`, {
    input: 'images'
  })
}

function buildArgsField(value: unknown, line: number): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item !== 'string' || !item.includes('=')) {
        throw new InputError(
          `Input 'images' line ${line}: each 'build-args' item must be KEY=VALUE.`,
          { input: 'images' }
        )
      }
      return item
    })
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(
      ([key, v]) => `${key}=${v === null ? '' : String(v as string | number | boolean)}`
    )
  }
  throw new InputError(`Input 'images' line ${line}: 'build-args' must be a map or a list.`, {
    input: 'images'
  })
}

function platformsField(value: unknown, line: number): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',')
  throw new InputError(`Input 'images' line ${line}: 'platforms' must be a string or a list.`, {
    input: 'images'
  })
}
