/** The one way credentials are kept out of messages: URLs shown without user info, secrets masked. */

/** The URL with any `user:password@` removed and query and fragment dropped, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.host !== '') {
      parsed.username = ''
      parsed.password = ''
      parsed.search = ''
      parsed.hash = ''
      return parsed.toString()
    }
  } catch {
    // Not a URL: fall through.
  }
  // No host part (e.g. `user:pw@host` reads as scheme `user:`): drop everything up to an `@`.
  return url.replace(/^[^@/\s]*@/, '').replace(/\/\/[^@/\s]*@/, '//')
}

/** `text` with every occurrence of `secret` replaced by `***` (an empty secret masks nothing). */
export function redactSecret(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***')
}
