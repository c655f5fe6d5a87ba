import { markdownCell, shortSha } from '../lib/text.js'
import type { PromotionState } from './outputs.js'
import { formatDuration } from './soak.js'

/**
 * The job summary's promotion section: from → to and the outcome, each image as
 * `REPOSITORY:TAG@DIGEST` (and where its digest came from), the source revision and its health,
 * and the soak. The commit or pull request and the target's Argo CD state have their own sections.
 */
export function promotionSummary(promotion: PromotionState, failed: boolean): string {
  const lines = [
    `### Promotion: ${markdownCell(promotion.from)} → ${markdownCell(promotion.to)}`,
    ''
  ]
  lines.push(outcome(promotion, failed), '')
  const images = promotion.images ?? []
  if (images.length > 0) {
    lines.push('| Image | Ref | Digest from |', '| --- | --- | --- |')
    for (const image of images) {
      const digest = image.digest === '' ? '' : `@${image.digest}`
      const from = image.digest === '' ? '' : image.recorded ? 'the source files' : 'the registry'
      lines.push(
        `| ${markdownCell(image.name)} | \`${markdownCell(`${image.repository}:${image.tag}${digest}`)}\` | ${from} |`
      )
    }
    lines.push('')
  }
  if (promotion.sourceRevision !== undefined) {
    const health = promotion.sourceHealth === undefined ? '' : `: ${promotion.sourceHealth}`
    lines.push(
      `Source \`${markdownCell(promotion.from)}\` at \`${shortSha(promotion.sourceRevision)}\`${markdownCell(health)}.`,
      ''
    )
  }
  if (promotion.soakSeconds !== undefined && promotion.soakRemaining !== undefined) {
    lines.push(
      promotion.soakRemaining === 0
        ? `Soak: ${formatDuration(promotion.soakSeconds)} reached.`
        : `Soak: ${formatDuration(promotion.soakRemaining)} of ${formatDuration(promotion.soakSeconds)} still to go.`,
      ''
    )
  }
  return lines.join('\n')
}

function outcome(promotion: PromotionState, failed: boolean): string {
  if (promotion.promoted) return 'Promoted.'
  if (promotion.alreadyPromoted === true)
    return `Nothing to do: \`${markdownCell(promotion.to)}\` already runs these images.`
  if (failed) return 'Not promoted: the run failed.'
  if (promotion.soakRemaining !== undefined && promotion.soakRemaining > 0)
    return 'Not promoted yet: the soak is not over. Nothing was written; run again later.'
  return 'Not promoted: nothing landed (a dry run, or the pull request already holds it).'
}
