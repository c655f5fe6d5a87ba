import { isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { parseAppRef } from '../argocd/app-ref.js'
import { parsePath } from '../edit/path.js'
import { ActionError, InputError } from '../lib/errors.js'
import { splitList } from '../lib/text.js'
import { argoCdSecrets, resolveArgoCd } from './argocd.js'

/** One entry of the `environments` input, defaults applied and `{env}` filled in. */
export interface Environment {
  /** `name`: `[a-z0-9][a-z0-9._-]*`, unique. */
  readonly name: string
  /** Its position in the list (0 for the first). */
  readonly index: number
  /** `values-file`: Helm values files, repository-relative. */
  readonly valuesFiles: readonly string[]
  /** `kustomization` files. */
  readonly kustomizations: readonly string[]
  /** `manifests` files or globs. */
  readonly manifests: readonly string[]
  /** `tag-path` template (`{name}`); undefined when the environment keeps tags in `ref-path` only. */
  readonly tagPath?: string
  /** `repository-path` template. */
  readonly repositoryPath?: string
  /** `digest-path` template. */
  readonly digestPath?: string
  /** `ref-path` template: one key holding `REPOSITORY:TAG[@DIGEST]`. */
  readonly refPath?: string
  /** `argocd-app`: its applications (`NAME` or `NAMESPACE/NAME`); empty: no health gate. */
  readonly apps: readonly string[]
  /** `argocd-server` for its apps. */
  readonly server?: string
  /** `argocd-token` for its apps (masked on read). */
  readonly token?: string
  /** `branch` holding its files; undefined: the `branch` input's default. */
  readonly branch?: string
  /** `create-pr`: changes to it go through a pull request. */
  readonly createPr: boolean
  /** `soak` in seconds: how long the environment before it must have run the candidate. */
  readonly soakSeconds?: number
}

/** Where an environment's image values live: its files and the paths in them. */
export type ValuePlacement = Pick<
  Environment,
  | 'valuesFiles'
  | 'kustomizations'
  | 'manifests'
  | 'tagPath'
  | 'repositoryPath'
  | 'digestPath'
  | 'refPath'
>

/** The top-level inputs an environment inherits, and those it must not be combined with. */
export interface EnvironmentDefaults {
  /** `tag-path` (its default `{name}.tag` included). */
  readonly tagPath: string
  readonly repositoryPath?: string
  readonly digestPath?: string
  readonly refPath?: string
  readonly server?: string
  readonly token?: string
  readonly insecure: boolean
  readonly branch?: string
  /** The top-level inputs that say where files live, to refuse them next to `environments`. */
  readonly topLevel: {
    /** `values-file` was left at its default. */
    readonly valuesFileIsDefault: boolean
    readonly kustomizations: readonly string[]
    readonly manifests: readonly string[]
    readonly apps: readonly string[]
  }
}

const INPUT = 'environments'
const NAME = /^[a-z0-9][a-z0-9._-]*$/
const KEYS = new Set([
  'name',
  'values-file',
  'kustomization',
  'manifests',
  'tag-path',
  'repository-path',
  'digest-path',
  'ref-path',
  'argocd-app',
  'argocd-server',
  'argocd-token',
  'branch',
  'create-pr',
  'soak'
])
const SOAK_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 }

function refuse(message: string): never {
  throw new InputError(`Input '${INPUT}': ${message}`, { input: INPUT })
}

// Another module's InputError about one key, restated for the environment it came from.
function within<T>(where: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof ActionError) refuse(`${where}: ${error.message}`)
    throw error
  }
}

/** Parses a soak duration (`90s`, `30m`, `2h`, `1d`) into seconds; undefined when malformed. */
function parseSoak(text: string): number | undefined {
  const match = /^(\d{1,9})([smhd])$/.exec(text.trim())
  if (match === null) return undefined
  return Number(match[1]) * (SOAK_UNITS[match[2] ?? 's'] ?? 1)
}

/**
 * Parses the `environments` input: a YAML list of maps, in promotion order (see the contract,
 * "Environments and promotion"). Applies the top-level defaults, replaces `{env}` in every path
 * template, checks each environment's Argo CD settings as the top-level ones are checked, and
 * masks each `argocd-token` (and its bearer form) through `maskSecret` as soon as it is read.
 * Refuses, with an InputError naming `environments` and the environment: malformed YAML, an
 * unknown key, a bad or repeated name, no file to edit, a malformed path or soak, a soak on the
 * first environment, and any of the
 * top-level `values-file`, `kustomization`, `manifests`, `argocd-app` set beside it. Returns []
 * for empty text.
 */
export function parseEnvironments(
  text: string,
  defaults: EnvironmentDefaults,
  maskSecret: (secret: string) => void
): Environment[] {
  if (text.trim() === '') return []
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  const problem = doc.errors[0]
  if (problem !== undefined) refuse(`not valid YAML: ${problem.message}`)
  const root = doc.contents
  if (!isSeq(root) || root.items.length === 0) {
    refuse('expected a YAML list of environments, each a map with at least name and values-file.')
  }
  // Secrets first: no later message may show one.
  for (const item of root.items) {
    if (!isMap(item)) continue
    const token: unknown = item.get('argocd-token')
    if (typeof token === 'string' && token.trim() !== '') {
      for (const secret of argoCdSecrets({ webhookSecret: '', token, urls: [] })) maskSecret(secret)
    }
  }
  const seen = new Set<string>()
  const environments = root.items.map((item, index) => {
    const env = parseEntry(item, index, defaults)
    if (seen.has(env.name)) refuse(`the environment name '${env.name}' is listed twice.`)
    seen.add(env.name)
    return env
  })
  const first = environments[0]
  if (first?.soakSeconds !== undefined) {
    refuse(
      `environment '${first.name}' has a soak, but it is the first environment: a soak is how long the ` +
        'environment before it must have run the images, and there is none. Drop the soak.'
    )
  }
  checkTopLevel(defaults.topLevel)
  return environments
}

function checkTopLevel(topLevel: EnvironmentDefaults['topLevel']): void {
  const set = [
    ['values-file', !topLevel.valuesFileIsDefault],
    ['kustomization', topLevel.kustomizations.length > 0],
    ['manifests', topLevel.manifests.length > 0],
    ['argocd-app', topLevel.apps.length > 0]
  ].filter(([, isSet]) => isSet === true)
  const [first] = set
  if (first === undefined) return
  const name = String(first[0])
  throw new InputError(
    `Inputs '${INPUT}' and '${name}' conflict: with environments, each environment names its own ` +
      `${name}; move it into the environment's entry and leave the top-level input empty.`,
    { input: name }
  )
}

function parseEntry(item: unknown, index: number, defaults: EnvironmentDefaults): Environment {
  if (!isMap(item)) refuse(`entry ${index + 1} is not a map (name, values-file, ...).`)
  const raw = new Map<string, unknown>()
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    raw.set(key, isScalar(pair.value) ? pair.value.value : pair.value)
  }
  const nameValue = raw.get('name')
  const name =
    typeof nameValue === 'string' || typeof nameValue === 'number' ? String(nameValue).trim() : ''
  if (!NAME.test(name)) {
    refuse(
      `entry ${index + 1} has ${nameValue === undefined ? 'no name' : `the name ${JSON.stringify(nameValue)}`}; ` +
        'expected a name of lower-case letters, digits, ".", "_" and "-" (e.g. staging).'
    )
  }
  const where = `environment '${name}'`
  for (const key of raw.keys()) {
    if (!KEYS.has(key)) refuse(`${where}: unknown key '${key}'; expected ${[...KEYS].join(', ')}.`)
  }
  const text = (key: string): string | undefined => {
    const value = raw.get(key)
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      refuse(`${where}: ${key} must be text, not a map or list.`)
    }
    const trimmed = String(value).trim()
    return trimmed === '' ? undefined : trimmed
  }
  const list = (key: string, commas = false): string[] => {
    const value = raw.get(key)
    if (isSeq(value)) {
      return value.items.map((entry) => {
        const item: unknown = isScalar(entry) ? entry.value : undefined
        if (typeof item !== 'string' && typeof item !== 'number') {
          refuse(`${where}: every item of ${key} must be text.`)
        }
        return String(item).trim()
      })
    }
    return splitList(text(key) ?? '', { commas })
  }

  const valuesFiles = list('values-file')
  const kustomizations = list('kustomization')
  const manifests = list('manifests')
  if (valuesFiles.length + kustomizations.length + manifests.length === 0) {
    refuse(`${where} names no file: give values-file, kustomization or manifests.`)
  }
  const fill = (template: string | undefined, key: string): string | undefined => {
    if (template === undefined) return undefined
    const filled = template.replaceAll('{env}', name)
    within(`${where}: ${key}`, () => parsePath(filled, key))
    return filled
  }
  const refPath = fill(text('ref-path') ?? defaults.refPath, 'ref-path')
  const ownTagPath = text('tag-path')
  // A ref-path holds the tag already: the default tag-path would name a key that is not there.
  const tagPath = fill(
    ownTagPath ?? (refPath === undefined ? defaults.tagPath : undefined),
    'tag-path'
  )
  const apps = list('argocd-app', true)
  for (const app of apps) within(`${where}: argocd-app`, () => parseAppRef(app))
  const server = text('argocd-server') ?? defaults.server
  const token = text('argocd-token') ?? defaults.token
  if (apps.length > 0) {
    within(where, () =>
      resolveArgoCd(
        {
          apps,
          sync: false,
          wait: false,
          timeoutSeconds: 1,
          insecure: defaults.insecure,
          ...(server === undefined ? {} : { server }),
          ...(token === undefined ? {} : { token })
        },
        () => undefined
      )
    )
  }
  const createPrText = text('create-pr') ?? 'false'
  if (createPrText !== 'true' && createPrText !== 'false') {
    refuse(`${where}: create-pr is '${createPrText}'; expected true or false.`)
  }
  const soakText = text('soak')
  const soakSeconds = soakText === undefined ? undefined : parseSoak(soakText)
  if (soakText !== undefined && soakSeconds === undefined) {
    refuse(`${where}: soak is '${soakText}'; expected a number and a unit: 90s, 30m, 2h or 1d.`)
  }
  const branch = (text('branch') ?? defaults.branch)?.replace(/^refs\/heads\//, '')
  const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, V>)
  return {
    name,
    index,
    valuesFiles,
    kustomizations,
    manifests,
    ...optional('tagPath', tagPath),
    ...optional(
      'repositoryPath',
      fill(text('repository-path') ?? defaults.repositoryPath, 'repository-path')
    ),
    ...optional('digestPath', fill(text('digest-path') ?? defaults.digestPath, 'digest-path')),
    ...optional('refPath', refPath),
    apps,
    ...optional('server', server),
    ...optional('token', token),
    ...optional('branch', branch),
    createPr: createPrText === 'true',
    ...optional('soakSeconds', soakSeconds)
  }
}

/** A promotion's two environments, resolved. */
export interface Promotion {
  /** `promote-from`: whose images move. */
  readonly from: Environment
  /** `promote-to`: where they go. */
  readonly to: Environment
  /** Things to tell the user that do not stop the run (a source without a health gate). */
  readonly warnings: readonly string[]
}

/**
 * Resolves `promote-to` and `promote-from` against the environments: undefined without
 * `promote-to`. `promote-from` defaults to the entry before `promote-to`. Refuses, with an
 * InputError naming the input: either input without `environments`, `promote-from` without
 * `promote-to`, an unknown name (listing the names that exist), promoting into the first
 * environment or into the source itself, and a `soak` on the target when the source has no
 * `argocd-app` (its history is what a soak is counted from).
 */
export function resolvePromotion(options: {
  readonly environments: readonly Environment[]
  readonly promoteTo?: string
  readonly promoteFrom?: string
}): Promotion | undefined {
  const { environments } = options
  const promoteTo = options.promoteTo?.trim() ?? ''
  const promoteFrom = options.promoteFrom?.trim() ?? ''
  if (promoteTo === '') {
    if (promoteFrom !== '') {
      throw new InputError("Input 'promote-from' is set but 'promote-to' is not; set both.", {
        input: 'promote-from'
      })
    }
    return undefined
  }
  if (environments.length === 0) {
    throw new InputError(
      "Input 'promote-to' needs 'environments': the list of environments, in promotion order.",
      { input: 'promote-to' }
    )
  }
  const names = environments.map((env) => env.name).join(', ')
  const find = (name: string, input: string): Environment => {
    const env = environments.find((candidate) => candidate.name === name)
    if (env === undefined) {
      throw new InputError(
        `Input '${input}' is '${name}', which is not an environment; the environments are ${names}.`,
        { input }
      )
    }
    return env
  }
  const to = find(promoteTo, 'promote-to')
  if (to.index === 0) {
    throw new InputError(
      `Input 'promote-to' is '${to.name}', the first environment: a release writes into it, nothing is promoted into it. ` +
        `Promote into a later one (${names}).`,
      { input: 'promote-to' }
    )
  }
  const from =
    promoteFrom === '' ? (environments[to.index - 1] ?? to) : find(promoteFrom, 'promote-from')
  if (from === to) {
    throw new InputError(
      `Inputs 'promote-from' and 'promote-to' are both '${to.name}'; promote from another environment.`,
      { input: 'promote-from' }
    )
  }
  const warnings: string[] = []
  if (from.apps.length === 0) {
    if (to.soakSeconds !== undefined) {
      throw new InputError(
        `Input '${INPUT}': environment '${to.name}' has a soak, which is counted from the Argo CD history ` +
          `of '${from.name}'; '${from.name}' has no argocd-app. Give it its apps, or drop the soak.`,
        { input: INPUT }
      )
    }
    warnings.push(
      `Environment '${from.name}' has no argocd-app: nothing checks that it runs the images before they are promoted to '${to.name}'.`
    )
  }
  return { from, to, warnings }
}
