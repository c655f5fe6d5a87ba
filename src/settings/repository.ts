import { InputError } from '../lib/errors.js'
import {
  isGitUrl,
  isScpLike,
  ownerNameOnServer,
  parseOwnerName,
  type OwnerName
} from '../lib/git-url.js'

/** Where the commit goes: the workflow's own checkout, or another repository cloned for the run. */
export type CommitTarget =
  | { readonly kind: 'workspace' }
  | {
      readonly kind: 'remote'
      /** Clone URL without credentials (`https://…`, `file://…`, scp-like, a path). */
      readonly url: string
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
  return ownerNameOnServer(target.url, serverUrl)
}
