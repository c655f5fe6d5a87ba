import { createHttpClient } from '../../src/lib/http.js'
// The GitHub calls of src/publish/github-api.ts, checked against GitHub's own API descriptions:
// every GraphQL document against @octokit/graphql-schema, every REST call (method, path,
// query, body) and every answer of the fake GitHub against the operations cut out of
// @octokit/openapi (__tests__/fixtures/contracts/github-rest.json, scripts/extract-github-openapi.js).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { validate } from '@octokit/graphql-schema'
import { join } from 'node:path'
import { systemClock } from '../../src/lib/clock.js'
import { createGitHubApi } from '../../src/publish/github/api.js'
import { RATE_LIMIT_POLICY } from '../../src/publish/github/rate-limit.js'
import { graphqlDocuments, octokitRoutes, readSources } from '../../scripts/lib/schema-extract.js'
import {
  startFakeGitHub,
  type FakeExchange,
  type FakeGitHub
} from '../publish/helpers/fake-github.js'
import { createRemote, isolateGitConfig, removeTempDirs, tempDir } from '../support/git-fixtures.js'
import { loadSchemaDocument, pointer } from '../support/json-schema.js'

const TOKEN = 'ghs_ContractToken0123456789abcdef'
const REPO = { owner: 'acme', repo: 'gitops' }
const rest = loadSchemaDocument(new URL('../fixtures/contracts/github-rest.json', import.meta.url))

interface Parameter {
  readonly name: string
  readonly in: string
  readonly required: boolean
  readonly schema: { readonly type?: string }
}
interface Operation {
  readonly method: string
  readonly path: string
  readonly parameters: readonly Parameter[]
  readonly requestBody: { readonly required: boolean } | null
  readonly responses: Readonly<Record<string, unknown>>
}
const operations = rest.doc.operations as readonly Operation[]
const sources = readSources(new URL('../../src', import.meta.url).pathname).join('\n')

/** The fixture operation a request path (as sent, percent-encoded) falls under. */
function operationOf(method: string, path: string): number {
  return operations.findIndex((operation) => {
    const template = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('')
    return operation.method === method && new RegExp(`^${template}$`).test(path)
  })
}

/** Why a query value does not fit its parameter, or '' (query strings are text on the wire). */
function queryProblem(parameter: Parameter | undefined, name: string, value: string): string {
  if (parameter === undefined) return `query parameter ${name} is not in the operation`
  const type = parameter.schema.type
  if (type === 'integer' && !/^-?\d+$/.test(value)) return `${name}=${value} is not an integer`
  if (type === 'boolean' && !/^(true|false)$/.test(value))
    return `${name}=${value} is not a boolean`
  return ''
}

/** Everything the description says is wrong with one REST exchange. */
function restProblems(exchange: FakeExchange): string[] {
  const where = `${exchange.method} ${exchange.path}`
  const index = operationOf(exchange.method, exchange.path)
  if (index === -1) return [`${where}: no such operation in GitHub's REST description`]
  const operation = operations[index]!
  const problems: string[] = []
  for (const [name, value] of Object.entries(exchange.query)) {
    const parameter = operation.parameters.find((p) => p.in === 'query' && p.name === name)
    const problem = queryProblem(parameter, name, value)
    if (problem !== '') problems.push(`${where}: ${problem}`)
  }
  if (operation.requestBody === null) {
    if (exchange.body !== undefined)
      problems.push(`${where}: sends a body the operation has none of`)
  } else if (exchange.body === undefined) {
    if (operation.requestBody.required) problems.push(`${where}: the request body is missing`)
  } else {
    const check = rest.check(pointer('operations', index, 'requestBody', 'schema'))
    problems.push(...check(exchange.body).map((error) => `${where} request body ${error}`))
  }
  const status = String(exchange.status)
  const key = status in operation.responses ? status : 'default'
  if (!(key in operation.responses)) {
    problems.push(`${where}: answer ${status} is not one of the operation's responses`)
  } else if (operation.responses[key] !== null) {
    const check = rest.check(pointer('operations', index, 'responses', key))
    problems.push(...check(exchange.answer).map((error) => `${where} answer ${status} ${error}`))
  }
  return problems
}

describe('the GraphQL documents', () => {
  const documents = graphqlDocuments(sources)

  it('are found in src/ (the head, default-branch and createCommitOnBranch documents)', () => {
    expect(documents.join('\n')).toMatch(/createCommitOnBranch/)
    expect(documents.join('\n')).toMatch(/defaultBranchRef/)
    expect(documents.join('\n')).toMatch(/ref\(qualifiedName/)
  })

  it.each(documents.map((document) => [document.split('\n')[0]!, document]))(
    "validate against GitHub's GraphQL schema: %s",
    (_first, document) => {
      expect(validate(document).map((error) => error.message)).toEqual([])
    }
  )

  it('a misspelt field does not validate (the check is not vacuous)', () => {
    const [mutation] = documents.filter((d) => d.includes('createCommitOnBranch'))
    const misspelt = mutation!.replace('commit {', 'commitz {')
    expect(
      validate(misspelt)
        .map((error) => error.message)
        .join('\n')
    ).toMatch(/commitz/)
  })
})

describe('the REST description fixture', () => {
  it('holds exactly the Octokit routes written in src/ (refresh it when a call is added)', () => {
    const fixture = operations.map((operation) => `${operation.method} ${operation.path}`).sort()
    expect(fixture).toEqual(octokitRoutes(sources))
  })

  it('records the package it was cut from', () => {
    const source = rest.doc.source as { package: string; version: string }
    expect(source.package).toBe('@octokit/openapi')
    expect(source.version).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('every call against the fake GitHub', () => {
  let restore: () => void
  let github: FakeGitHub

  beforeAll(async () => {
    restore = isolateGitConfig()
    const root = tempDir('contract-github-')
    createRemote({ 'helm/values.yaml': 'image:\n  tag: v1\n' }, join(root, 'acme', 'gitops.git'))
    github = await startFakeGitHub(root, REPO.owner, REPO.repo, TOKEN)
    await exercise(github)
  })
  afterAll(async () => {
    await github.close()
    removeTempDirs()
    restore()
  })

  it('reaches every Octokit route written in src/', () => {
    const reached = new Set(
      github.exchanges
        .filter((exchange) => exchange.path !== '/graphql')
        .map((exchange) => {
          const operation = operations[operationOf(exchange.method, exchange.path)]
          return operation === undefined ? '' : `${operation.method} ${operation.path}`
        })
    )
    expect([...reached].filter(Boolean).sort()).toEqual(octokitRoutes(sources))
  })

  it('sends only GraphQL documents that validate against the schema', () => {
    const sent = github.exchanges.filter((exchange) => exchange.path === '/graphql')
    expect(sent.length).toBeGreaterThan(0)
    for (const exchange of sent) {
      const { query } = exchange.body as { query: string }
      expect(validate(query).map((error) => error.message)).toEqual([])
    }
  })

  it('makes REST calls that match the description, and gets answers shaped like it', () => {
    const calls = github.exchanges.filter((exchange) => exchange.path !== '/graphql')
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.flatMap(restProblems)).toEqual([])
  })
})

// Every method of the GitHubApi, including the answers that are not a success (a stale head,
// an already open pull request, an unknown commit).
async function exercise(github: FakeGitHub): Promise<void> {
  const api = createGitHubApi(
    TOKEN,
    { apiUrl: github.apiUrl, graphqlUrl: github.graphqlUrl },
    { clock: systemClock, policy: RATE_LIMIT_POLICY },
    { http: createHttpClient() }
  )
  expect(await api.defaultBranch(REPO)).toBe('main')
  const head = (await api.branchHead(REPO, 'main'))!
  expect(await api.branchHead(REPO, 'no-such-branch')).toBeUndefined()
  const tree = await api.listTree(REPO, head.treeOid)
  await api.readBlob(REPO, tree[0]!.sha)
  const contents = Buffer.from('image:\n  tag: v2\n').toString('base64')
  const landed = await api.createCommitOnBranch(REPO, 'main', head.oid, 'bump\n\nweb v2', [
    { path: 'helm/values.yaml', contents }
  ])
  if (!landed.ok) throw new Error(landed.detail)
  const stale = await api.createCommitOnBranch(REPO, 'main', head.oid, 'again', [])
  expect(stale.ok).toBe(false)
  const branch = 'gitops-release/web'
  await api.setBranch(REPO, branch, head.oid)
  await api.setBranch(REPO, branch, landed.oid)
  expect(await api.findOpenPull(REPO, branch, 'main')).toBeUndefined()
  const pull = { head: branch, base: 'main', title: 'Release web v2', body: 'web v2' }
  const opened = await api.createPull(REPO, pull)
  expect(await api.createPull(REPO, pull)).toBe('exists')
  if (opened === 'exists') throw new Error('the pull request existed before')
  expect(await api.findOpenPull(REPO, branch, 'main')).toEqual(opened)
  await api.updatePull(REPO, opened.number, { title: 'Release web v3', body: 'web v3' })
  await api.addLabels(REPO, opened.number, ['release'])
  expect(await api.compare(REPO, head.oid, landed.oid)).toBe('ahead')
  expect(await api.compare(REPO, head.oid, 'f'.repeat(40))).toBeUndefined()
}
