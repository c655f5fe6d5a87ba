import { InputError, InternalError } from '../lib/errors.js'
import { rfc3339 } from '../lib/clock.js'
import { isLoopbackUrl } from '../lib/loopback.js'
import { parseOwnerName, type OwnerName } from '../lib/git-url.js'
import { isNamespace, isRegistry, isTag } from '../lib/image-ref.js'
import type { Runtime } from '../lib/runtime.js'
import { shortSha, splitList } from '../lib/text.js'
import { argoCdSecrets, MAX_TIMEOUT_SECONDS, resolveArgoCd, type ArgoCdInputs } from './argocd.js'
import { readGitHubEnvironment } from './github-env.js'
import { environmentSettings } from './environment-settings.js'
import { parseEnvironments, resolvePromotion } from './environments.js'
import { parseImages } from './parse-images.js'
import { resolveTarget, targetOwnerName, type CommitTarget } from './repository.js'
import type {
  CommitSettings,
  EditSettings,
  EnvironmentSettings,
  ImagesSettings,
  PromotionSettings,
  PromotionSide,
  Settings
} from './settings.js'
import type { ImageSpec } from '../image-spec.js'

/**
 * What reading the settings needs: the inputs and masking, the environment (read here and
 * nowhere else), a warning sink.
 */
interface SettingsDeps {
  readonly runtime: Pick<Runtime, 'getInput' | 'setSecret'>
  readonly env: NodeJS.ProcessEnv
  /** Shows a warning about an input that is accepted but risky. */
  readonly warn: (message: string) => void
}

const DEFAULT_VALUES_FILE = 'helm/values.yaml'
/** The rollback commit's message (interface.md, `rollback-on-failure`). */
const ROLLBACK_MESSAGE = 'revert(release): {names} {tag} [skip ci]'
const DEFAULT_AUTHOR_NAME = 'github-actions[bot]'
const DEFAULT_AUTHOR_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'
/** Inputs that hold secrets; masked before any other input is read. */
const SECRET_INPUTS = ['password', 'token', 'argocd-webhook-secret', 'argocd-token'] as const

/**
 * Reads, validates and resolves every input and the GitHub environment once; the only reader of
 * either. Every refusal is an InputError naming the input. Secrets, and the forms derived from
 * them that a later stage sends (base64 `user:token`, the bearer header, a password in a URL),
 * are masked here, on read, and nowhere else.
 */
export function readSettings(deps: SettingsDeps): Settings {
  const { runtime } = deps
  const text = (name: string): string => runtime.getInput(name).trim()
  maskSecrets(text, (secret) => {
    runtime.setSecret(secret)
  })
  const optional = (name: string): string | undefined => text(name) || undefined
  const bool = (name: string, fallback: boolean): boolean => readBoolean(name, text(name), fallback)
  const list = (name: string, commas = false): string[] => splitList(text(name), { commas })

  const github = readGitHubEnvironment(deps.env)
  const tag = readTag(text('tag'), github.sha)
  const registry = readRegistry(text('registry'))
  const namespace = readNamespace(text('namespace'), github.repositoryOwner, github.repository)
  const buildArgs = list('build-args')
  for (const arg of buildArgs) {
    if (!arg.includes('=')) {
      throw new InputError(`Input 'build-args': '${arg}' is not KEY=VALUE.`, {
        input: 'build-args'
      })
    }
  }
  const images = parseImages(text('images'), { registry, namespace, buildArgs })
  const changes = text('changes')
  if (images.length === 0 && changes === '') {
    throw new InputError(
      "Input 'images' is empty and 'changes' is not set: there is nothing to build or edit. List images (NAME or NAME=CONTEXT, one per line) or give 'changes'.",
      { input: 'images' }
    )
  }
  // A promotion moves images that exist: nothing is built.
  const promoting = text('promote-to') !== ''
  const buildImages = bool('build', true) && images.length > 0 && !promoting

  const username = optional('username')
  const password = optional('password')
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(
      "Inputs 'username' and 'password' go together: set both to log in to the registry, or neither.",
      { input: username === undefined ? 'username' : 'password' }
    )
  }
  // The registry login stores `user:password` base64-encoded; that form is a secret as well.
  if (username !== undefined && password !== undefined) {
    runtime.setSecret(base64(`${username}:${password}`))
  }

  const valuesFiles = list('values-file')
  if (valuesFiles.length === 0) valuesFiles.push(DEFAULT_VALUES_FILE)
  const valuesFileIsDefault = valuesFiles.length === 1 && valuesFiles[0] === DEFAULT_VALUES_FILE

  const commit = bool('commit', true)
  const createPr = bool('create-pr', false)
  if (createPr && !commit) {
    throw new InputError(
      "Inputs 'create-pr: true' and 'commit: false' conflict: a pull request needs a commit. Drop one of them.",
      { input: 'create-pr' }
    )
  }
  const commitMode = text('commit-mode') || 'git'
  if (commitMode !== 'git' && commitMode !== 'api') {
    throw new InputError(`Input 'commit-mode' is '${commitMode}'; expected 'git' or 'api'.`, {
      input: 'commit-mode'
    })
  }
  if (commit && (commitMode === 'api' || createPr)) {
    checkApiTransport(github.apiUrl, commitMode)
    if (text('token') === '') {
      const what = commitMode === 'api' ? "'commit-mode: api'" : "'create-pr: true'"
      throw new InputError(`${what} needs a token for the GitHub API; the token input is empty.`, {
        input: 'token'
      })
    }
  }
  const { target, targetName } = resolveTarget(
    text('repository'),
    github.repository,
    github.serverUrl
  )
  const authorName = authorField('author-name', text('author-name') || DEFAULT_AUTHOR_NAME)
  const authorEmail = authorField('author-email', text('author-email') || DEFAULT_AUTHOR_EMAIL)
  const argocdInputs = readArgoCd(text, optional, bool, list)

  const skipUnchanged = bool('skip-unchanged', false)
  const pinDigest = bool('pin-digest', false)
  const dryRun = bool('dry-run', false)
  const rollbackOnFailure = bool('rollback-on-failure', false)
  const env = processEnvironment(deps.env)
  const vars = { tag, sha: github.sha, shortSha: shortSha(github.sha) }
  checkCombinations({
    // A promotion's digests come from the registry.
    build: buildImages || promoting,
    commit,
    createPr,
    pinDigest,
    rollbackOnFailure,
    wait: argocdInputs.wait
  })

  const refPath = optional('ref-path')
  const edit: EditSettings = {
    valuesFiles,
    valuesFileIsDefault,
    // A ref-path holds the tag already: the default tag-path would name a key that is not there.
    tagPath: text('tag-path') || (refPath === undefined ? '{name}.tag' : ''),
    ...optionalField('repositoryPath', optional('repository-path')),
    ...optionalField('digestPath', optional('digest-path')),
    ...optionalField('refPath', refPath),
    kustomizations: list('kustomization'),
    manifests: list('manifests'),
    pinDigest,
    changes,
    createMissing: bool('create-missing', false),
    vars
  }
  const ownerName = targetOwnerName(target, github.repository, github.serverUrl)
  const repoWebUrl = webUrl(target, ownerName, github.serverUrl)
  const build: ImagesSettings | undefined = buildImages
    ? {
        images,
        tag,
        workspace: github.workspace,
        registry,
        ...optionalField('username', username),
        ...optionalField('password', password),
        ...optionalField('platforms', optional('platforms')),
        buildArgs,
        ...optionalField('cacheFrom', optional('cache-from')),
        ...optionalField('cacheTo', optional('cache-to')),
        ...optionalField('builder', optional('builder')),
        maxParallel: readInteger(
          'max-parallel',
          text('max-parallel'),
          Math.max(1, images.length),
          1,
          64
        ),
        push: !dryRun,
        act: github.act,
        revision: github.sha,
        sourceUrl: github.repository === '' ? '' : `${github.serverUrl}/${github.repository}`,
        created: rfc3339(),
        skipUnchanged,
        tempDir: github.runnerTemp,
        env
      }
    : undefined
  const commitSettings: CommitSettings | undefined = commit
    ? {
        publish: {
          workspace: github.workspace,
          target,
          ...optionalField('branch', optional('branch')?.replace(/^refs\/heads\//, '')),
          ...optionalField('workflowBranch', github.branch),
          ...optionalField('token', optional('token')),
          authorName,
          authorEmail,
          pushAttempts: readInteger('push-attempts', text('push-attempts'), 5, 1, 50),
          mode: commitMode,
          createPr,
          prBranch: `release/${tag}`,
          // Labels never hold a comma, and users of other actions write `labels: a,b`.
          prLabels: list('pr-labels', true),
          dryRun,
          tempDir: github.runnerTemp,
          env,
          github: {
            serverUrl: github.serverUrl,
            apiUrl: github.apiUrl,
            graphqlUrl: github.graphqlUrl,
            ...optionalField('repository', ownerName)
          }
        },
        messages: {
          release: text('message') || 'chore(release): {names} {tag} [skip ci]',
          rollback: ROLLBACK_MESSAGE
        },
        ...optionalField('prTitle', optional('pr-title')),
        label: targetName,
        ...optionalField('repoUrl', repoWebUrl),
        ...optionalField('apiUrl', repoWebUrl === undefined ? undefined : github.apiUrl)
      }
    : undefined
  const environments = parseEnvironments(
    text('environments'),
    {
      tagPath: text('tag-path') || '{name}.tag',
      ...optionalField('repositoryPath', edit.repositoryPath),
      ...optionalField('digestPath', edit.digestPath),
      ...optionalField('refPath', refPath),
      ...optionalField('server', argocdInputs.server),
      ...optionalField('token', argocdInputs.token),
      insecure: argocdInputs.insecure,
      ...optionalField('branch', commitSettings?.publish.branch),
      topLevel: {
        valuesFileIsDefault,
        kustomizations: edit.kustomizations,
        manifests: edit.manifests,
        apps: argocdInputs.apps
      }
    },
    (secret) => {
      runtime.setSecret(secret)
    }
  ).map((env) =>
    environmentSettings(env, {
      edit,
      ...optionalField('commit', commitSettings),
      argocd: argocdInputs,
      warn: deps.warn
    })
  )
  // An environment's own create-pr talks to the GitHub API as the top-level one does.
  if (commit && environments.some((entry) => entry.environment.createPr)) {
    checkApiTransport(github.apiUrl, commitMode)
  }
  const promotion = readPromotion(
    environments,
    optional('promote-to'),
    optional('promote-from'),
    images,
    {
      ...optionalField(
        'credentials',
        username === undefined || password === undefined
          ? undefined
          : { registry, username, password }
      ),
      gateTimeoutSeconds: argocdInputs.timeoutSeconds
    }
  )
  // With environments, a release writes into the first one: its files, its branch, its apps.
  const first = promotion === undefined ? environments[0] : undefined
  const argocd =
    environments.length === 0
      ? resolveArgoCd(argocdInputs, deps.warn)
      : (first?.argocd ?? promotion?.to.argocd ?? {})
  return {
    tag,
    vars,
    images,
    ...optionalField('build', build),
    noBuildReason: promoting
      ? 'A promotion builds nothing: it moves the images the source environment runs'
      : images.length === 0
        ? "no image is listed in 'images'"
        : 'build: false, so no image is built; the image names only drive the tag edits',
    edit: first === undefined ? edit : { ...first.edit, changes },
    workspace: github.workspace,
    ...optionalField('commit', first === undefined ? commitSettings : first.commit),
    argocd,
    rollbackOnFailure,
    dryRun,
    env,
    environments,
    ...optionalField('promotion', promotion)
  }
}

// `promote-to` and `promote-from` against the environments, each side resolved for its stages.
function readPromotion(
  environments: readonly EnvironmentSettings[],
  promoteTo: string | undefined,
  promoteFrom: string | undefined,
  images: readonly ImageSpec[],
  rest: Pick<PromotionSettings, 'credentials' | 'gateTimeoutSeconds'>
): PromotionSettings | undefined {
  const resolved = resolvePromotion({
    environments: environments.map((env) => env.environment),
    ...optionalField('promoteTo', promoteTo),
    ...optionalField('promoteFrom', promoteFrom)
  })
  if (resolved === undefined) return undefined
  if (images.length === 0) {
    throw new InputError(
      "Input 'images' is empty: a promotion moves the images it names. List them (names only).",
      { input: 'images' }
    )
  }
  const settingsOf = (index: number): PromotionSide => {
    const found = environments[index]
    if (found === undefined) throw new InternalError(`environment ${index} is not resolved`)
    const { commit } = found
    if (commit === undefined) {
      throw new InputError(
        "Inputs 'promote-to' and 'commit: false' conflict: a promotion is a commit (or a pull request) on the target's branch.",
        { input: 'commit' }
      )
    }
    return { ...found, commit }
  }
  return {
    from: settingsOf(resolved.from.index),
    to: settingsOf(resolved.to.index),
    warnings: resolved.warnings,
    ...rest
  }
}

// `{ [name]: value }` when there is a value: optional fields stay absent, never `undefined`.
function optionalField<K extends string, V>(
  name: K,
  value: V | undefined
): Partial<Readonly<Record<K, V>>> {
  return (value === undefined ? {} : { [name]: value }) as Partial<Readonly<Record<K, V>>>
}

// The web URL Argo CD's Applications use for a repository on the GitHub server.
function webUrl(
  target: CommitTarget,
  ownerName: OwnerName | undefined,
  serverUrl: string
): string | undefined {
  if (ownerName === undefined) return undefined
  if (target.kind === 'remote' && !target.url.startsWith(`${serverUrl}/`)) return undefined
  return `${serverUrl}/${ownerName.owner}/${ownerName.repo}`
}

// A frozen copy: a later change to the process environment does not reach the stages.
function processEnvironment(env: NodeJS.ProcessEnv): Readonly<Record<string, string>> {
  const copy: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) copy[name] = value
  }
  return Object.freeze(copy)
}

/**
 * The tag to report when the settings could not be read: the `tag` input, else the short SHA,
 * when that is a valid tag; '' otherwise.
 */
export function fallbackTag(deps: Pick<SettingsDeps, 'runtime' | 'env'>): string {
  const tag = deps.runtime.getInput('tag').trim() || (deps.env.GITHUB_SHA ?? '').slice(0, 7)
  return isTag(tag) ? tag : ''
}

// Masks before anything else is read, so no later message can show a secret.
function maskSecrets(text: (name: string) => string, mask: (secret: string) => void): void {
  for (const name of SECRET_INPUTS) {
    const value = text(name)
    if (value !== '') mask(value)
  }
  // git sends the token as basic auth of `x-access-token:TOKEN`, base64-encoded.
  const token = text('token')
  if (token !== '') mask(base64(`x-access-token:${token}`))
  for (const secret of argoCdSecrets({
    webhookSecret: text('argocd-webhook-secret'),
    token: text('argocd-token'),
    urls: [text('argocd-webhook-url'), text('argocd-server')]
  }))
    mask(secret)
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

function readTag(input: string, sha: string): string {
  const tag = input || sha.slice(0, 7)
  if (tag === '') {
    throw new InputError(
      "Input 'tag' is empty and GITHUB_SHA is not set, so no default tag can be derived. Set 'tag'.",
      { input: 'tag' }
    )
  }
  if (!isTag(tag)) {
    throw new InputError(
      `Input 'tag' is ${JSON.stringify(tag)}; expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127} (a Docker tag).`,
      { input: 'tag' }
    )
  }
  return tag
}

function readRegistry(input: string): string {
  const registry = (input || 'docker.io').replace(/\/+$/, '')
  if (!isRegistry(registry)) {
    throw new InputError(
      `Input 'registry' is ${JSON.stringify(registry)}; expected a host name with an optional port (e.g. ghcr.io, registry.example.com:5000).`,
      { input: 'registry' }
    )
  }
  return registry
}

function readNamespace(input: string, ownerVariable: string, repository: string): string {
  // Under act, GITHUB_REPOSITORY can be a local path or URL: only a real OWNER/NAME names an owner.
  const owner = /^[A-Za-z0-9_.-]+$/.test(ownerVariable)
    ? ownerVariable
    : (parseOwnerName(repository)?.owner ?? '')
  const namespace = (input === '' ? owner : input).replace(/^\/+|\/+$/g, '').toLowerCase()
  if (!isNamespace(namespace)) {
    throw new InputError(
      `Input 'namespace' is ${JSON.stringify(input || owner)}; expected lower-case path components joined by '/' (letters, digits, '.', '_', '-'), e.g. acme or acme/team.`,
      { input: 'namespace' }
    )
  }
  return namespace
}

function readArgoCd(
  text: (name: string) => string,
  optional: (name: string) => string | undefined,
  bool: (name: string, fallback: boolean) => boolean,
  list: (name: string, commas?: boolean) => string[]
): ArgoCdInputs {
  return {
    webhookUrl: optional('argocd-webhook-url'),
    webhookSecret: optional('argocd-webhook-secret'),
    repoUrl: optional('argocd-repo-url'),
    server: optional('argocd-server'),
    token: optional('argocd-token'),
    // Application names never hold a comma; `app-a,app-b` is how other actions take a list.
    apps: list('argocd-app', true),
    sync: bool('argocd-sync', false),
    wait: bool('argocd-wait', false),
    timeoutSeconds: readInteger(
      'argocd-timeout',
      text('argocd-timeout'),
      300,
      1,
      MAX_TIMEOUT_SECONDS
    ),
    insecure: bool('argocd-insecure', false)
  }
}

// Conflicts between inputs, each refused naming the input that asks for too much.
function checkCombinations(given: {
  readonly build: boolean
  readonly commit: boolean
  readonly createPr: boolean
  readonly pinDigest: boolean
  readonly rollbackOnFailure: boolean
  readonly wait: boolean
}): void {
  if (given.pinDigest && !given.build) {
    throw new InputError(
      "Input 'pin-digest: true' needs digests, which only a build produces; it cannot be used with 'build: false'.",
      { input: 'pin-digest' }
    )
  }
  if (given.rollbackOnFailure && !given.wait) {
    throw new InputError(
      "Input 'rollback-on-failure: true' needs 'argocd-wait: true': only a failed wait can trigger a rollback.",
      { input: 'rollback-on-failure' }
    )
  }
  if (given.rollbackOnFailure && !given.commit) {
    throw new InputError(
      "Inputs 'rollback-on-failure: true' and 'commit: false' conflict: a rollback is a commit on the branch the release went to.",
      { input: 'rollback-on-failure' }
    )
  }
  if (given.rollbackOnFailure && given.createPr) {
    throw new InputError(
      "Inputs 'rollback-on-failure: true' and 'create-pr: true' conflict: a rollback reverts a direct commit, and a pull request is not deployed by this run.",
      { input: 'rollback-on-failure' }
    )
  }
}

// The token goes to the GitHub API with every request: never over plain http to another host
// (git mode refuses the same for git's own requests).
function checkApiTransport(apiUrl: string, commitMode: string): void {
  let url: URL
  try {
    url = new URL(apiUrl)
  } catch {
    throw new InputError(`GITHUB_API_URL is ${JSON.stringify(apiUrl)}; expected an http(s) URL.`, {
      input: 'commit-mode'
    })
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url))) return
  const why = commitMode === 'api' ? "'commit-mode: api'" : "'create-pr: true'"
  throw new InputError(
    `${why} sends 'token' to the GitHub API at ${url.origin}, which is not https (nor a loopback address); the token would cross the network unencrypted. Use an https GITHUB_API_URL.`,
    { input: commitMode === 'api' ? 'commit-mode' : 'create-pr' }
  )
}

// git writes the author into the commit header as `NAME <EMAIL>`: a line break would forge
// header lines (git strips it silently), and `<` or `>` would break the header apart.
function authorField(name: string, value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f<>]/.test(value)) {
    throw new InputError(
      `Input '${name}' holds a control character, '<' or '>'; git would alter or refuse it. Give plain text.`,
      { input: name }
    )
  }
  return value
}

function readBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(`Input '${name}' is '${value}'; expected 'true' or 'false'.`, {
    input: name
  })
}

function readInteger(
  name: string,
  value: string,
  fallback: number,
  min: number,
  max: number
): number {
  if (value === '') return fallback
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new InputError(
      `Input '${name}' is '${value}'; expected a whole number from ${min} to ${max}.`,
      { input: name }
    )
  }
  return parsed
}
