/** Variables a calling git (a hook, a wrapper) may leave behind that would redirect our commands. */
const INHERITED_GIT_VARS: readonly string[] = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX'
]

/** `env` without the variables that would point git at another repository. */
export function gitBaseEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !INHERITED_GIT_VARS.includes(name))
  )
}

/** Fixed settings for every git process: no prompts, no smudging, messages in English. */
export const FIXED_ENV: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GCM_INTERACTIVE: 'Never',
  GIT_TRACE_REDACT: '1',
  GIT_LFS_SKIP_SMUDGE: '1',
  LC_ALL: 'C',
  LANGUAGE: 'C'
}

/** How long a git network operation may go without progress before it counts as unreachable. */
export interface NetworkLimits {
  /** Seconds of (near) silence after which an HTTP transfer or an SSH connection is given up. */
  readonly stallSeconds: number
}

/** The default: 30 s without a byte from the remote. */
export const DEFAULT_NETWORK_LIMITS: NetworkLimits = { stallSeconds: 30 }

/**
 * Environment that bounds every network operation and keeps it from following redirects:
 * - HTTP(S): curl's low-speed limit (below 1 byte/s for `stallSeconds`) ends a request to a
 *   server that accepted the connection but never answers, or stops answering.
 * - SSH, when the user configured no ssh command of their own: a connect timeout, keep-alives
 *   that end a dead connection, and no interactive prompts.
 * - `http.followRedirects=false`: after a redirect git would send its next requests, with the
 *   Authorization header, to wherever the redirect pointed; a redirect is an error instead.
 * Entries use the `GIT_CONFIG_*` slots after `start`; returns the env and the next free slot.
 */
export function networkEnv(
  limits: NetworkLimits,
  inherited: NodeJS.ProcessEnv,
  sshCommandConfigured: boolean,
  start: number
): { readonly env: Record<string, string>; readonly next: number } {
  const seconds = String(Math.max(1, Math.round(limits.stallSeconds)))
  const env: Record<string, string> = {
    GIT_HTTP_LOW_SPEED_LIMIT: '1',
    GIT_HTTP_LOW_SPEED_TIME: seconds,
    [`GIT_CONFIG_KEY_${start}`]: 'http.followRedirects',
    [`GIT_CONFIG_VALUE_${start}`]: 'false'
  }
  if (!sshCommandConfigured && !inherited.GIT_SSH_COMMAND && !inherited.GIT_SSH) {
    const alive = Math.max(1, Math.ceil(limits.stallSeconds / 3))
    env.GIT_SSH_COMMAND = `ssh -o BatchMode=yes -o ConnectTimeout=${seconds} -o ServerAliveInterval=${alive} -o ServerAliveCountMax=3`
  }
  return { env, next: start + 1 }
}
