import * as core from '@actions/core'
import * as os from 'node:os'
import * as path from 'node:path'
import { InputError } from './errors.js'
import type { CommitTarget, GitHubEnvironment, Settings } from './settings/settings.js'
import { parseImages } from './settings/parse-images.js'
import { validateArgoCdOptions } from './argocd/validate.js'
import { validateRollbackInputs } from './rollback/validate.js'
import { maskArgoCdSecrets } from './argocd/mask.js'
import type { ArgoCdOptions } from './argocd/types.js'

/** How inputs are read; `@actions/core` in the action, a map in tests. */
export interface InputSource {
  /** The raw input text ('' when not set). */
  get(name: string): string
  /** Hides a secret from every later log line. */
  mask(secret: string): void
}

/** Reads inputs from the runner's `INPUT_*` variables. */
export const actionInputs: InputSource = {
  get: (name) => core.getInput(name),
  mask: (secret) => {
    core.setSecret(secret)
  }
}

const DEFAULT_VALUES_FILE = 'helm/values.yaml'
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const SECRETS = ['password', 'token', 'argocd-webhook-secret', 'argocd-token'] as const

/** Reads, validates and resolves every input once; the only reader of inputs. */
export function getInputs(
  inputs: InputSource = actionInputs,
  env: NodeJS.ProcessEnv = process.env
): Settings {
  // Mask before anything else can log a secret.
  for (const name of SECRETS) {
    const value = inputs.get(name).trim()
    if (value !== '') inputs.mask(value)
  }
  const text = (name: string): string => inputs.get(name).trim()
  const optional = (name: string): string | undefined => text(name) || undefined
  const bool = (name: string, fallback: boolean): boolean => readBoolean(name, text(name), fallback)
  const list = (name: string): string[] => splitList(inputs.get(name))

  const github = readGitHubEnvironment(env)
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd())

  const sha = github.sha
  const tag = text('tag') || sha.slice(0, 7)
  if (tag === '') {
    throw new InputError(
      "Input 'tag' is empty and GITHUB_SHA is not set, so no default tag can be derived. Set 'tag'.",
      { input: 'tag' }
    )
  }
  if (!TAG.test(tag)) {
    throw new InputError(
      `Input 'tag' is '${tag}'; expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127} (a Docker tag).`,
      { input: 'tag' }
    )
  }

  const registry = (text('registry') || 'docker.io').replace(/\/+$/, '')
  if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(registry)) {
    throw new InputError(
      `Input 'registry' is '${registry}'; expected a host with an optional port.`,
      {
        input: 'registry'
      }
    )
  }
  // Under act, GITHUB_REPOSITORY can be a local path or URL: only a real OWNER/NAME names an owner.
  const ownerName = /^([A-Za-z0-9_.-]+)\/[A-Za-z0-9_.-]+$/.exec(github.repository)?.[1] ?? ''
  const owner = /^[A-Za-z0-9_.-]+$/.test(env.GITHUB_REPOSITORY_OWNER ?? '')
    ? (env.GITHUB_REPOSITORY_OWNER ?? '')
    : ownerName
  const namespaceInput = inputs.get('namespace')
  const namespace = (namespaceInput.trim() === '' ? owner : namespaceInput.trim())
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase()
  const buildArgs = list('build-args')
  for (const arg of buildArgs) {
    if (!arg.includes('=')) {
      throw new InputError(`Input 'build-args': '${arg}' is not KEY=VALUE.`, {
        input: 'build-args'
      })
    }
  }
  const images = parseImages(inputs.get('images'), { registry, namespace, buildArgs })
  const changes = inputs.get('changes').trim()
  const build = bool('build', true) && images.length > 0
  if (images.length === 0 && changes === '') {
    throw new InputError(
      "Input 'images' is empty and 'changes' is not set: there is nothing to build or edit. List images (NAME or NAME=CONTEXT, one per line) or give 'changes'.",
      { input: 'images' }
    )
  }

  const username = optional('username')
  const password = optional('password')
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(
      "Inputs 'username' and 'password' go together: set both to log in to the registry, or neither.",
      { input: username === undefined ? 'username' : 'password' }
    )
  }

  const valuesText = inputs.get('values-file')
  const valuesFiles = splitList(valuesText === '' ? DEFAULT_VALUES_FILE : valuesText)
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
  const { target, targetName } = resolveTarget(text('repository'), github)
  const settings: Settings = {
    workspace,
    github,
    images,
    build,
    registry,
    namespace,
    tag,
    sha,
    shortSha: sha.slice(0, 7),
    username,
    password,
    platforms: optional('platforms'),
    buildArgs,
    cacheFrom: optional('cache-from'),
    cacheTo: optional('cache-to'),
    builder: optional('builder'),
    maxParallel: readInteger(
      'max-parallel',
      text('max-parallel'),
      Math.max(1, images.length),
      1,
      64
    ),
    valuesFiles,
    valuesFileIsDefault,
    tagPath: text('tag-path') || '{name}.tag',
    repositoryPath: optional('repository-path'),
    digestPath: optional('digest-path'),
    kustomizations: list('kustomization'),
    manifests: list('manifests'),
    pinDigest: bool('pin-digest', false),
    changes,
    createMissing: bool('create-missing', false),
    commit,
    target,
    targetName,
    branch: optional('branch')?.replace(/^refs\/heads\//, ''),
    token: optional('token'),
    message: text('message') || 'chore(release): {names} {tag} [skip ci]',
    authorName: text('author-name') || 'github-actions[bot]',
    authorEmail: text('author-email') || '41898282+github-actions[bot]@users.noreply.github.com',
    pushAttempts: readInteger('push-attempts', text('push-attempts'), 5, 1, 50),
    commitMode,
    createPr,
    prTitle: optional('pr-title'),
    prLabels: list('pr-labels'),
    dryRun: bool('dry-run', false),
    rollbackOnFailure: bool('rollback-on-failure', false),
    argocd: readArgoCd(
      (secret) => {
        inputs.mask(secret)
      },
      text,
      optional,
      bool,
      list
    )
  }
  validateRollbackInputs({
    rollbackOnFailure: settings.rollbackOnFailure,
    argocdWait: settings.argocd.wait,
    createPr: settings.createPr,
    commit: settings.commit
  })
  if (settings.pinDigest && !settings.build) {
    throw new InputError(
      "Input 'pin-digest: true' needs digests, which only a build produces; it cannot be used with 'build: false'.",
      { input: 'pin-digest' }
    )
  }
  return settings
}

function readArgoCd(
  mask: (secret: string) => void,
  text: (name: string) => string,
  optional: (name: string) => string | undefined,
  bool: (name: string, fallback: boolean) => boolean,
  list: (name: string) => string[]
): ArgoCdOptions {
  const server = optional('argocd-server')
  const options: ArgoCdOptions = {
    webhookUrl: optional('argocd-webhook-url'),
    webhookSecret: optional('argocd-webhook-secret'),
    repoUrl: optional('argocd-repo-url'),
    server,
    token: optional('argocd-token'),
    apps: list('argocd-app'),
    sync: bool('argocd-sync', false),
    wait: bool('argocd-wait', false),
    timeoutSeconds: readInteger('argocd-timeout', text('argocd-timeout'), 300, 1, 6 * 3600),
    insecure: bool('argocd-insecure', false)
  }
  validateArgoCdOptions(options)
  // A password inside a URL is a secret too; mask it now, not when the stage runs.
  maskArgoCdSecrets(options, mask)
  return options
}
/** Splits a list input: one item per line, blank and `#` comment lines dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
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

function readGitHubEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  // `||`, not `??`: harnesses and .env files often set these to the empty string.
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const isDotCom = /^https:\/\/github\.com$/i.test(serverUrl)
  const apiUrl = env.GITHUB_API_URL || (isDotCom ? 'https://api.github.com' : `${serverUrl}/api/v3`)
  const ref = env.GITHUB_REF ?? ''
  // A pull request runs on refs/pull/N/merge; its branch is the head branch.
  const branch = ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : env.GITHUB_HEAD_REF || undefined
  return {
    serverUrl,
    apiUrl,
    graphqlUrl:
      env.GITHUB_GRAPHQL_URL || (isDotCom ? `${apiUrl}/graphql` : `${serverUrl}/api/graphql`),
    repository: env.GITHUB_REPOSITORY ?? '',
    sha: env.GITHUB_SHA ?? '',
    ...(branch === undefined ? {} : { branch }),
    act: env.ACT === 'true',
    runnerTemp: env.RUNNER_TEMP || os.tmpdir()
  }
}

function resolveTarget(
  repository: string,
  github: GitHubEnvironment
): { target: CommitTarget; targetName: string } {
  if (repository === '' || repository.toLowerCase() === github.repository.toLowerCase()) {
    return {
      target: { kind: 'workspace' },
      targetName: github.repository || 'the workspace repository'
    }
  }
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    return {
      target: { kind: 'remote', url: `${github.serverUrl}/${repository}.git` },
      targetName: repository
    }
  }
  const isUrl = /^(https?|file|ssh|git):\/\//i.test(repository)
  const isScp = /^[^/\\\s]+@[^/\\:\s]+:/.test(repository)
  const isPath = repository.startsWith('/') || repository.startsWith('.')
  if (isUrl || isScp || isPath) {
    if (/^https?:\/\/[^/]*@/i.test(repository)) {
      throw new InputError(
        "Input 'repository' contains credentials in the URL; give the token in 'token' instead.",
        { input: 'repository' }
      )
    }
    return { target: { kind: 'remote', url: repository }, targetName: repository }
  }
  throw new InputError(
    `Input 'repository' is '${repository}'; expected OWNER/NAME or a git URL (https://…, file://…).`,
    { input: 'repository' }
  )
}
