import { formatDuration } from './soak.js'

/** One image of a promotion: what moved, as the registry confirmed it. */
export interface PromotedImage {
  readonly name: string
  readonly repository: string
  readonly tag: string
  /** `sha256:…`. */
  readonly digest: string
  /** True when the source's files recorded the digest; false when read from the registry. */
  readonly recorded: boolean
}

/**
 * What a promotion has found and done so far, filled step by step by the pipeline; the outputs
 * and the summary are derived from it.
 */
export interface PromotionState {
  /** `promote-from`. */
  readonly from: string
  /** `promote-to`. */
  readonly to: string
  /** The source branch's tip the candidate was read at. */
  sourceTip?: string
  /** The candidate (with the registry's digests once checked). */
  images?: readonly PromotedImage[]
  /** The target already held the candidate: nothing to do. */
  alreadyPromoted?: boolean
  /** The revision at which the gate saw the source healthy (the tip when it has no gate). */
  sourceRevision?: string
  /** How the source was judged: `Synced and Healthy`, or why it was not checked. */
  sourceHealth?: string
  /** The target's soak, in seconds, when it has one. */
  soakSeconds?: number
  /** Seconds of soak still needed, once measured. */
  soakRemaining?: number
  /** A commit or a pull request landed. */
  promoted: boolean
}

/** The outputs a promotion adds (see the contract's outputs table); all strings, '' when unknown. */
export function promotionOutputs(
  outcome: PromotionState | undefined
): Record<
  'promoted' | 'promoted-from' | 'promoted-to' | 'source-revision' | 'soak-remaining',
  string
> {
  return {
    promoted: outcome?.promoted === true ? 'true' : 'false',
    'promoted-from': outcome?.from ?? '',
    'promoted-to': outcome?.to ?? '',
    'source-revision': outcome?.sourceRevision ?? '',
    'soak-remaining': outcome?.soakRemaining === undefined ? '' : String(outcome.soakRemaining)
  }
}

/** The notice of a promotion that waits for its soak (the run still succeeds). */
export function soakNotice(from: string, to: string, remainingSeconds: number): string {
  return (
    `Not promoted to '${to}' yet: '${from}' must run the candidate for ${formatDuration(remainingSeconds)} more ` +
    `(soak-remaining=${remainingSeconds}). Nothing was written; run again later.`
  )
}
