import { PublishError } from '../../lib/errors.js'
import type { Logger } from '../../lib/logger.js'
import type { GitHubApi, PullRequestRef } from './api.js'
import type { OwnerName } from '../../lib/git-url.js'

/** What the pull request should say. */
export interface PullRequestSpec {
  readonly head: string
  readonly base: string
  readonly title: string
  readonly body: string
  readonly labels: readonly string[]
}

/** The pull request after ensurePullRequest, and whether it was opened now or already open. */
export interface EnsuredPullRequest extends PullRequestRef {
  readonly opened: boolean
}

/** Opens a pull request from `head` to `base`, or updates the one already open for `head`. */
export async function ensurePullRequest(
  api: GitHubApi,
  repository: OwnerName,
  spec: PullRequestSpec,
  logger: Logger
): Promise<EnsuredPullRequest> {
  const fields = { title: spec.title, body: spec.body }
  let pull: PullRequestRef
  let opened = false
  const open = await api.findOpenPull(repository, spec.head, spec.base)
  if (open) {
    pull = await api.updatePull(repository, open.number, fields)
    logger.info(`Updated the open pull request #${pull.number}: ${pull.url}`)
  } else {
    const created = await api.createPull(repository, {
      ...fields,
      head: spec.head,
      base: spec.base
    })
    if (created === 'exists') {
      // another job opened it between our lookup and our request
      const raced = await api.findOpenPull(repository, spec.head, spec.base)
      if (!raced) {
        throw new PublishError(
          `GitHub says a pull request from ${spec.head} already exists in ${repository.owner}/${repository.repo}, but none is open against ${spec.base}. Close it or choose another branch.`,
          { input: 'create-pr' }
        )
      }
      pull = await api.updatePull(repository, raced.number, fields)
      logger.info(`Updated the open pull request #${pull.number}: ${pull.url}`)
    } else {
      pull = created
      opened = true
      logger.info(`Opened pull request #${pull.number}: ${pull.url}`)
    }
  }
  await api.addLabels(repository, pull.number, spec.labels)
  return { ...pull, opened }
}
