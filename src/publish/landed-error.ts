import { ActionError, PublishError, errorMessage } from '../lib/errors.js'
import type { PublishResult } from './types.js'

/**
 * A publish that failed after its commit reached the remote (the pull request could not be
 * opened, the workspace files could not be updated): `result` says what landed, so the outputs
 * and the summary still name the commit, the branch and the pull request branch's head.
 */
export class LandedError extends PublishError {
  /** What is on the remote now. */
  readonly result: PublishResult

  constructor(result: PublishResult, cause: unknown) {
    const landed =
      result.commitSha === ''
        ? `${result.branch} already held the change`
        : `Commit ${result.commitSha} landed on ${result.branch}`
    super(
      `${landed}, but the step after it failed: ${errorMessage(cause)}`,
      cause instanceof ActionError ? cause.location : {}
    )
    this.result = result
  }
}

/** What landed before `error`, when it is a LandedError; undefined otherwise. */
export function landedResult(error: unknown): PublishResult | undefined {
  return error instanceof LandedError ? error.result : undefined
}
