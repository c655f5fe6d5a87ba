import { describe, expect, it } from '@jest/globals'
import { argoCdSummary } from '../../src/argocd/summary.js'
import type { AppState } from '../../src/argocd/types.js'

const deployed: AppState = {
  app: 'guestbook',
  revision: 'a'.repeat(40),
  syncStatus: 'Synced',
  healthStatus: 'Healthy',
  operationPhase: 'Succeeded',
  message: 'successfully synced (all tasks run)',
  outcome: 'deployed'
}
const failed: AppState = {
  app: 'team-a/web',
  revision: 'b'.repeat(40),
  syncStatus: 'OutOfSync',
  healthStatus: 'Degraded',
  message: 'a | b\nc <script>',
  outcome: 'failed'
}

describe('argoCdSummary', () => {
  it('has a row per app with its final state', () => {
    const text = argoCdSummary(undefined, [deployed, failed])
    const rows = text
      .split('\n')
      .filter(
        (line) => line.startsWith('| ') && !line.startsWith('| App') && !line.startsWith('| ---')
      )
    expect(rows).toEqual([
      '| guestbook | ✅ deployed | `aaaaaaa` | Synced | Healthy | Succeeded | successfully synced (all tasks run) |',
      '| team-a/web | ❌ failed | `bbbbbbb` | OutOfSync | Degraded |  | a \\| b c &lt;script&gt; |'
    ])
  })

  it.each([
    [
      {
        delivered: true,
        status: 200,
        attempts: 2,
        url: 'https://argocd/api/webhook',
        reason: 'accepted'
      },
      /✅ delivered to `https:\/\/argocd\/api\/webhook` \(HTTP 200, 2 attempts\)/
    ],
    [
      {
        delivered: false,
        status: 400,
        attempts: 1,
        url: 'https://argocd/api/webhook',
        reason: 'HTTP 400: Webhook processing failed'
      },
      /⚠️ not delivered .*HTTP 400: Webhook processing failed/
    ]
  ])('reports the webhook', (webhook, expected) => {
    expect(argoCdSummary(webhook, [])).toMatch(expected)
  })

  it('leaves out a webhook that was not configured', () => {
    expect(
      argoCdSummary({ delivered: false, attempts: 0, url: '', reason: 'not set' }, [])
    ).not.toMatch(/Webhook/)
  })
})
