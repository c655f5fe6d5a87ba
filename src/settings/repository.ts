import { InputError } from '../errors.js'

/** `OWNER/NAME` of a GitHub repository: the one pattern for it in the action. */
export const OWNER_NAME = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/

/** An `OWNER/NAME` split in two. */
export interface OwnerName {
  readonly owner: string
  readonly repo: string
}

/** Where the commit goes: the workflow's own checkout, or another repository cloned for the run. */
export type CommitTarget =
  | { readonly kind: 'workspace' }
  | {
      readonly kind: 'remote'
      /** Clone URL without credentials (`https://…`, `file://…`, scp-like, a path). */
      readonly url: string
    }

/** OWNER and NAME of `text` when it is a plain `OWNER/NAME`; undefined otherwise. */
export function parseOwnerName(text: string): OwnerName | undefined {
  const match = OWNER_NAME.exec(text)
  if (match === null) return undefined
  const [, owner = '', repo = ''] = match
  // `.` and `..` are path steps, never repository names.
  if (owner === '.' || owner === '..' || repo === '.' || repo === '..') return undefined
  return { owner, repo }
}

/** True for text that starts with a URL scheme (`SCHEME://`), whatever the scheme. */
export function hasScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
}

/** True for a URL with a scheme git speaks (`https://`, `http://`, `file://`, `ssh://`, `git://`). */
export function isGitUrl(text: string): boolean {
  return /^(https?|file|ssh|git):\/\//i.test(text)
}

/** True for an `http://` or `https://` URL (by its scheme; not validated). */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text)
}

/** The URL schemes git reaches over SSH. */
export const SSH_SCHEMES: readonly string[] = ['ssh', 'git+ssh', 'ssh+git']

// git's scp-like syntax: [USER@]HOST:PATH with no scheme; a `/` or `\` before the colon makes it
// a local path, a `://` after it a URL.
const SCP_LIKE = /^(?:([^/\\\s]+)@)?([^@/\\:\s]+):(?!\/\/)(.*)$/

/** The parts of git's scp-like syntax `[USER@]HOST:PATH`; undefined for anything else. */
export function parseScpLike(
  text: string
): { readonly user: string; readonly host: string; readonly path: string } | undefined {
  const match = SCP_LIKE.exec(text)
  if (match === null) return undefined
  const [, user = '', host = '', path = ''] = match
  return { user, host, path }
}

/** True for git's scp-like syntax with a user, `USER@HOST:PATH` (no scheme). */
export function isScpLike(text: string): boolean {
  return (parseScpLike(text)?.user ?? '') !== ''
}

/** True for a remote git reaches over SSH: an `ssh://` (or `git+ssh://`) URL or scp-like. */
export function isSshUrl(text: string): boolean {
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(text)?.[1]?.toLowerCase()
  return scheme === undefined ? isScpLike(text) : SSH_SCHEMES.includes(scheme)
}

/**
 * Resolves the `repository` input against the workflow's repository. Refuses, naming the input,
 * anything git could read as an option (a leading `-`), white space or control characters,
 * credentials in a URL, and text that is neither OWNER/NAME, a git URL, scp-like nor a path.
 */
export function resolveTarget(
  repository: string,
  workflowRepository: string,
  serverUrl: string
): { target: CommitTarget; targetName: string } {
  if (repository === '' || repository.toLowerCase() === workflowRepository.toLowerCase()) {
    return {
      target: { kind: 'workspace' },
      targetName: workflowRepository || 'the workspace repository'
    }
  }
  // git reads an argument that starts with `-` as an option (`--upload-pack=…`,
  // `-oProxyCommand=…`), whatever else it looks like.
  if (repository.startsWith('-')) {
    throw new InputError(
      `Input 'repository' starts with '-', so git would read it as an option; expected OWNER/NAME or a git URL.`,
      { input: 'repository' }
    )
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(repository)) {
    throw new InputError(
      `Input 'repository' holds white space or a control character; expected OWNER/NAME or a git URL (https://…, file://…).`,
      { input: 'repository' }
    )
  }
  const ownerName = parseOwnerName(repository)
  if (ownerName !== undefined) {
    return {
      target: { kind: 'remote', url: `${serverUrl}/${ownerName.owner}/${ownerName.repo}.git` },
      targetName: repository
    }
  }
  const isPath = repository.startsWith('/') || repository.startsWith('.')
  if (isGitUrl(repository) || isScpLike(repository) || isPath) {
    if (/^https?:\/\/[^/]*@/i.test(repository)) {
      throw new InputError(
        "Input 'repository' contains credentials in the URL; give the token in 'token' instead.",
        { input: 'repository' }
      )
    }
    return { target: { kind: 'remote', url: repository }, targetName: repository }
  }
  throw new InputError(
    `Input 'repository' is '${repository}'; expected OWNER/NAME or a git URL (https://…, file://…).`,
    { input: 'repository' }
  )
}

/** OWNER/NAME of a commit target when it is a repository on the GitHub server `serverUrl`. */
export function targetOwnerName(
  target: CommitTarget,
  workflowRepository: string,
  serverUrl: string
): OwnerName | undefined {
  if (target.kind === 'workspace') return parseOwnerName(workflowRepository)
  const prefix = `${serverUrl}/`
  if (!target.url.startsWith(prefix)) return undefined
  return parseOwnerName(target.url.slice(prefix.length).replace(/\.git$/, ''))
}
