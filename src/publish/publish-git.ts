import { shortSha } from '../lib/text.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PublishError } from '../errors.js'
import type { Logger } from '../logger.js'
import { casLoop, failureOutcome, type AttemptResult } from './cas-loop.js'
import { classifyFailure, type FailureContext } from './failure.js'
import {
  createGit,
  gitTopLevel,
  initBareRepository,
  networkEnv,
  sshCommandConfigured,
  type Git,
  type GitContext
} from './git.js'
import { gitAuthEnv, tokenOrigins, type GitAuth } from './git-auth.js'
import { RATE_LIMIT_POLICY } from './github-api.js'
import { ensurePullRequest } from './pull-request.js'
import { changedEdits, checkPrerequisites, chooseBranch } from './publish-common.js'
import {
  committedResult,
  resultBase,
  resultWithoutCommit,
  type ResultContext,
  type Settled
} from './publish-result.js'
import { STATE_KEYS } from '../lib/runtime.js'
import {
  TEMP_PREFIX,
  type ComputeChanges,
  type PublishDeps,
  type PublishOptions,
  type PublishResult
} from './types.js'
import {
  commitWebUrl,
  hasEmbeddedCredentials,
  normalizeRemote,
  repositoryFromUrl,
  withoutCredentials
} from './remote-url.js'
import { createTreeSource } from './tree-source.js'

interface Landed extends Settled {
  readonly sha: string
}

/** The local repository a git-mode publish works in. */
export interface Repository {
  readonly git: Git
  /** Work tree top level in workspace mode. */
  readonly root?: string
  readonly url: string
  readonly shallow: boolean
}

const REMOTE = 'origin'

// The token only goes to the GitHub server's origin; say so for every origin that gets none.
function credentials(
  urls: readonly string[],
  options: PublishOptions,
  logger: Logger,
  deps: PublishDeps
): GitAuth {
  const token = options.token ?? ''
  if (token === '') return gitAuthEnv([], token)
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
  const auth = gitAuthEnv(origins.send, token)
  auth.secrets.forEach(deps.setSecret)
  return auth
}

// ssh://host/path or the scp-like user@host:path form
function isSshUrl(url: string): boolean {
  return /^(?:ssh|git\+ssh|ssh\+git):\/\//i.test(url) || /^[^/\\:]+@[^/\\:]+:/.test(url)
}

// Credentials for the GitHub server's origin, then the network limits, in one GIT_CONFIG_* list.
async function gitEnv(
  urls: readonly string[],
  dir: string,
  options: PublishOptions,
  bare: GitContext,
  deps: PublishDeps
): Promise<{ env: Record<string, string>; secrets: readonly string[] }> {
  const auth = credentials(urls, options, bare.logger, deps)
  const inherited = process.env
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
  deps: PublishDeps
): Promise<Repository> {
  const bare = context({}, [])
  if (options.target.kind === 'workspace') {
    let root: string
    try {
      root = await gitTopLevel(options.workspace, bare)
    } catch {
      throw new PublishError(
        `The workspace ${options.workspace} is not a git repository. Run actions/checkout before this step, or set repository to the GitOps repository.`,
        { input: 'repository' }
      )
    }
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
    const git = createGit(root, context(auth.env, auth.secrets))
    return { git, root, url: urls.fetch, shallow: await git.isShallow() }
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
  deps.saveState(STATE_KEYS.cloneDir, dir)
  try {
    const git = await initBareRepository(dir, url, context(auth.env, auth.secrets))
    return { git, url, shallow: true }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

/** The git-CLI strategy: plumbing on a temporary index, non-force push, fetch and retry. */
export async function publishWithGit(
  options: PublishOptions,
  compute: ComputeChanges,
  logger: Logger,
  deps: PublishDeps
): Promise<PublishResult> {
  const repo = await openRepository(options, gitContextFactory(options, logger, deps), deps)
  try {
    return await land(options, compute, logger, deps, repo)
  } finally {
    if (options.target.kind === 'remote') await rm(repo.git.dir, { recursive: true, force: true })
  }
}

/** Builds the GitContext of one publish from the environment its git commands need. */
export function gitContextFactory(
  options: PublishOptions,
  logger: Logger,
  deps: PublishDeps
): (env: GitContext['env'], secrets: readonly string[]) => GitContext {
  return (env, secrets) => ({ runner: deps.runner, env, secrets, logger, tempDir: options.tempDir })
}

async function land(
  options: PublishOptions,
  compute: ComputeChanges,
  logger: Logger,
  deps: PublishDeps,
  repo: Repository
): Promise<PublishResult> {
  const { git } = repo
  const onGitHub = repositoryFromUrl(repo.url, options.github.serverUrl)
  const repository = options.github.repository ?? onGitHub
  const label = repository ? `${repository.owner}/${repository.repo}` : withoutCredentials(repo.url)
  checkPrerequisites(options, repository !== undefined)
  const identity = { name: options.authorName, email: options.authorEmail }
  let defaultBranch: string | undefined
  let branch = options.branch ?? ''
  let phase = 'reading'
  // a push whose answer was lost may still have landed: the next tip then is our commit
  let pushed: Landed | undefined
  const failureContext = (): FailureContext => ({ repository: label, branch, action: phase })

  const readDefaultBranch = async (): Promise<string> =>
    (defaultBranch ??= (await git.defaultBranch(REMOTE)) ?? '')

  const attempt = async (): Promise<AttemptResult<Landed>> => {
    phase = 'reading'
    if (branch === '') branch = await chooseBranch(options, readDefaultBranch, label, logger)
    // the default branch goes into Argo CD's push event; a dry run spares the round trip
    if (!options.dryRun) await readDefaultBranch()
    phase = 'fetching'
    const fetched = deps.clock.now()
    const tip = await git.fetchBranch(REMOTE, branch, repo.shallow)
    if (tip === undefined) return failureOutcome('missing-branch', '', failureContext())
    if (pushed?.sha === tip) return { done: pushed }
    logger.debug(`Tip of ${branch} is ${tip}`)
    const entries = await git.listTree(tip)
    const modes = new Map(entries.map((entry) => [entry.path, entry.mode]))
    const source = createTreeSource(`${label}@${branch} (${shortSha(tip)})`, entries, (sha) =>
      git.readBlob(sha)
    )
    const edits = await compute(source)
    const changed = changedEdits(edits)
    if (changed.length === 0) return { done: { tip, sha: '', edits, changed: false } }
    // changed content is a changed tree: a dry run writes no object into the repository
    if (options.dryRun) return { done: { tip, sha: '', edits, changed: true } }
    const tree = await git.writeTree(
      tip,
      changed.map((edit) => ({
        path: edit.path,
        mode: modes.get(edit.path) ?? '100644',
        content: Buffer.from(edit.after, 'utf8')
      }))
    )
    if (tree === (await git.treeOf(tip))) return { done: { tip, sha: '', edits, changed: false } }
    if (!options.createPr) {
      const sha = await git.commitTree(tree, tip, options.message, identity)
      phase = 'pushing'
      pushed = { tip, sha, edits, changed: true }
      const result = await git.push(REMOTE, sha, `refs/heads/${branch}`)
      if (result.ok) return { done: { tip, sha, edits, changed: true } }
      return failureOutcome(
        classifyFailure(result.output),
        result.output,
        failureContext(),
        deps.clock.now() - fetched
      )
    }
    const prTip = await git.fetchBranch(REMOTE, options.prBranch, repo.shallow)
    if (
      prTip !== undefined &&
      (await git.treeOf(prTip)) === tree &&
      (await git.parentsOf(prTip))[0] === tip
    ) {
      // a re-run: the release branch already is this change on this tip, so nothing to push
      logger.info(
        `${options.prBranch} already holds this change on ${branch}'s tip (${shortSha(tip)}); no new commit.`
      )
      return { done: { tip, sha: '', edits, changed: false, onPrBranch: true, prHead: prTip } }
    }
    const sha = await git.commitTree(tree, tip, options.message, identity)
    phase = 'pushing'
    const result = await git.push(REMOTE, sha, `refs/heads/${options.prBranch}`, prTip ?? '')
    if (result.ok) return { done: { tip, sha, edits, changed: true } }
    return failureOutcome(
      classifyFailure(result.output),
      result.output,
      { ...failureContext(), branch: options.prBranch },
      deps.clock.now() - fetched
    )
  }

  const landed = await casLoop(attempt, {
    attempts: options.pushAttempts,
    logger,
    context: failureContext,
    clock: deps.clock
  })
  const base = resultBase(landed, defaultBranch, withoutCredentials(repo.url))
  const context: ResultContext = {
    options,
    branch,
    label,
    logger,
    openPullRequest: repository
      ? (spec) =>
          ensurePullRequest(
            deps.createGitHubApi(options.token ?? '', options.github, {
              clock: deps.clock,
              policy: RATE_LIMIT_POLICY,
              logger
            }),
            repository,
            spec,
            logger
          )
      : undefined
  }
  const commitUrl = onGitHub ? commitWebUrl(options.github.serverUrl, onGitHub, landed.sha) : ''
  return (
    (await resultWithoutCommit(landed, base, context)) ??
    committedResult(base, { sha: landed.sha, url: commitUrl }, repo.root, context)
  )
}
