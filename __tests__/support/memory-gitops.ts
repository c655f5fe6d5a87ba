import { createHash } from 'node:crypto'
import { unifiedDiff } from '../../src/edit/unified-diff.js'
import type { GitOpsRepository } from '../../src/pipeline/stages.js'
import type { PublishResult } from '../../src/publish/publish.js'
import type { PublishSettings } from '../../src/settings/settings.js'
import { createMemorySource } from './memory-source.js'

type Files = Record<string, string>

/** One landed commit of the in-memory repository. */
export interface MemoryCommit {
  readonly sha: string
  readonly branch: string
  readonly message: string
  readonly files: Files
  readonly parent?: string
}

/**
 * A GitOps repository in memory for pipeline tests: branches of commits, each a full snapshot.
 * `open(options)` gives the GitOpsRepository of one branch: preview and land compute on the
 * branch tip (land appends a commit, or with createPr moves the pull request branch), sourceAt
 * reads any commit, isDescendant follows parents. `calls` records what was done, in order.
 */
export function createMemoryGitOps(branches: Readonly<Record<string, Files>>): {
  readonly commits: Map<string, MemoryCommit>
  readonly tips: Map<string, string>
  readonly calls: string[]
  /** Appends a commit to `branch` with `files` changed (another writer). */
  commit(branch: string, files: Files, message?: string): string
  open(options: PublishSettings): GitOpsRepository
} {
  const commits = new Map<string, MemoryCommit>()
  const tips = new Map<string, string>()
  const calls: string[] = []
  const add = (branch: string, files: Files, message: string): string => {
    const parent = tips.get(branch)
    const sha = createHash('sha1')
      .update(`${parent ?? ''}\n${branch}\n${message}\n${JSON.stringify(files)}`)
      .digest('hex')
    commits.set(sha, { sha, branch, message, files, ...(parent === undefined ? {} : { parent }) })
    tips.set(branch, sha)
    return sha
  }
  for (const [branch, files] of Object.entries(branches)) add(branch, files, 'initial')
  const tipFiles = (branch: string): Files => {
    const tip = tips.get(branch)
    const found = tip === undefined ? undefined : commits.get(tip)
    if (found === undefined) throw new Error(`no branch ${branch}`)
    return found.files
  }
  const ancestors = (sha: string): Set<string> => {
    const seen = new Set<string>()
    for (let at: string | undefined = sha; at !== undefined; at = commits.get(at)?.parent) {
      seen.add(at)
    }
    return seen
  }
  return {
    commits,
    tips,
    calls,
    commit: (branch, files, message = 'other') =>
      add(branch, { ...tipFiles(branch), ...files }, message),
    open(options) {
      const branch = options.branch ?? 'main'
      calls.push(`open ${branch}`)
      const attempt = async (
        text: { message: string; prBranch?: string },
        compute: (
          source: ReturnType<typeof createMemorySource>
        ) => Promise<{ path: string; before: string; after: string }[]>,
        dryRun: boolean
      ): Promise<PublishResult> => {
        const before = tips.get(branch) ?? ''
        const edits = await compute(createMemorySource(tipFiles(branch), `${branch}@${before}`))
        const changed = edits.filter((edit) => edit.before !== edit.after)
        const prBranch = text.prBranch ?? options.prBranch
        const landing = options.createPr ? prBranch : branch
        const files = Object.fromEntries(changed.map((edit) => [edit.path, edit.after]))
        const already =
          options.createPr && tips.has(prBranch)
            ? changed.every((edit) => tipFiles(prBranch)[edit.path] === edit.after)
            : changed.length === 0
        let commitSha = ''
        if (!dryRun && !already) {
          if (options.createPr && !tips.has(prBranch)) tips.set(prBranch, before)
          commitSha = add(landing, { ...tipFiles(landing), ...files }, text.message)
        }
        return {
          changed: !already,
          commitSha,
          commitUrl: '',
          branch: landing,
          before,
          defaultBranch: 'main',
          remoteUrl: 'https://github.com/acme/gitops.git',
          files: changed.map((edit) => edit.path),
          edits,
          diff: unifiedDiff(edits),
          ...(options.createPr && !dryRun
            ? { prNumber: 9, prUrl: 'https://github.com/acme/gitops/pull/9' }
            : {}),
          prOperation: options.createPr && !dryRun ? (already ? 'unchanged' : 'created') : '',
          prHeadSha: options.createPr && !dryRun ? (tips.get(prBranch) ?? '') : ''
        }
      }
      return {
        preview: (text, compute) => {
          calls.push(`preview ${branch}`)
          return attempt(text, compute, true)
        },
        land: (text, compute) => {
          calls.push(`land ${branch}`)
          return attempt(text, compute, options.dryRun)
        },
        isDescendant: (ancestor, commit) => Promise.resolve(ancestors(commit).has(ancestor)),
        sourceAt: (revision) => {
          const found = commits.get(revision)
          if (found === undefined) return Promise.reject(new Error(`no commit ${revision}`))
          return Promise.resolve(createMemorySource(found.files, revision))
        },
        close: () => {
          calls.push(`close ${branch}`)
          return Promise.resolve()
        }
      }
    }
  }
}
