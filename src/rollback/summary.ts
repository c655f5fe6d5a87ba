import type { AppState } from '../argocd/types.js'
import { markdownCell, shortSha } from '../lib/text.js'
import type { RollbackResult, WaitFailure } from './rollback.js'

/**
 * The job-summary section for `rollback-on-failure`: the release and the rollback side by side
 * (commit, then each app's state), then the values put back and the places left alone.
 */
export function rollbackSummary(failure: WaitFailure, result: RollbackResult): string {
  const lines = ['### Rollback', '']
  const rollbackApps = result.wait.kind === 'not-run' ? [] : result.wait.apps
  lines.push('| | Release | Rollback |', '| --- | --- | --- |')
  lines.push(
    `| Commit | \`${shortSha(result.releaseSha)}\` | ${result.rolledBack ? commit(result) : markdownCell(`none: ${result.problem}`)} |`
  )
  const names = [...new Set([...failure.apps, ...rollbackApps].map((app) => app.app))]
  for (const name of names) {
    const before = failure.apps.find((app) => app.app === name)
    const after = rollbackApps.find((app) => app.app === name)
    lines.push(`| ${markdownCell(name)} | ${state(before)} | ${state(after)} |`)
  }
  if (result.wait.kind === 'failing') {
    lines.push('', `Still failing after the rollback: ${markdownCell(result.wait.message)}`)
  }
  if (result.restored.length > 0) {
    lines.push('', 'Put back:', '')
    for (const place of result.restored) {
      lines.push(
        place.removed
          ? `- \`${place.file}\` ${markdownCell(place.path)}: ${markdownCell(place.from)} removed (this run added it)`
          : `- \`${place.file}\` ${markdownCell(place.path)}: ${markdownCell(place.from)} → ${markdownCell(place.to)}`
      )
    }
  }
  if (result.skipped.length > 0) {
    lines.push('', 'Left as they are:', '')
    for (const entry of result.skipped) {
      lines.push(`- \`${entry.file}\`: ${markdownCell(entry.reason)}`)
    }
  }
  lines.push('')
  return lines.join('\n')
}

function commit(result: RollbackResult): string {
  const short = `\`${shortSha(result.commitSha)}\``
  return result.commitUrl === '' ? short : `[${short}](${result.commitUrl})`
}

function state(app: AppState | undefined): string {
  if (app === undefined) return ''
  const revision = app.revision === '' ? '' : ` at \`${shortSha(app.revision)}\``
  const message = app.message === undefined || app.message === '' ? '' : `: ${app.message}`
  return `${markdownCell(`${app.syncStatus}/${app.healthStatus}`)}${revision}${markdownCell(message)}`
}
