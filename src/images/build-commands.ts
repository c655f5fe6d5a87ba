import { isAbsolute, resolve } from 'node:path'
import type { ImageSpec } from '../image-spec.js'

/** Everything needed to build one image, with paths resolved against the workspace. */
export interface ImagePlan {
  readonly name: string
  readonly repository: string
  readonly tag: string
  /** `REPOSITORY:TAG` */
  readonly ref: string
  /** Absolute build context folder. */
  readonly context: string
  /** Absolute Dockerfile path; undefined means the builder's default (`CONTEXT/Dockerfile`). */
  readonly dockerfile?: string
  readonly target?: string
  /** `KEY=VALUE` (or `KEY`), one per key, the image's own value winning over the global one. */
  readonly buildArgs: readonly string[]
  readonly platforms?: string
  readonly cacheFrom: readonly string[]
  readonly cacheTo: readonly string[]
  /** Line of the image in the `images` input. */
  readonly line: number
  /** `KEY=VALUE` image labels (`--label`), none until the fingerprint is known. */
  readonly labels: readonly string[]
}

/** The inputs that shape every image's plan. */
export interface PlanSettings {
  readonly tag: string
  readonly workspace: string
  readonly platforms?: string
  readonly buildArgs: readonly string[]
  readonly cacheFrom: readonly string[]
  readonly cacheTo: readonly string[]
}

/** Merges build arguments by key (text before `=`): a later value replaces an earlier one in place. */
function mergeBuildArgs(...lists: (readonly string[])[]): string[] {
  const byKey = new Map<string, string>()
  for (const list of lists) {
    for (const arg of list) {
      const eq = arg.indexOf('=')
      byKey.set(eq === -1 ? arg : arg.slice(0, eq), arg)
    }
  }
  return [...byKey.values()]
}

/** One `cache-from`/`cache-to` input as separate entries (one per non-blank line). */
export function splitCacheInput(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

function cacheType(entry: string): string | undefined {
  const attrs = entry.split(',').map((part) => part.trim())
  const type = attrs.find((attr) => attr.startsWith('type='))
  if (type) return type.slice('type='.length)
  // buildx reads a bare `NAME` (no `=`) as a registry reference.
  return attrs.length === 1 && !attrs[0]?.includes('=') ? 'registry' : undefined
}

/** True for a `type=gha` cache entry, which needs GitHub's cache service (absent under act). */
export function isGhaCache(entry: string): boolean {
  return cacheType(entry) === 'gha'
}

/**
 * The cache entries for one image: a `type=gha` entry without `scope=` gets `scope=NAME`, so
 * images built in one run do not evict each other's cache.
 */
function scopeCacheEntries(entries: readonly string[], name: string): string[] {
  return entries.map((entry) =>
    isGhaCache(entry) && !/(^|,)\s*scope=/.test(entry) ? `${entry},scope=${name}` : entry
  )
}

/** Resolves one image spec into its build plan. */
export function planImage(spec: ImageSpec, settings: PlanSettings): ImagePlan {
  const inWorkspace = (path: string) =>
    isAbsolute(path) ? path : resolve(settings.workspace, path)
  const platforms = spec.platforms ?? settings.platforms
  return {
    name: spec.name,
    repository: spec.repository,
    tag: settings.tag,
    ref: `${spec.repository}:${settings.tag}`,
    context: inWorkspace(spec.context),
    ...(spec.dockerfile === undefined ? {} : { dockerfile: inWorkspace(spec.dockerfile) }),
    ...(spec.target === undefined ? {} : { target: spec.target }),
    buildArgs: mergeBuildArgs(settings.buildArgs, spec.buildArgs),
    ...(platforms === undefined || platforms === '' ? {} : { platforms }),
    cacheFrom: scopeCacheEntries(settings.cacheFrom, spec.name),
    cacheTo: scopeCacheEntries(settings.cacheTo, spec.name),
    line: spec.line,
    labels: []
  }
}

/** Files and switches of one buildx invocation. */
interface BuildxSettings {
  readonly builder?: string
  readonly push: boolean
  readonly metadataFile: string
  readonly iidFile: string
}

function commonBuildArgs(plan: ImagePlan): string[] {
  const args: string[] = []
  if (plan.dockerfile !== undefined) args.push('--file', plan.dockerfile)
  if (plan.target !== undefined) args.push('--target', plan.target)
  for (const arg of plan.buildArgs) args.push('--build-arg', arg)
  for (const label of plan.labels) args.push('--label', label)
  return args
}

/** Arguments of `docker buildx build` for one image (the context comes last). */
export function buildxBuildArgs(plan: ImagePlan, settings: BuildxSettings): string[] {
  const args = ['buildx', 'build', '--progress', 'plain']
  if (settings.builder !== undefined && settings.builder !== '') {
    args.push('--builder', settings.builder)
  }
  args.push(...commonBuildArgs(plan))
  if (plan.platforms !== undefined) args.push('--platform', plan.platforms)
  for (const entry of plan.cacheFrom) args.push('--cache-from', entry)
  for (const entry of plan.cacheTo) args.push('--cache-to', entry)
  args.push('--tag', plan.ref)
  args.push('--metadata-file', settings.metadataFile, '--iidfile', settings.iidFile)
  if (settings.push) args.push('--push')
  args.push(plan.context)
  return args
}

/** Files and switches of one classic `docker build`. */
interface ClassicSettings {
  readonly iidFile: string
}

/** Arguments of the classic `docker build` for one image (the context comes last). */
export function classicBuildArgs(plan: ImagePlan, settings: ClassicSettings): string[] {
  return [
    'build',
    // A failed step would otherwise leave its stopped container behind on the engine.
    '--force-rm',
    ...commonBuildArgs(plan),
    '--tag',
    plan.ref,
    '--iidfile',
    settings.iidFile,
    plan.context
  ]
}

/** Arguments of `docker push` for one built image. */
export function classicPushArgs(plan: ImagePlan): string[] {
  return ['push', plan.ref]
}

/** Arguments of `docker image inspect` printing the image's repository digests as JSON. */
export function repoDigestsArgs(plan: ImagePlan): string[] {
  return ['image', 'inspect', '--format', '{{json .RepoDigests}}', plan.ref]
}

/** Arguments of `docker login`; the password goes on stdin, never here. */
export function loginArgs(registry: string, username: string): string[] {
  return ['login', '--username', username, '--password-stdin', registry]
}

/** Arguments of `docker logout`. */
export function logoutArgs(registry: string): string[] {
  return ['logout', registry]
}
