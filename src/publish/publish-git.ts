import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileEdit } from '../edit/types.js'
import { PublishError } from '../errors.js'
import { STATE_KEYS } from '../lib/runtime.js'
import { shortSha } from '../lib/text.js'
import type { Logger } from '../logger.js'
import type { CommitStrategy } from './driver.js'
import { classifyFailure } from './failure.js'
import {
  createGit,
  gitTopLevel,
  initBareRepository,
  networkEnv,
  sshCommandConfigured,
  type Git,
  type GitContext,
  type TreeFile
} from './git.js'
import { gitAuthEnv, tokenOrigins, type GitAuth } from './git-auth.js'
import { RATE_LIMIT_POLICY } from './github-api.js'
import { ensurePullRequest, type PullRequestSpec } from './pull-request.js'
import {
  commitWebUrl,
  hasEmbeddedCredentials,
  normalizeRemote,
  repositoryFromUrl,
  withoutCredentials
} from './remote-url.js'
import { isSshUrl } from '../lib/git-url.js'
import { sameTreeAfter } from './tree-compare.js'
import { createTreeSource, type TreeEntry } from './tree-source.js'
import { TEMP_PREFIX, type PublishOptions, type ResolvedServices } from './types.js'

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

/**
 * The git-CLI strategy: the workspace checkout or a temporary bare clone, plumbing on a
 * temporary index (work tree and index untouched), a non-force push as the compare-and-swap.
 * `close` removes the temporary clone.
 */
export async function createGitStrategy(
  options: PublishOptions,
  deps: ResolvedServices
): Promise<{ readonly strategy: CommitStrategy; close(): Promise<void> }> {
  const { logger } = deps
  const repo = await openRepository(options, gitContextFactory(options, deps), deps)
  const { git } = repo
  const onGitHub = repositoryFromUrl(repo.url, options.github.serverUrl)
  const repository = options.github.repository ?? onGitHub
  const label = repository ? `${repository.owner}/${repository.repo}` : withoutCredentials(repo.url)
  const identity = { name: options.authorName, email: options.authorEmail }
  // what the current attempt read: the tip's listing and, once written, the new tree
  let read: { tip: string; entries: TreeEntry[]; tree?: string } | undefined
  let prTip: string | undefined

  // the files to write over the tip, each keeping its mode there
  const treeFiles = (tip: string, changed: readonly FileEdit[]): TreeFile[] => {
    const modes = new Map((read?.tip === tip ? read.entries : []).map((e) => [e.path, e.mode]))
    return changed.map((edit) => ({
      path: edit.path,
      mode: modes.get(edit.path) ?? '100644',
      content: Buffer.from(edit.after, 'utf8')
    }))
  }

  const writeTree = async (tip: string, changed: readonly FileEdit[]): Promise<string> => {
    if (read?.tip === tip && read.tree !== undefined) return read.tree
    const tree = await git.writeTree(tip, treeFiles(tip, changed))
    if (read?.tip === tip) read.tree = tree
    return tree
  }

  let signing: Promise<boolean> | undefined
  // The commit of `changed` on `tip`, undefined when it would not change the tree. One git
  // process (fast-import) when the tip's listing is at hand and no signature is asked for;
  // otherwise a temporary index, write-tree and commit-tree (which signs).
  const commitOn = async (
    tip: string,
    changed: readonly FileEdit[]
  ): Promise<string | undefined> => {
    if (read?.tip === tip && read.tree === undefined && !(await (signing ??= git.signsCommits()))) {
      const files = treeFiles(tip, changed)
      if (sameTreeAfter(read.entries, files, read.entries)) return undefined
      return git.commitFiles(tip, files, options.message, identity)
    }
    const tree = await writeTree(tip, changed)
    if (tree === (await git.treeOf(tip))) return undefined
    return git.commitTree(tree, tip, options.message, identity)
  }

  const strategy: CommitStrategy = {
    label,
    remoteUrl: withoutCredentials(repo.url),
    onGitHub: repository !== undefined,
    commitUrl: (sha) => (onGitHub ? commitWebUrl(options.github.serverUrl, onGitHub, sha) : ''),
    ...(repo.root === undefined ? {} : { workspaceRoot: repo.root }),
    readDefaultBranch: async () => (await git.defaultBranch(REMOTE)) ?? '',
    async readTip(branch) {
      const tip = await git.fetchBranch(REMOTE, branch, repo.shallow)
      if (tip === undefined) return undefined
      const entries = await git.listTree(tip)
      read = { tip, entries }
      const source = createTreeSource(`${label}@${branch} (${shortSha(tip)})`, entries, (sha) =>
        git.readBlob(sha)
      )
      return { oid: tip, source }
    },
    async prBranchHolds(tip, changed) {
      prTip = await git.fetchBranch(REMOTE, options.prBranch, repo.shallow)
      if (prTip === undefined) return undefined
      const tree = await writeTree(tip, changed)
      const holds = (await git.treeOf(prTip)) === tree && (await git.parentsOf(prTip))[0] === tip
      return holds ? prTip : undefined
    },
    async commitAndSwap(tip, changed, ref) {
      const sha = await commitOn(tip, changed)
      if (sha === undefined) return { ok: 'unchanged' }
      // the pull request branch is ours to move, but only from where we saw it
      const lease = options.createPr ? (prTip ?? '') : undefined
      const result = await git.push(REMOTE, sha, `refs/heads/${ref}`, lease)
      if (result.ok) return { ok: true, sha, url: '' }
      return { ok: false, kind: classifyFailure(result.output), output: result.output, sha }
    },
    ...(repository
      ? {
          openPullRequest: (spec: PullRequestSpec) =>
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
        }
      : {})
  }
  return {
    strategy,
    async close() {
      if (options.target.kind === 'remote') await rm(git.dir, { recursive: true, force: true })
    }
  }
}
