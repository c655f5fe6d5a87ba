import { FINGERPRINT_LABEL } from './fingerprint.js'

/** The OCI labels the action puts on every image it builds. */
const OCI_LABELS = {
  revision: 'org.opencontainers.image.revision',
  source: 'org.opencontainers.image.source',
  created: 'org.opencontainers.image.created'
} as const

/** What the labels say about one build. */
interface LabelValues {
  /** Commit SHA; the label is left out when empty. */
  readonly revision: string
  /** Repository web URL; the label is left out when empty. */
  readonly sourceUrl: string
  /** RFC 3339 time; the label is left out when empty. */
  readonly created: string
  /** The image's fingerprint (`sha256:…`); left out when it could not be computed. */
  readonly fingerprint?: string
}

/**
 * The keys a Dockerfile sets with `LABEL` instructions (any stage; line continuations and
 * quoted keys understood, the legacy `LABEL key value` form too).
 */
function dockerfileLabelKeys(dockerfile: string): Set<string> {
  const keys = new Set<string>()
  const joined = dockerfile.replace(/\\\r?\n/g, ' ')
  for (const line of joined.split(/\r?\n/)) {
    const match = /^\s*LABEL\s+(.*)$/i.exec(line)
    if (match === null) continue
    const body = match[1] ?? ''
    const pairs = [...body.matchAll(/(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s="']+))\s*=/g)]
    if (pairs.length === 0) {
      const legacy = /^(\S+)/.exec(body.trim())?.[1]
      if (legacy !== undefined) keys.add(legacy.replace(/^["']|["']$/g, ''))
      continue
    }
    for (const pair of pairs) keys.add(pair[1] ?? pair[2] ?? pair[3] ?? '')
  }
  return keys
}

/**
 * The `--label KEY=VALUE` values for one build: revision, source and created unless the
 * Dockerfile sets that key itself (a `--label` would override the user's `LABEL`), and the
 * fingerprint label always (skip-unchanged depends on it being the action's own).
 */
export function imageLabels(values: LabelValues, dockerfile: string): string[] {
  const own = dockerfileLabelKeys(dockerfile)
  const labels: string[] = []
  const add = (key: string, value: string): void => {
    if (value !== '' && !own.has(key)) labels.push(`${key}=${value}`)
  }
  add(OCI_LABELS.revision, values.revision)
  add(OCI_LABELS.source, values.sourceUrl)
  add(OCI_LABELS.created, values.created)
  if (values.fingerprint !== undefined) labels.push(`${FINGERPRINT_LABEL}=${values.fingerprint}`)
  return labels
}
