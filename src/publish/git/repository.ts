import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PublishError } from '../../lib/errors.js'
import { isSshUrl } from '../../lib/git-url.js'
import { STATE_KEYS } from '../../lib/runtime.js'
import type { Logger } from '../../lib/logger.js'
import {
  createGit,
  initBareRepository,
  sshCommandConfigured,
  workTreeOf,
  type Git,
  type GitContext,
  type WorkTree
} from './git.js'
import { gitAuthEnv, tokenOrigins, type GitAuth } from './auth.js'
import { networkEnv } from './env.js'
import { hasEmbeddedCredentials, normalizeRemote } from '../remote-url.js'
import { TEMP_PREFIX, type PublishOptions, type ResolvedServices } from '../types.js'

/** The local repository a git-mode publish works in. */
export interface Repository {
  readonly git: Git
  /** Work tree top level in workspace mode. */
  readonly root?: string
  readonly url: string
  readonly shallow: boolean
}

/** The remote every git command of the stage talks to. */
export const REMOTE = 'origin'

// The token only goes to the GitHub server's origin; say so for every origin that gets none.
function credentials(
  urls: readonly string[],
  options: PublishOptions,
  logger: Logger,
  deps: ResolvedServices
): GitAuth {
  const token = options.token ?? ''
  if (token === '') return gitAuthEnv([], token, options.env)
  const origins = tokenOrigins(urls, options.github.serverUrl)
  for (const { origin, reason } of origins.withheld) {
    const host = new URL(origin).host
    if (reason === 'plain-http') {
      logger.warning(
        `No credentials are sent to ${host}: the token never goes over plain http:// (except to a loopback host). Use https:// for ${host}.`
      )
    } else {
      logger.info(
        `No credentials are sent to ${host}: the token only goes to the GitHub server ${options.github.serverUrl}. A private repository on ${host} needs its own git credentials, set up in an earlier step (a credential helper or http.extraheader).`
      )
    }
  }
  const auth = gitAuthEnv(origins.send, token, options.env)
  auth.secrets.forEach((secret) => {
    deps.runtime.setSecret(secret)
  })
  return auth
}

// Credentials for the GitHub server's origin, then the network limits, in one GIT_CONFIG_* list.
async function gitEnv(
  urls: readonly string[],
  dir: string,
  options: PublishOptions,
  bare: GitContext,
  deps: ResolvedServices
): Promise<{ env: Record<string, string>; secrets: readonly string[] }> {
  const auth = credentials(urls, options, bare.logger, deps)
  const inherited = options.env
  const start =
    Number.parseInt(auth.env.GIT_CONFIG_COUNT ?? inherited.GIT_CONFIG_COUNT ?? '0', 10) || 0
  const network = networkEnv(
    deps.networkLimits,
    inherited,
    // only an ssh remote needs to know (one git process less for http(s) and local remotes)
    urls.some(isSshUrl) && (await sshCommandConfigured(dir, bare)),
    start
  )
  return {
    env: { ...auth.env, ...network.env, GIT_CONFIG_COUNT: String(network.next) },
    secrets: auth.secrets
  }
}

/**
 * The workspace checkout (credentials for its origin in the environment), or an empty temporary
 * bare repository whose origin is the target URL (the caller removes `git.dir`).
 */
export async function openRepository(
  options: PublishOptions,
  context: (env: GitContext['env'], secrets: readonly string[]) => GitContext,
  deps: ResolvedServices
): Promise<Repository> {
  const bare = context({}, [])
  if (options.target.kind === 'workspace') {
    let workTree: WorkTree
    try {
      workTree = await workTreeOf(options.workspace, bare)
    } catch {
      throw new PublishError(
        `The workspace ${options.workspace} is not a git repository. Run actions/checkout before this step, or set repository to the GitOps repository.`,
        { input: 'repository' }
      )
    }
    const { root, gitDir, shallow } = workTree
    let urls: { fetch: string; push: string }
    try {
      urls = await createGit(root, bare).remoteUrls(REMOTE)
    } catch {
      throw new PublishError(
        `The workspace repository at ${root} has no remote named origin. Check out the repository with actions/checkout, or set repository.`,
        { input: 'repository' }
      )
    }
    const auth = await gitEnv([urls.fetch, urls.push], root, options, bare, deps)
    const git = createGit(root, context(auth.env, auth.secrets), gitDir)
    return { git, root, url: urls.fetch, shallow }
  }
  const url = normalizeRemote(options.target.url, options.workspace)
  if (hasEmbeddedCredentials(url)) {
    throw new PublishError(
      `The repository URL carries credentials. Remove them from the URL and pass the token in the token input.`,
      { input: 'repository' }
    )
  }
  const auth = await gitEnv([url], options.tempDir, options, bare, deps)
  const dir = await mkdtemp(join(options.tempDir, `${TEMP_PREFIX}clone-`))
  deps.runtime.saveState(STATE_KEYS.cloneDir, dir)
  try {
    const git = await initBareRepository(dir, url, context(auth.env, auth.secrets))
    return { git, url, shallow: true }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

/** Builds the GitContext of one publish from the environment its git commands need. */
export function gitContextFactory(
  options: PublishOptions,
  deps: ResolvedServices
): (env: GitContext['env'], secrets: readonly string[]) => GitContext {
  return (env, secrets) => ({
    runner: deps.runner,
    env,
    secrets,
    logger: deps.logger,
    tempDir: options.tempDir
  })
}
