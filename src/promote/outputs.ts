import { formatDuration } from './soak.js'

/** How a promotion ended, as far as its own outputs tell. */
export interface PromotionOutcome {
  /** `promote-from`. */
  readonly from: string
  /** `promote-to`. */
  readonly to: string
  /** A commit or a pull request landed. */
  readonly promoted: boolean
  /** The revision at which the gate saw the source healthy, once it did. */
  readonly sourceRevision?: string
  /** Seconds of soak still needed; undefined when the target has no soak or it was not measured. */
  readonly soakRemaining?: number
}

/** The outputs a promotion adds (see the contract's outputs table); all strings, '' when unknown. */
export function promotionOutputs(
  outcome: PromotionOutcome | undefined
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
