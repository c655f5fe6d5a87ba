import { markdownCell as cell, shortSha } from '../lib/text.js'
import type { AppOutcome, AppState, WebhookResult } from './types.js'

const OUTCOME: Record<AppOutcome, string> = {
  deployed: '✅ deployed',
  superseded: '✅ deployed in a newer commit',
  refreshed: '🔄 refreshed',
  unreachable: '⚠️ could not be read',
  failed: '❌ failed',
  'timed-out': '⏱️ timed out'
}

/** The job-summary section for the Argo CD stage (markdown), from the stage's results as they came. */
export function argoCdSummary(
  webhook: WebhookResult | undefined,
  apps: readonly AppState[]
): string {
  const lines = ['### Argo CD', '']
  if (webhook && webhook.url !== '') {
    lines.push(
      webhook.delivered
        ? `Webhook: ✅ delivered to \`${webhook.url}\` (HTTP ${webhook.status ?? '?'}, ${attempts(webhook.attempts)}).`
        : `Webhook: ⚠️ not delivered to \`${webhook.url}\`: ${cell(webhook.reason)}. Argo CD will notice the commit at its next poll.`,
      ''
    )
  }
  if (apps.length > 0) {
    lines.push('| App | Result | Revision | Sync | Health | Operation | Message |')
    lines.push('| --- | --- | --- | --- | --- | --- | --- |')
    for (const app of apps) {
      const revision = app.revision === '' ? '' : `\`${shortSha(app.revision)}\``
      lines.push(
        `| ${cell(app.app)} | ${OUTCOME[app.outcome]} | ${revision} | ${cell(app.syncStatus)} | ` +
          `${cell(app.healthStatus)} | ${cell(app.operationPhase ?? '')} | ${cell(app.message ?? '')} |`
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`
}
