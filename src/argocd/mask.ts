import * as core from '@actions/core'
import type { ArgoCdOptions } from './types.js'

/** Registers one value with the runner's log masking. */
export type Mask = (secret: string) => void

/** The runner's masking (`::add-mask::`). */
export const coreMask: Mask = (secret) => {
  core.setSecret(secret)
}

/**
 * Masks the Argo CD secrets and the forms derived from them (trimmed, the bearer header, a
 * password in a URL). Harmless to call twice; the input reader masks on read as well.
 */
export function maskArgoCdSecrets(options: ArgoCdOptions, mask: Mask): void {
  const values = new Set<string>()
  for (const raw of [options.webhookSecret, options.token]) {
    if (raw === undefined || raw.trim() === '') continue
    values.add(raw)
    values.add(raw.trim())
  }
  if (options.token !== undefined && options.token.trim() !== '')
    values.add(`Bearer ${options.token.trim()}`)
  for (const url of [options.webhookUrl, options.server]) {
    const password = urlPassword(url)
    if (password !== '') values.add(password)
  }
  for (const value of values) mask(value)
}

function urlPassword(url: string | undefined): string {
  if (url === undefined) return ''
  try {
    const parsed = new URL(url)
    return parsed.password === '' ? '' : decodeURIComponent(parsed.password)
  } catch {
    return ''
  }
}
