import { PublishError } from '../errors.js'
import type { FileEdit } from '../edit/types.js'
import { shortSha } from '../lib/text.js'
import type { CommitStrategy } from './driver.js'
import { RATE_LIMIT_POLICY, type GitHubApi } from './github-api.js'
import { ensurePullRequest } from './pull-request.js'
import { checkPrerequisites } from './publish-common.js'
import {
  commitWebUrl,
  normalizeRemote,
  repositoryFromUrl,
  withoutCredentials,
  type RepositoryName
} from './remote-url.js'
import { sameTreeAfter } from './tree-compare.js'
import { createTreeSource, type TreeEntry } from './tree-source.js'
import type { PublishOptions, ResolvedServices } from './types.js'

/** The target's URL (a remote target) and its OWNER/NAME when it is on the GitHub server. */
export function apiTarget(options: PublishOptions): {
  readonly url?: string
  readonly repository?: RepositoryName
} {
  const url =
    options.target.kind === 'remote'
      ? normalizeRemote(options.target.url, options.workspace)
      : undefined
  const repository =
    options.github.repository ??
    (url === undefined ? undefined : repositoryFromUrl(url, options.github.serverUrl))
  return { ...(url === undefined ? {} : { url }), ...(repository ? { repository } : {}) }
}

/**
 * The GitHub API client for commit-mode api on `repository` (rate-limit waits on the deps'
 * clock); PublishError naming the input without a repository or a token.
 */
export function connectApi(
  options: PublishOptions,
  repository: RepositoryName | undefined,
  deps: ResolvedServices
): { readonly api: GitHubApi; readonly repository: RepositoryName } {
  if (!repository || !options.token) {
    throw new PublishError(
      'commit-mode: api needs the target repository on the GitHub server and a token.',
      { input: 'commit-mode' }
    )
  }
  const api = deps.createGitHubApi(options.token, options.github, {
    clock: deps.clock,
    policy: RATE_LIMIT_POLICY,
    logger: deps.logger
  })
  return { api, repository }
}

/**
 * The API strategy: read the tip through GraphQL, the files through the trees and blobs API,
 * and land with createCommitOnBranch, whose expectedHeadOid makes GitHub do the
 * compare-and-swap (and sign the commit). No clone, no git.
 */
export function createApiStrategy(options: PublishOptions, deps: ResolvedServices): CommitStrategy {
  const { logger } = deps
  const target = apiTarget(options)
  checkPrerequisites(options, target.repository !== undefined)
  const { api, repository } = connectApi(options, target.repository, deps)
  const { url } = target
  const label = `${repository.owner}/${repository.repo}`
  logger.info(
    `commit-mode api: GitHub creates and signs the commit as the token's identity; author-name and author-email are not used.`
  )
  // the listing of the tip the current attempt read (the pull request check compares trees)
  let read: { tip: string; entries: readonly TreeEntry[] } | undefined

  return {
    label,
    remoteUrl: withoutCredentials(
      url ?? `${options.github.serverUrl.replace(/\/+$/, '')}/${label}.git`
    ),
    onGitHub: true,
    commitUrl: (sha) => commitWebUrl(options.github.serverUrl, repository, sha),
    ...(options.target.kind === 'workspace' ? { workspaceRoot: options.workspace } : {}),
    readDefaultBranch: () => api.defaultBranch(repository),
    async readTip(branch) {
      const head = await api.branchHead(repository, branch)
      if (!head) return undefined
      const entries = await api.listTree(repository, head.treeOid)
      read = { tip: head.oid, entries }
      const source = createTreeSource(
        `${label}@${branch} (${shortSha(head.oid)})`,
        entries,
        (sha) => api.readBlob(repository, sha)
      )
      return { oid: head.oid, source }
    },
    // a re-run: the release branch is one commit on the tip whose tree is the one we would write
    async prBranchHolds(tip, changed: readonly FileEdit[]) {
      const prHead = await api.branchHead(repository, options.prBranch)
      if (prHead?.parentOid !== tip || read?.tip !== tip) return undefined
      const writes = changed.map((edit) => ({
        path: edit.path,
        content: Buffer.from(edit.after, 'utf8')
      }))
      const same = sameTreeAfter(
        read.entries,
        writes,
        await api.listTree(repository, prHead.treeOid)
      )
      return same ? prHead.oid : undefined
    },
    async commitAndSwap(tip, changed, ref) {
      // the pull request branch is ours: it starts again from the tip
      if (options.createPr) await api.setBranch(repository, ref, tip)
      const outcome = await api.createCommitOnBranch(
        repository,
        ref,
        tip,
        options.message,
        changed.map((edit) => ({
          path: edit.path,
          contents: Buffer.from(edit.after, 'utf8').toString('base64')
        }))
      )
      if (outcome.ok) return { ok: true, sha: outcome.oid, url: outcome.url }
      return { ok: false, kind: outcome.kind, output: outcome.detail }
    },
    openPullRequest: (spec) => ensurePullRequest(api, repository, spec, logger)
  }
}
