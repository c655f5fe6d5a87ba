import { buildSummaryTable } from './images/summary.js'
import type { ReleaseState } from './outputs.js'

/** The job summary as Markdown: images, the diff of each file, the commit, then stage sections. */
export function renderSummary(result: ReleaseState): string {
  const parts: string[] = [`## gitops-release: ${result.tag}`, '']
  if (result.failure !== undefined) parts.push(`**Failed:** ${result.failure}`, '')
  if (result.buildSeconds.size > 0) {
    const built = result.images.map((image) => ({
      ...image,
      ref: `${image.repository}:${image.tag}`,
      seconds: result.buildSeconds.get(image.name) ?? 0
    }))
    parts.push('### Images', '', buildSummaryTable(built))
  } else if (result.images.length > 0) {
    parts.push('### Images (not built)', '')
    for (const image of result.images)
      parts.push(`- ${image.name}: \`${image.repository}:${image.tag}\``)
    parts.push('')
  }
  const changed = result.edits.filter((edit) => edit.before !== edit.after)
  parts.push('### Changes', '')
  if (changed.length === 0) {
    parts.push('No file needed a change: the tags were already in place.', '')
  } else {
    for (const edit of changed) {
      parts.push(`\`${edit.path}\``, '', '```diff', fileDiff(result.diff, edit.path), '```', '')
    }
  }
  if (result.prUrl !== undefined && result.prNumber !== undefined) {
    parts.push('### Pull request', '', `[#${result.prNumber}](${result.prUrl})`, '')
  }
  if (result.commitSha !== '') {
    const short = result.commitSha.slice(0, 7)
    const commit = result.commitUrl === '' ? `\`${short}\`` : `[\`${short}\`](${result.commitUrl})`
    parts.push('### Commit', '', `${commit} on \`${result.branch}\``, '')
  }
  parts.push(...result.summarySections)
  return parts.join('\n')
}

// The `diff` output holds every file; the summary shows each file's part under its own heading.
function fileDiff(diff: string, file: string): string {
  const sections = diff.split(/^(?=--- )/m)
  const own = sections.find((section) => section.startsWith(`--- a/${file}\n`))
  return (own ?? diff).trimEnd()
}
