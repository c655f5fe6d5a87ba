import { PublishError } from '../lib/errors.js'
import type { FileEdit } from '../edit/types.js'
import type { Logger } from '../lib/logger.js'
import type { PublishOptions } from './types.js'
import { unifiedDiff } from '../edit/unified-diff.js'

/** The edits that change content. */
export function changedEdits(edits: readonly FileEdit[]): FileEdit[] {
  return edits.filter((edit) => edit.before !== edit.after)
}

/** Unified diff of every changed file. */
export function editsDiff(edits: readonly FileEdit[]): string {
  return unifiedDiff(changedEdits(edits))
}

/**
 * The branch to commit to when the `branch` input is empty, with the reason logged: the
 * workflow's branch for the workspace repository, the default branch for another repository.
 * The default branch is only read when it is the answer.
 */
export async function chooseBranch(
  options: PublishOptions,
  readDefaultBranch: () => Promise<string>,
  repository: string,
  logger: Logger
): Promise<string> {
  if (options.branch) return options.branch
  if (options.target.kind === 'workspace') {
    if (!options.workflowBranch) {
      // the default branch would be a surprise: a pull request or tag run would release to it
      throw new PublishError(
        `This run is not on a branch (GITHUB_REF is a pull request, tag or other ref, not refs/heads/...), so there is no workflow branch of ${repository} to commit to. Set the branch input to the branch that should receive the commit.`,
        { input: 'branch' }
      )
    }
    logger.info(`Committing to the workflow's branch ${options.workflowBranch} of ${repository}.`)
    return options.workflowBranch
  }
  const defaultBranch = await readDefaultBranch()
  if (defaultBranch === '') {
    throw new PublishError(
      `${repository} does not name a default branch (is it empty?). Set the branch input.`,
      { input: 'branch' }
    )
  }
  logger.info(`Committing to the default branch ${defaultBranch} of ${repository}.`)
  return defaultBranch
}

/** The pull request description. */
export function pullRequestBody(message: string, files: readonly string[], base: string): string {
  const body = message.split('\n').slice(1).join('\n').trim()
  return [
    ...(body === '' ? [] : [body, '']),
    'Files changed:',
    ...files.map((file) => `- \`${file}\``),
    '',
    `Opened by gitops-release. Merging it lands the release on \`${base}\`; a newer release for the same branch updates this pull request.`
  ].join('\n')
}

/**
 * Refuses options that cannot work, before anything is pushed; in a dry run too. (The token
 * they need is checked with the inputs, by the settings.)
 */
export function checkPrerequisites(options: PublishOptions, onGitHub: boolean): void {
  if (options.createPr || options.mode === 'api') {
    const what = options.mode === 'api' ? 'commit-mode: api' : 'create-pr'
    if (!onGitHub) {
      throw new PublishError(
        `${what} needs a repository on the GitHub server (${options.github.serverUrl}); the target is not one. Use commit-mode: git without create-pr, or set repository to OWNER/NAME.`,
        { input: options.mode === 'api' ? 'commit-mode' : 'create-pr' }
      )
    }
  }
}
