import type { HttpResponse } from './http-client.js'

/** The first 7 characters of a SHA. */
export function short(sha: string): string {
  return /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 7) : sha
}

/** `: message` on one line and shortened, or nothing for an empty message. */
export function suffix(message: string): string {
  const text = message.replace(/\s+/g, ' ').trim()
  return text === '' ? '' : `: ${text.length > 300 ? `${text.slice(0, 297)}...` : text}`
}

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
