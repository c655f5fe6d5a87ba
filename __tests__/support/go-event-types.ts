// Go's view of a GitHub event body: the types of the fields go-playground/webhooks v6.4 decodes.
// A JSON value of another type makes encoding/json fail, and Argo CD answer 400. Unknown fields
// are ignored; null is accepted everywhere, as encoding/json leaves the zero value.

/** A Go type: scalar, struct (object of fields) or slice ([item]). */
export type Spec =
  'string' | 'bool' | 'int' | 'time' | { readonly [key: string]: Spec } | readonly [Spec]

const USER: Spec = { name: 'string', email: 'string', username: 'string' }
const COMMIT: Spec = {
  sha: 'string',
  id: 'string',
  node_id: 'string',
  tree_id: 'string',
  distinct: 'bool',
  message: 'string',
  timestamp: 'string',
  url: 'string',
  author: USER,
  committer: USER,
  added: ['string'],
  removed: ['string'],
  modified: ['string']
}
const REPOSITORY: Spec = {
  id: 'int',
  node_id: 'string',
  name: 'string',
  full_name: 'string',
  private: 'bool',
  html_url: 'string',
  url: 'string',
  clone_url: 'string',
  ssh_url: 'string',
  default_branch: 'string',
  master_branch: 'string',
  created_at: 'int',
  pushed_at: 'int',
  updated_at: 'time',
  size: 'int',
  homepage: 'string',
  language: 'string',
  mirror_url: 'string'
}
export const PUSH_EVENT: Spec = {
  ref: 'string',
  before: 'string',
  after: 'string',
  created: 'bool',
  deleted: 'bool',
  forced: 'bool',
  base_ref: 'string',
  compare: 'string',
  commits: [COMMIT],
  head_commit: COMMIT,
  repository: REPOSITORY,
  pusher: { name: 'string', email: 'string' },
  sender: { login: 'string', id: 'int' }
}
export const PING_EVENT: Spec = { hook_id: 'int', zen: 'string', repository: REPOSITORY }

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** The first field whose JSON type Go would refuse, as its error text; undefined when all fit. */
export function checkTypes(value: unknown, spec: Spec, path: string): string | undefined {
  if (value === null || value === undefined) return undefined
  const wrong = (goType: string): string =>
    `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${path || '.'} of type ${goType}`
  if (spec === 'string') return typeof value === 'string' ? undefined : wrong('string')
  if (spec === 'bool') return typeof value === 'boolean' ? undefined : wrong('bool')
  if (spec === 'int') return Number.isInteger(value) ? undefined : wrong('int64')
  if (spec === 'time') {
    return typeof value === 'string' && RFC3339.test(value) ? undefined : wrong('time.Time')
  }
  if (Array.isArray(spec)) {
    if (!Array.isArray(value)) return wrong('array')
    const [item] = spec as readonly [Spec]
    for (const [index, element] of (value as unknown[]).entries()) {
      const error = checkTypes(element, item, `${path}[${index}]`)
      if (error !== undefined) return error
    }
    return undefined
  }
  if (typeof value !== 'object' || Array.isArray(value)) return wrong('struct')
  for (const [key, fieldSpec] of Object.entries(spec as Record<string, Spec>)) {
    const error = checkTypes((value as Record<string, unknown>)[key], fieldSpec, `${path}.${key}`)
    if (error !== undefined) return error
  }
  return undefined
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}
