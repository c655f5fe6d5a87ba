// The Argo CD client (src/argocd/argocd-api.ts and the fields src/argocd/app-status.ts reads),
// checked against Argo CD's own REST description: the part of `assets/swagger.json` the action
// uses, cut out by scripts/extract-argocd-swagger.js into
// __tests__/fixtures/contracts/argocd-swagger.json. Argo CD's definitions are generated from its
// Go types and list every field, so they are read as closed: a field they lack fails.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readAppStatus } from '../../src/argocd/app-status.js'
import { parseAppRef } from '../../src/argocd/app-ref.js'
import { createArgoCdApi } from '../../src/argocd/argocd-api.js'
import { ArgoCdError } from '../../src/lib/errors.js'
import { createHttpClient } from '../../src/lib/http.js'
import {
  application,
  startFakeArgoCd,
  type AppFrame,
  type FakeApp,
  type FakeArgoCd,
  type FakeRequest
} from '../support/fake-argocd.js'
import { loadSchemaDocument, pointer } from '../support/json-schema.js'

const swagger = loadSchemaDocument(
  new URL('../fixtures/contracts/argocd-swagger.json', import.meta.url),
  { closed: true }
)

interface Parameter {
  readonly name: string
  readonly in: string
  readonly required?: boolean
  readonly type?: string
}
interface Operation {
  readonly method: string
  readonly path: string
  readonly parameters: readonly Parameter[]
  readonly responses: Readonly<Record<string, unknown>>
}
type Schema = Readonly<{
  $ref?: string
  properties?: Readonly<Record<string, Schema>>
  items?: Schema
  additionalProperties?: Schema | boolean
}>
const operations = swagger.doc.operations as readonly Operation[]
const definitions = swagger.doc.definitions as Readonly<Record<string, Schema>>

const TOKEN = 'argocd-contract-token'
const ROOT = '/argocd'

// Every field the wait reads set at least once: a finished sync with its result, a Degraded
// resource (read when the app has no health message of its own), a condition, auto-sync.
const FULL: AppFrame = {
  revision: 'a'.repeat(40),
  sync: 'Synced',
  health: 'Degraded',
  operationRequested: true,
  phase: 'Succeeded',
  message: 'successfully synced',
  conditions: [{ type: 'SyncError', message: 'one resource failed' }],
  healthMessage: 'Deployment has minimum availability'
}
const APPS: readonly FakeApp[] = [
  { name: 'web', autoSync: true, frames: [FULL] },
  { name: 'api', namespace: 'team-a', frames: [{ revision: 'b'.repeat(40), sync: 'OutOfSync' }] },
  { name: 'busy', frames: [{ ...FULL, phase: 'Running' }] }
]

/** The fixture operation a request (path below the root path) falls under. */
function operationOf(method: string, path: string): number {
  return operations.findIndex((operation) => {
    const template = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part))
      .join('')
    return operation.method === method && new RegExp(`^${template}$`).test(path)
  })
}

/** Everything the description says is wrong with one request and its answer. */
function requestProblems(request: FakeRequest): string[] {
  const path = request.path.slice(ROOT.length)
  const where = `${request.method} ${path}`
  const index = operationOf(request.method, path)
  if (index === -1) return [`${where}: no such operation in Argo CD's REST description`]
  const operation = operations[index]!
  const problems: string[] = []
  for (const name of Object.keys(request.query)) {
    const parameter = operation.parameters.find((p) => p.in === 'query' && p.name === name)
    if (parameter === undefined)
      problems.push(`${where}: query parameter ${name} is not in the operation`)
  }
  const bodyAt = operation.parameters.findIndex((p) => p.in === 'body')
  if (bodyAt === -1) {
    if (request.body !== '') problems.push(`${where}: sends a body the operation has none of`)
  } else if (request.body === '') {
    if (operation.parameters[bodyAt]!.required === true)
      problems.push(`${where}: the body is missing`)
  } else {
    const check = swagger.check(pointer('operations', index, 'parameters', bodyAt, 'schema'))
    const body: unknown = JSON.parse(request.body)
    problems.push(...check(body).map((error) => `${where} body ${error}`))
  }
  if (request.answer !== undefined) {
    const status = String(request.answer.status)
    const key = status in operation.responses ? status : 'default'
    const check = swagger.check(pointer('operations', index, 'responses', key))
    problems.push(
      ...check(request.answer.body).map((error) => `${where} answer ${status} ${error}`)
    )
  }
  return problems
}

/** The field paths (`status.sync.revision`, `status.conditions[].type`) `read` reads of `value`. */
function fieldsRead(value: unknown, read: (value: unknown) => unknown): string[] {
  const paths = new Set<string>()
  const watch = (node: unknown, path: string): unknown => {
    if (node === null || typeof node !== 'object') return node
    return new Proxy(node, {
      get(target, key, receiver) {
        const child: unknown = Reflect.get(target, key, receiver)
        if (typeof key === 'symbol') return child
        if (Array.isArray(target)) {
          return /^\d+$/.test(key) ? watch(child, `${path}[]`) : child
        }
        const at = path === '' ? key : `${path}.${key}`
        paths.add(at)
        return watch(child, at)
      }
    })
  }
  read(watch(value, ''))
  return [...paths].sort()
}

/** Why `path` is not a field of the definition `root`, or '' when it is. */
function missingField(root: string, path: string): string {
  let schema: Schema | undefined = { $ref: `#/definitions/${root}` }
  for (const segment of path.replace(/\[\]/g, '.[]').split('.')) {
    while (schema?.$ref !== undefined)
      schema = definitions[schema.$ref.slice('#/definitions/'.length)]
    schema =
      segment === '[]'
        ? schema?.items
        : (schema?.properties?.[segment] ??
          (typeof schema?.additionalProperties === 'object'
            ? schema.additionalProperties
            : undefined))
    if (schema === undefined) return `${path}: no field ${segment} in ${root}`
  }
  return ''
}

describe('the fields the wait reads', () => {
  const read = fieldsRead(application(APPS[0]!, FULL), readAppStatus)

  it('are found by watching readAppStatus (the watch is not vacuous)', () => {
    expect(read).toEqual(
      expect.arrayContaining([
        'status.sync.revision',
        'status.health.status',
        'status.operationState.phase',
        'status.reconciledAt',
        'spec.syncPolicy.automated'
      ])
    )
  })

  it('all exist in v1alpha1Application', () => {
    expect(read.map((path) => missingField('v1alpha1Application', path)).filter(Boolean)).toEqual(
      []
    )
  })

  it('a field Argo CD does not have would be reported', () => {
    expect(missingField('v1alpha1Application', 'status.sync.revisionz')).not.toBe('')
  })
})

describe('every request of the Argo CD client', () => {
  let argocd: FakeArgoCd

  beforeAll(async () => {
    argocd = await startFakeArgoCd({ token: TOKEN, apps: APPS, rootPath: ROOT })
    await exercise(argocd)
  })
  afterAll(async () => {
    await argocd.close()
  })

  it('reaches every operation of the fixture', () => {
    const reached = new Set(
      argocd.requests.map((r) => operationOf(r.method, r.path.slice(ROOT.length)))
    )
    expect([...reached].sort()).toEqual(operations.map((_operation, index) => index))
  })

  it("matches Argo CD's description (method, path, query, body), and so do the fake's answers", () => {
    expect(argocd.requests.every((request) => request.answer !== undefined)).toBe(true)
    expect(argocd.requests.flatMap(requestProblems)).toEqual([])
  })

  it('records the commit and license of the description', () => {
    expect(swagger.doc.source).toMatchObject({
      repository: 'https://github.com/argoproj/argo-cd',
      license: 'Apache-2.0'
    })
    expect((swagger.doc.source as { commit: string }).commit).toMatch(/^[0-9a-f]{40}$/)
  })
})

// Every call of the client: a refreshing and a plain GET, an app in another namespace, a sync
// that starts, one refused because an operation runs, and an unknown app.
async function exercise(argocd: FakeArgoCd): Promise<void> {
  const api = createArgoCdApi(
    { server: argocd.url, token: TOKEN, insecure: false },
    createHttpClient()
  )
  const [web, api2, busy] = ['web', 'team-a/api', 'busy'].map(parseAppRef)
  await api.getApp(web!, { refresh: true, timeoutMs: 5000 })
  await api.getApp(web!, { refresh: false, timeoutMs: 5000 })
  await api.getApp(api2!, { refresh: true, timeoutMs: 5000 })
  expect((await api.sync(api2!, 5000)).result).toBe('started')
  expect((await api.sync(busy!, 5000)).result).toBe('in-progress')
  await expect(
    api.getApp(parseAppRef('missing'), { refresh: false, timeoutMs: 5000 })
  ).rejects.toThrow(ArgoCdError)
}
