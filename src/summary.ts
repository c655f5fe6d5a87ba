import { argoCdSummary } from './argocd/summary.js'
import { promotionSummary } from './promote/summary.js'
import { rollbackSummary } from './rollback/summary.js'
import { markdownCell, shortSha } from './lib/text.js'
import { releaseDiff, releaseEdits, type ReleaseState } from './outputs.js'
import type { BuiltImage } from './images/build-images.js'

/** The job summary as Markdown: images, the diff of each file, the commit, then Argo CD. */
export function renderSummary(state: ReleaseState): string {
  const parts: string[] = [
    state.tag === '' ? '## gitops-release' : `## gitops-release: ${state.tag}`,
    ''
  ]
  // The message may quote an input: shown as text, never as HTML.
  if (state.failure !== undefined) parts.push(`**Failed:** ${escapeHtml(state.failure)}`, '')
  if (state.images.length > 0) {
    parts.push('### Images', '', imagesTable(state.images))
    const reused = state.images.filter((image) => image.reusedFrom !== undefined).length
    if (reused > 0 && state.images.every((image) => !image.built)) {
      parts.push(
        `Nothing was built: the build inputs of every image are unchanged (${reused} reused).`,
        ''
      )
    }
  }
  if (state.promotion !== undefined) {
    parts.push(promotionSummary(state.promotion, state.failure !== undefined))
  }
  parts.push(...changesSection(state))
  const publish = state.publish
  if (publish?.prUrl !== undefined && publish.prNumber !== undefined) {
    const operation = publish.prOperation ? ` (${publish.prOperation})` : ''
    parts.push('### Pull request', '', `[#${publish.prNumber}](${publish.prUrl})${operation}`, '')
  }
  if (publish !== undefined && publish.commitSha !== '') {
    const short = shortSha(publish.commitSha)
    const commit =
      publish.commitUrl === '' ? `\`${short}\`` : `[\`${short}\`](${publish.commitUrl})`
    parts.push('### Commit', '', `${commit} on \`${markdownCell(publish.branch)}\``, '')
  }
  if (state.rollback !== undefined) {
    parts.push(rollbackSummary(state.rollback.failure, state.rollback.result))
  }
  if (
    state.argocd !== undefined &&
    (state.argocd.webhook !== undefined || state.argocd.apps.length > 0)
  ) {
    parts.push(argoCdSummary(state.argocd.webhook, state.argocd.apps))
  }
  return parts.join('\n')
}

// One row per image: built (with its build time), reused (and from which tag), or not built.
function imagesTable(images: readonly BuiltImage[]): string {
  const rows = images.map((image) => {
    const digest = image.digest === '' ? '' : `\`${markdownCell(image.digest)}\``
    const result = image.built
      ? `built in ${image.seconds.toFixed(1)} s`
      : image.reusedFrom !== undefined
        ? `reused from \`${markdownCell(image.reusedFrom)}\``
        : 'not built'
    return `| ${markdownCell(image.name)} | \`${markdownCell(image.ref)}\` | ${digest} | ${result} |`
  })
  return ['| Image | Ref | Digest | Result |', '| --- | --- | --- | --- |', ...rows, ''].join('\n')
}

function changesSection(state: ReleaseState): string[] {
  const changed = releaseEdits(state).filter((edit) => edit.before !== edit.after)
  const lines = ['### Changes', '']
  if (changed.length === 0) {
    lines.push(
      state.failure === undefined
        ? 'No file needed a change: the tags were already in place.'
        : 'No file was changed.',
      ''
    )
    return lines
  }
  const diff = releaseDiff(state)
  for (const edit of changed) {
    lines.push(
      `\`${markdownCell(edit.path)}\``,
      '',
      '```diff',
      fileDiff(diff, edit.path),
      '```',
      ''
    )
  }
  return lines
}

// The `diff` output holds every file; the summary shows each file's part under its own heading.
function fileDiff(diff: string, file: string): string {
  const sections = diff.split(/^(?=--- )/m)
  const own = sections.find((section) => section.startsWith(`--- a/${file}\n`))
  return (own ?? diff).trimEnd()
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
