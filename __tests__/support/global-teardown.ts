// jest's globalTeardown: stops the services this run started (see global-setup.ts), and only
// those. Self-contained: jest loads this file outside the test module system.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.ci', 'services.sh')

/**
 * `bash .ci/services.sh release OWNER` in `env` (GITOPS_SERVICES_DIR): stops the services only
 * when `owner` started them. Returns what the script said.
 */
export function releaseServices(owner: number, env: NodeJS.ProcessEnv): string {
  if (!existsSync(script)) return ''
  const released = spawnSync('bash', [script, 'release', String(owner)], {
    env,
    encoding: 'utf8',
    timeout: 60_000
  })
  const said = released.stderr.trim()
  if (released.status !== 0) console.warn(`Could not release the test services: ${said}`)
  return said
}

/** Releases what this jest process started. */
export default function globalTeardown(): void {
  const said = releaseServices(process.pid, process.env)
  if (said.includes('stopped')) console.info(said)
}
