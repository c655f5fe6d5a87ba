import { rm } from 'node:fs/promises'
import { apiTarget, connectApi } from './publish-api.js'
import { gitContextFactory, openRepository } from './publish-git.js'
import { resolveServices } from './publish.js'
import type { PublishOptions, PublishServices } from './types.js'

/** Answers "is this commit the other one, or a descendant of it, on the GitOps repository?". */
export interface DescendantCheck {
  /** True when `commit` equals `ancestor` or has it in its history; false for an unknown commit. */
  isDescendant(ancestor: string, commit: string): Promise<boolean>
  /** Removes what the check set up (the temporary clone in git mode). */
  close(): Promise<void>
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/**
 * The check for the repository and commit mode of `options` (the same as the publish): in git
 * mode `git merge-base --is-ancestor`, fetching a commit that is not present yet (without file
 * contents, bounded by the same network limits as the publish); in api mode GitHub's compare API
 * (identical or ahead means yes).
 */
export async function createDescendantCheck(
  options: PublishOptions,
  services: PublishServices
): Promise<DescendantCheck> {
  const deps = resolveServices(options, services)
  if (options.token) deps.runtime.setSecret(options.token)
  if (options.mode === 'api') {
    const { api, repository } = connectApi(options, apiTarget(options).repository, deps)
    return {
      async isDescendant(ancestor, commit) {
        if (!SHA.test(ancestor) || !SHA.test(commit)) return false
        const status = await api.compare(repository, ancestor, commit)
        return status === 'identical' || status === 'ahead'
      },
      close: () => Promise.resolve()
    }
  }
  const repo = await openRepository(options, gitContextFactory(options, deps), deps)
  const present = async (sha: string): Promise<boolean> =>
    (await repo.git.hasCommit(sha)) || (await repo.git.fetchCommit('origin', sha))
  return {
    async isDescendant(ancestor, commit) {
      if (!SHA.test(ancestor) || !SHA.test(commit)) return false
      if (ancestor === commit) return true
      if (!(await present(commit)) || !(await present(ancestor))) return false
      return repo.git.isAncestor(ancestor, commit)
    },
    async close() {
      if (options.target.kind === 'remote') await rm(repo.git.dir, { recursive: true, force: true })
    }
  }
}
