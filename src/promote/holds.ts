import type { FileSource } from '../edit/types.js'
import { readCandidate, sameCandidate } from './candidate.js'
import type { CandidateImage, CandidateSettings, NamedImage } from './candidate.js'

/** What the "does revision R hold the candidate" question needs from git. */
interface HoldsDeps {
  /** The files of the source repository at a commit (e.g. a tree source over `git ls-tree`). */
  readonly sourceAt: (revision: string) => Promise<FileSource>
  /** Whether `revision` is the source branch's tip or an ancestor of it. */
  readonly onBranch: (revision: string) => Promise<boolean>
}

/**
 * The gate's and the soak's `holdsCandidate`: true when `revision` is on the source branch and
 * the source environment's files there hold exactly the candidate (as `sameCandidate` compares,
 * the digest the files record included). A revision whose files do not hold the images at all,
 * or hold them in two versions, does not count (false, not an error). Each revision is
 * answered once.
 */
export function candidateHolder(
  env: CandidateSettings,
  images: readonly NamedImage[],
  candidate: readonly CandidateImage[],
  deps: HoldsDeps
): (revision: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>()
  const answer = async (revision: string): Promise<boolean> => {
    if (!(await deps.onBranch(revision))) return false
    let held: CandidateImage[]
    try {
      held = await readCandidate(await deps.sourceAt(revision), env, images)
    } catch {
      // A revision where the files are missing or disagree is simply not one that holds it.
      return false
    }
    return sameCandidate(held, candidate)
  }
  return (revision) => {
    const key = revision.toLowerCase()
    let known = answers.get(key)
    if (known === undefined) {
      known = answer(revision)
      answers.set(key, known)
    }
    return known
  }
}
