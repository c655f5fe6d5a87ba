import { rm } from 'node:fs/promises'
import type { FileSource } from '../edit/types.js'
import { PublishError } from '../errors.js'
import { shortSha } from '../lib/text.js'
import { apiTarget, connectApi } from '../publish/publish-api.js'
import { gitContextFactory, openRepository } from '../publish/publish-git.js'
import { resolveServices } from '../publish/publish.js'
import { createTreeSource } from '../publish/tree-source.js'
import type { PublishOptions, PublishServices } from '../publish/types.js'

/** Reads the files of the GitOps repository at any commit. */
export interface RevisionReader {
  /** The files at `revision` (a full commit SHA); throws PublishError for an unknown commit. */
  sourceAt(revision: string): Promise<FileSource>
  /** Removes what reading set up (a temporary clone). */
  close(): Promise<void>
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i

/**
 * The reader for the repository and commit mode of `options`: in git mode the commit is fetched
 * without file contents (git fetches the blobs read, on demand) and read as a tree source; in
 * api mode through GitHub's trees and blobs API. Symbolic links and submodules are refused as
 * the publish stage refuses them.
 */
export async function openRevisionReader(
  options: PublishOptions,
  services: PublishServices
): Promise<RevisionReader> {
  const deps = resolveServices(options, services)
  const unknown = (revision: string): PublishError =>
    new PublishError(`The commit ${revision} is not in the GitOps repository.`, {
      input: 'environments'
    })
  if (options.mode === 'api') {
    const { api, repository } = connectApi(options, apiTarget(options).repository, deps)
    return {
      async sourceAt(revision) {
        if (!SHA.test(revision)) throw unknown(revision)
        // The trees API takes a commit SHA as well and answers with that commit's tree.
        const entries = await api.listTree(repository, revision)
        return createTreeSource(
          `${repository.owner}/${repository.repo}@${shortSha(revision)}`,
          entries,
          (sha) => api.readBlob(repository, sha)
        )
      },
      close: () => Promise.resolve()
    }
  }
  const repo = await openRepository(options, gitContextFactory(options, deps), deps)
  return {
    async sourceAt(revision) {
      const sha = revision.toLowerCase()
      if (!SHA.test(sha)) throw unknown(revision)
      if (!(await repo.git.hasCommit(sha)) && !(await repo.git.fetchCommit('origin', sha))) {
        throw unknown(revision)
      }
      const entries = await repo.git.listTree(sha)
      return createTreeSource(`the GitOps repository at ${shortSha(sha)}`, entries, (blob) =>
        repo.git.readBlob(blob)
      )
    },
    async close() {
      if (options.target.kind === 'remote') await rm(repo.git.dir, { recursive: true, force: true })
    }
  }
}
