import { createPublishDeps } from './publish.js'
import { openPublisher } from './session.js'
import type { PublishOptions, PublishServices } from './types.js'

/** Answers "is this commit the other one, or a descendant of it, on the GitOps repository?". */
export interface DescendantCheck {
  /** True when `commit` equals `ancestor` or has it in its history; false for an unknown commit. */
  isDescendant(ancestor: string, commit: string): Promise<boolean>
  /** Removes what the check set up (the temporary clone in git mode). */
  close(): Promise<void>
}

/**
 * The ancestry check of a publisher of its own (see Publisher.isDescendant). A run that also
 * publishes should ask its one Publisher instead, which shares the clone.
 */
export async function createDescendantCheck(
  options: PublishOptions,
  services: PublishServices
): Promise<DescendantCheck> {
  return openPublisher(options, createPublishDeps(options, services))
}
