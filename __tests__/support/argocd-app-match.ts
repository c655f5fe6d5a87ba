// Which Applications Argo CD (3.x) refreshes for a push event, as its webhook handler decides
// (util/webhook in Argo CD): the Application's repoURL must match a regex built from the event's
// html_url host and path (scheme, user and `.git` optional), and its targetRevision must name the
// pushed branch, or be empty/HEAD for a push to the default branch (semver constraints left out).
import type { ReceivedEvent } from './argocd-receiver.js'

/** An Application's source, as far as the webhook handler looks at it. */
export interface AppSource {
  readonly repoURL: string
  /** `spec.source.targetRevision` ('' or `HEAD` follows the default branch). */
  readonly targetRevision?: string
}

/** Whether Argo CD (3.x) matches `repoURL` against the event's `html_url` (the regex above). */
export function webUrlMatches(htmlUrl: string, repoURL: string): boolean {
  const url = new URL(htmlUrl)
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(
    '^(?:(?:https?|ssh)://)?(?:[\\w.][\\w.-]{0,31}\\$?@)?(?:ssh\\.|altssh\\.)?' +
      `${escape(url.hostname)}(?::\\d+)?[:/]${escape(url.pathname.replace(/^\//, ''))}(?:\\.git)?$`,
    'i'
  )
  return pattern.test(repoURL)
}

/** Whether Argo CD would refresh an app with `source` for `event` (repoURL and targetRevision). */
export function wouldRefresh(
  event: Pick<ReceivedEvent, 'webURL' | 'revision' | 'touchedHead'>,
  source: AppSource
): boolean {
  if (!webUrlMatches(event.webURL, source.repoURL)) return false
  const target = source.targetRevision ?? ''
  const parts = target.split('/')
  const last = parts.length >= 3 ? parts.slice(2).join('/') : (parts.at(-1) ?? '')
  if (target === '' || target === 'HEAD' || last === 'HEAD') return event.touchedHead
  if (target.startsWith('refs/heads/') || target.startsWith('refs/tags/'))
    return event.revision === last
  return event.revision === target
}
