/** The fields of an Argo CD Application that the wait reads (`status.sync`, `status.health`, `status.operationState`, ...), typed and defaulted. */
export interface AppStatus {
  /** `status.sync.revision`, or '' (multi-source apps have `revisions` instead). */
  readonly revision: string
  /** `status.sync.revisions` of a multi-source app. */
  readonly revisions: readonly string[]
  /** `status.sync.status`, `Unknown` when absent. */
  readonly syncStatus: string
  /** `status.health.status`, `Unknown` when absent. */
  readonly healthStatus: string
  /**
   * Why the app is unhealthy: `status.health.message` (Argo CD before 3.0), else the first
   * Degraded resource's `KIND/NAME: message` from `status.resources`; '' when none.
   */
  readonly healthMessage: string
  /** The top-level `operation` is set: an operation is requested or running. */
  readonly operationRequested: boolean
  /** `status.operationState`, when there is one. */
  readonly operation?: OperationStatus
  /** `status.reconciledAt` (RFC 3339), when set. */
  readonly reconciledAt?: string
  /** `status.conditions`. */
  readonly conditions: readonly { readonly type: string; readonly message: string }[]
  /** `spec.syncPolicy.automated` is set. */
  readonly autoSync: boolean
}

/** `status.operationState`. */
interface OperationStatus {
  /** `Running`, `Terminating`, `Succeeded`, `Failed` or `Error`. */
  readonly phase: string
  readonly message: string
  readonly finishedAt?: string
  /** Revisions the operation asked for or applied (`operation.sync.revision(s)`, `syncResult.revision(s)`). */
  readonly revisions: readonly string[]
  /** `operation.sync.dryRun`. */
  readonly dryRun: boolean
}

type Json = Record<string, unknown>

/** Reads an Application object as returned by `GET /api/v1/applications/{name}`. */
export function readAppStatus(application: unknown): AppStatus {
  const app = object(application)
  const status = object(app.status)
  const sync = object(status.sync)
  const opState = status.operationState
  const automated = object(object(app.spec).syncPolicy).automated
  const result: AppStatus = {
    revision: string(sync.revision),
    revisions: strings(sync.revisions),
    syncStatus: string(sync.status) || 'Unknown',
    healthStatus: string(object(status.health).status) || 'Unknown',
    healthMessage: healthMessage(status),
    operationRequested: isObject(app.operation),
    conditions: list(status.conditions).map((c) => ({
      type: string(object(c).type),
      message: string(object(c).message)
    })),
    autoSync: isObject(automated) && object(automated).enabled !== false,
    ...(string(status.reconciledAt) === '' ? {} : { reconciledAt: string(status.reconciledAt) }),
    ...(isObject(opState) ? { operation: readOperation(opState) } : {})
  }
  return result
}

function healthMessage(status: Json): string {
  const own = string(object(status.health).message)
  if (own !== '') return own
  for (const resource of list(status.resources).map(object)) {
    const health = object(resource.health)
    const message = string(health.message)
    if (string(health.status) === 'Degraded' && message !== '') {
      return `${string(resource.kind)}/${string(resource.name)}: ${message}`
    }
  }
  return ''
}

function readOperation(state: Json): OperationStatus {
  const requested = object(object(state.operation).sync)
  const applied = object(state.syncResult)
  const finishedAt = string(state.finishedAt)
  return {
    phase: string(state.phase),
    message: string(state.message),
    revisions: [
      string(requested.revision),
      ...strings(requested.revisions),
      string(applied.revision),
      ...strings(applied.revisions)
    ].filter((r) => r !== ''),
    dryRun: requested.dryRun === true,
    ...(finishedAt === '' ? {} : { finishedAt })
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function object(value: unknown): Json {
  return isObject(value) ? value : {}
}

function string(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}

function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === 'string')
}
