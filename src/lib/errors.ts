/** Where a problem is: the input, file, YAML path and line it concerns (all optional). */
export interface ErrorLocation {
  /** Action input name, e.g. `tag-path`. */
  readonly input?: string
  /** File path relative to the repository root. */
  readonly file?: string
  /** 1-based line in `file`. */
  readonly line?: number
  /** 1-based column in `file`. */
  readonly column?: number
  /** YAML path, e.g. `backend.tag`. */
  readonly path?: string
}

/** Base of every error the action raises on purpose; carries the location for the annotation. */
export class ActionError extends Error {
  /** Where the problem is. */
  readonly location: ErrorLocation

  constructor(message: string, location: ErrorLocation = {}) {
    super(message)
    this.name = new.target.name
    this.location = location
  }
}

/** An input is missing, malformed or conflicts with another. */
export class InputError extends ActionError {}

/** A file, path or value could not be edited as asked. */
export class EditError extends ActionError {}

/** An image could not be built or pushed. */
export class BuildError extends ActionError {}

/** The commit could not be created, pushed or turned into a pull request. */
export class PublishError extends ActionError {}

/** Argo CD refused a request, or the wait for the rollout failed. */
export class ArgoCdError extends ActionError {}

/** A bug: a check that should never fail did. */
export class InternalError extends ActionError {}

/**
 * A promotion cannot go ahead: the registry no longer holds the candidate as recorded, or the
 * source environment is not running it.
 */
export class PromotionError extends ActionError {}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** One GitHub error annotation: the message and, when the error points into a file, where. */
interface Annotation {
  readonly message: string
  readonly title?: string
  readonly file?: string
  readonly startLine?: number
  readonly startColumn?: number
}

/**
 * The annotation for a failure: the error's message (which names the input when it concerns
 * one), and the file, line and column when the error has a file.
 */
export function annotationOf(error: unknown): Annotation {
  const message = errorMessage(error)
  const location = error instanceof ActionError ? error.location : {}
  if (location.file === undefined) return { message }
  return {
    message,
    title: 'gitops-release',
    file: location.file,
    ...(location.line === undefined ? {} : { startLine: location.line }),
    ...(location.column === undefined ? {} : { startColumn: location.column })
  }
}
