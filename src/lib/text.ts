/** Text and list helpers shared by every stage: one way to split, shorten and fill in text. */

// SHA-1 (40 hex digits) or SHA-256 (64) object names; git writes them in lower case, Argo CD may not.
const COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i

/** True when `text` is a full commit SHA (SHA-1 or SHA-256 object format, either case). */
export function isCommitSha(text: string): boolean {
  return COMMIT_SHA.test(text)
}

/** The first 7 characters of a full commit SHA; any other text is returned as it is. */
export function shortSha(sha: string): string {
  return isCommitSha(sha) ? sha.slice(0, 7) : sha
}

/** Lengths used when text is shortened, so every message cuts at the same places. */
const TEXT_LIMITS = {
  /** A value quoted inside a one-line message. */
  value: 100,
  /** A server's or a tool's answer shown in a message. */
  answer: 300,
  /** A table cell of the job summary. */
  cell: 200
} as const

/** `text` on one line (runs of white space folded), cut to `max` characters with `...`. */
function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 3))}...` : flat
}

/** `: text` shortened to one line, or nothing for empty text: the tail of an error message. */
export function suffix(text: string, max: number = TEXT_LIMITS.answer): string {
  const short = truncate(text, max)
  return short === '' ? '' : `: ${short}`
}

/** Splits text into lines, accepting LF, CRLF and lone CR endings. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/)
}

/**
 * The items of a list input: one per line, blank lines and `#` comment lines ignored, each item
 * trimmed. With `commas`, items may also be separated by commas on a line (as yaml-update-action
 * users write `labels: a,b`).
 */
export function splitList(text: string, options: { readonly commas?: boolean } = {}): string[] {
  const items: string[] = []
  for (const raw of splitLines(text)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const parts = options.commas === true ? line.split(',') : [line]
    for (const part of parts) {
      const item = part.trim()
      if (item !== '') items.push(item)
    }
  }
  return items
}

/** The 1-based line of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    // CRLF counts once: the LF ends the line, a CR alone ends it too.
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) line++
  }
  return line
}

/** Values a message or title template may name. */
interface TemplateValues {
  /** The image names joined by `, `. */
  readonly names: string
  readonly tag: string
  /** The full commit SHA of the workflow run. */
  readonly sha: string
}

/** Replaces `{names}`, `{tag}`, `{sha}` and `{short-sha}`; any other brace stays as written. */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(names|tag|sha|short-sha)\}/g, (_match, key: string) => {
    if (key === 'names') return values.names
    if (key === 'tag') return values.tag
    if (key === 'sha') return values.sha
    return shortSha(values.sha)
  })
}

/** Escapes text for one cell of a GitHub-flavoured markdown table (pipes, line breaks, HTML). */
export function markdownCell(text: string): string {
  return truncate(text, TEXT_LIMITS.cell)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
}
