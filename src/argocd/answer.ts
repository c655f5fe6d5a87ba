import type { HttpResponse } from '../lib/http-client.js'
import { suffix } from '../lib/text.js'
import { redactUrl } from '../lib/redact.js'

/** `: <message>` from an Argo CD error body (JSON with `message`/`error`, or text), shortened. */
export function describeBody(response: HttpResponse): string {
  let text = response.body
  try {
    const parsed = JSON.parse(text) as unknown
    if (typeof parsed === 'object' && parsed !== null) {
      const record = parsed as Record<string, unknown>
      const message = record.message ?? record.error
      if (typeof message === 'string') text = message
    }
  } catch {
    // Not JSON: show the text itself.
  }
  return suffix(text)
}

/**
 * For a 3xx answer: `; it redirects to <Location>: ...` (redirects are never followed, so a
 * token or signed body never goes where the user did not point it); '' for any other answer.
 */
export function redirectHint(response: HttpResponse, input: string): string {
  if (response.status < 300 || response.status >= 400) return ''
  const location = response.headers.location ?? ''
  const where = location === '' ? '' : ` to ${redactUrl(location)}`
  return `; it redirects${where}, which is not followed: set ${input} to the final URL`
}
