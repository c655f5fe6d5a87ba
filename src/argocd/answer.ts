import type { HttpResponse } from '../lib/http.js'
import { suffix } from '../lib/text.js'

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
