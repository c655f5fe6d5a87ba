import type { AppOutcome, AppState, WebhookResult } from './types.js'
import { short } from './text.js'

const OUTCOME: Record<AppOutcome, string> = {
  deployed: '✅ deployed',
  superseded: '⚠️ superseded by a newer commit',
  refreshed: '🔄 refreshed',
  unreachable: '⚠️ could not be read',
  failed: '❌ failed',
  'timed-out': '⏱️ timed out'
}

/** The job-summary section for the Argo CD stage (markdown). */
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
      const revision = app.revision === '' ? '' : `\`${short(app.revision)}\``
      lines.push(
        `| ${cell(app.app)} | ${OUTCOME[app.outcome]} | ${revision} | ${cell(app.syncStatus)} | ` +
          `${cell(app.healthStatus)} | ${cell(app.operationPhase ?? '')} | ${cell(app.message ?? '')} |`
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

/** The `argocd-*` outputs: the last state seen of the last app (empty strings when none). */
export function argoCdOutputs(
  apps: readonly AppState[]
): Record<'argocd-revision' | 'argocd-sync-status' | 'argocd-health-status', string> {
  const last = apps.at(-1)
  return {
    'argocd-revision': last?.revision ?? '',
    'argocd-sync-status': last?.syncStatus ?? '',
    'argocd-health-status': last?.healthStatus ?? ''
  }
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`
}

/** Text made safe for one markdown table cell. */
function cell(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const shortened = flat.length > 200 ? `${flat.slice(0, 197)}...` : flat
  return shortened.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
}
