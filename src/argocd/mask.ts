import * as core from '@actions/core'
import { argoCdSecrets } from '../settings/argocd.js'
import type { ArgoCdOptions } from './types.js'

/** Registers one value with the runner's log masking. */
export type Mask = (secret: string) => void

/** The runner's masking (`::add-mask::`). */
export const coreMask: Mask = (secret) => {
  core.setSecret(secret)
}

/**
 * Masks the Argo CD secrets and their derived forms. The settings layer already masks them when
 * it reads the inputs (src/settings/inputs.ts); this stays only until the Argo CD stage stops
 * calling it, and then goes.
 */
export function maskArgoCdSecrets(options: ArgoCdOptions, mask: Mask): void {
  for (const secret of argoCdSecrets({
    webhookSecret: options.webhookSecret ?? '',
    token: options.token ?? '',
    urls: [options.webhookUrl ?? '', options.server ?? '']
  }))
    mask(secret)
}
