import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { KeyAndCert } from '../../support/self-signed.js'
import { startGitHttpServer, type GitHttpServer } from './git-http-server.js'
import {
  commitJson,
  labelJson,
  pullJson,
  refJson,
  type FakeUrls,
  type GitCommitInfo
} from './github-json.js'

/** A pull request as the fake stores it. */
export interface FakePull {
  number: number
  head: string
  base: string
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
}

/**
 * A fake GitHub (GHES-shaped URLs: REST under /api/v3, GraphQL at /api/graphql) over one bare
 * repository, which is also served over smart HTTP at /OWNER/REPO.git. Answers are shaped like
 * GitHub's documented responses, including its error bodies.
 */
export interface FakeGitHub {
  readonly serverUrl: string
  readonly apiUrl: string
  readonly graphqlUrl: string
  readonly gitUrl: string
  /** `METHOD PATH` of every API request, with the GraphQL operation's first word. */
  readonly calls: string[]
  /** Every API request as sent (path as on the wire) and the fake's answer, for contract tests. */
  readonly exchanges: FakeExchange[]
  /** `METHOD PATH STATUS` of every git smart-HTTP request. */
  readonly gitRequests: string[]
  readonly mutations: Record<string, unknown>[]
  readonly pulls: FakePull[]
  /** Runs once, just before the next createCommitOnBranch compares expectedHeadOid. */
  beforeCommit?: () => void
  /** The next pull request listing answers [] (another job opens one meanwhile). */
  hideOpenPullsOnce: boolean
  /** Canned answers (rate limits) given, in order, to the next API requests instead of serving them. */
  readonly cannedAnswers: CannedAnswer[]
  close(): Promise<void>
}

/** One API request and the fake's answer. */
export interface FakeExchange {
  readonly method: string
  /** The path below the API root as sent, still percent-encoded (`/repos/o/r/git/refs/heads%2Fx`); `/graphql` for GraphQL. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** The JSON body, undefined when there was none. */
  readonly body: unknown
  /** Set when the fake answers. */
  status?: number
  answer?: unknown
}

/** An answer the fake gives as is: status, headers, JSON body. */
export interface CannedAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
}

/** In cannedAnswers: answer this request as the fake normally does. */
export const PASS: CannedAnswer = { status: 0, headers: {}, body: null }

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()

// The exchange each response answers, so that every answer is recorded whichever branch sends it.
const pending = new WeakMap<ServerResponse, FakeExchange>()

function send(res: ServerResponse, status: number, body: unknown): true {
  const exchange = pending.get(res)
  if (exchange) {
    exchange.status = status
    exchange.answer = body
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
  return true
}

function restError(res: ServerResponse, status: number, message: string, extra = {}): true {
  return send(res, status, {
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
    ...extra
  })
}

// GitHub answers a refused createCommitOnBranch with HTTP 200, a null result and one error
function commitRefused(type: string, message: string): unknown {
  return {
    data: { createCommitOnBranch: null },
    errors: [{ type, path: ['createCommitOnBranch'], locations: [{ line: 2, column: 3 }], message }]
  }
}

/**
 * Starts the fake for `OWNER/REPO` whose bare repository is `bare` under `root`; with `tls` the
 * API and git both go over https with that key and certificate.
 */
export async function startFakeGitHub(
  root: string,
  owner: string,
  repo: string,
  token: string,
  tls?: KeyAndCert
): Promise<FakeGitHub> {
  const bare = join(root, owner, `${repo}.git`)
  const gitIn = (args: string[], input?: Buffer | string, env: NodeJS.ProcessEnv = {}): string =>
    execFileSync(realGit, args, {
      env: { ...process.env, GIT_DIR: bare, ...env },
      input,
      encoding: 'utf8'
    }).trim()
  const refSha = (ref: string): string | undefined => {
    try {
      return gitIn(['rev-parse', '--verify', '--quiet', ref])
    } catch {
      return undefined
    }
  }
  let serverUrl = ''
  const calls: string[] = []
  const exchanges: FakeExchange[] = []
  const mutations: Record<string, unknown>[] = []
  const pulls: FakePull[] = []
  const repoPath = `/api/v3/repos/${owner}/${repo}`
  const urls = (): FakeUrls => ({ server: serverUrl, api: `${serverUrl}/api/v3` })
  const commitInfo = (sha: string): GitCommitInfo => {
    const [
      tree = '',
      parents = '',
      an = '',
      ae = '',
      ad = '',
      cn = '',
      ce = '',
      cd = '',
      ...message
    ] = gitIn([
      'log',
      '-1',
      '--format=%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B',
      sha
    ]).split('\0')
    return {
      sha,
      tree,
      parents: parents.split(' ').filter(Boolean),
      message: message.join('\0').trimEnd(),
      author: { name: an, email: ae, date: ad },
      committer: { name: cn, email: ce, date: cd }
    }
  }

  const createCommit = (input: {
    branch: { repositoryNameWithOwner: string; branchName: string }
    expectedHeadOid: string
    message: { headline: string; body?: string }
    fileChanges: { additions?: { path: string; contents: string }[] }
  }): unknown => {
    const ref = `refs/heads/${input.branch.branchName}`
    if (input.branch.repositoryNameWithOwner !== `${owner}/${repo}` || !refSha(ref)) {
      return commitRefused(
        'NOT_FOUND',
        `A ref named "${ref}" does not exist in ${input.branch.repositoryNameWithOwner}.`
      )
    }
    const hook = fake.beforeCommit
    fake.beforeCommit = undefined
    hook?.()
    if (refSha(ref) !== input.expectedHeadOid) {
      return commitRefused(
        'STALE_DATA',
        `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`
      )
    }
    const folder = mkdtempSync(join(tmpdir(), 'fake-gh-index-'))
    const env = { GIT_INDEX_FILE: join(folder, 'index') }
    try {
      gitIn(['read-tree', input.expectedHeadOid], undefined, env)
      for (const addition of input.fileChanges.additions ?? []) {
        const blob = gitIn(
          ['hash-object', '-w', '--stdin'],
          Buffer.from(addition.contents, 'base64')
        )
        gitIn(
          ['update-index', '--add', '--cacheinfo', `100644,${blob},${addition.path}`],
          undefined,
          env
        )
      }
      const tree = gitIn(['write-tree'], undefined, env)
      const message = `${input.message.headline}${input.message.body ? `\n\n${input.message.body}` : ''}\n`
      const oid = gitIn(['commit-tree', tree, '-p', input.expectedHeadOid], message, {
        GIT_AUTHOR_NAME: 'github-actions[bot]',
        GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
        GIT_COMMITTER_NAME: 'GitHub',
        GIT_COMMITTER_EMAIL: 'noreply@github.com'
      })
      gitIn(['update-ref', ref, oid, input.expectedHeadOid])
      return {
        data: {
          createCommitOnBranch: {
            commit: { oid, url: `${serverUrl}/${owner}/${repo}/commit/${oid}` }
          }
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }

  const graphql = (
    res: ServerResponse,
    body: { query: string; variables: Record<string, unknown> }
  ): true => {
    const { query, variables } = body
    calls.push(
      `POST /api/graphql ${/createCommitOnBranch|defaultBranchRef|ref\(/.exec(query)?.[0] ?? '?'}`
    )
    const found = variables.owner === owner && variables.name === repo
    if (query.includes('createCommitOnBranch')) {
      mutations.push(variables.input as Record<string, unknown>)
      return send(res, 200, createCommit(variables.input as Parameters<typeof createCommit>[0]))
    }
    if (!found) {
      return send(res, 200, {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a Repository with the name '${String(variables.owner)}/${String(variables.name)}'.`
          }
        ]
      })
    }
    if (query.includes('defaultBranchRef')) {
      return send(res, 200, { data: { repository: { defaultBranchRef: { name: 'main' } } } })
    }
    const oid = refSha(String(variables.ref))
    const target = oid
      ? {
          oid,
          message: gitIn(['log', '-1', '--format=%B', oid]),
          tree: { oid: gitIn(['rev-parse', `${oid}^{tree}`]) },
          parents: {
            nodes: gitIn(['log', '-1', '--format=%P', oid])
              .split(' ')
              .filter(Boolean)
              .slice(0, 1)
              .map((parent) => ({ oid: parent }))
          }
        }
      : undefined
    return send(res, 200, { data: { repository: { ref: target ? { target } : null } } })
  }

  const rest = (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>
  ): true => {
    const method = req.method ?? 'GET'
    calls.push(`${method} ${path}`)
    let match: RegExpExecArray | null
    if (method === 'GET' && (match = /^\/git\/trees\/([0-9a-f]{40})$/.exec(path))) {
      const sha = match[1] ?? ''
      // GitHub answers 404 for a tree (or commit) it does not have.
      if (refSha(`${sha}^{tree}`) === undefined) return restError(res, 404, 'Not Found')
      const lines = query.get('recursive')
        ? gitIn(['ls-tree', '-r', '-t', '-l', sha])
        : gitIn(['ls-tree', '-l', sha])
      const tree = lines
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [meta = '', entryPath = ''] = line.split('\t')
          const [mode = '', type = '', entrySha = '', size = '-'] = meta.split(/\s+/)
          return {
            path: entryPath,
            mode,
            type,
            sha: entrySha,
            ...(type === 'blob' ? { size: Number(size) } : {}),
            url: `${serverUrl}${repoPath}/git/${type}s/${entrySha}`
          }
        })
      return send(res, 200, {
        sha,
        url: `${serverUrl}${repoPath}/git/trees/${sha}`,
        tree,
        truncated: false
      })
    }
    if (method === 'GET' && (match = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(path))) {
      const sha = match[1] ?? ''
      const bytes = execFileSync(realGit, ['cat-file', 'blob', sha], {
        env: { ...process.env, GIT_DIR: bare }
      })
      const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n')
      return send(res, 200, {
        sha,
        node_id: 'B_x',
        size: bytes.length,
        url: `${serverUrl}${repoPath}/git/blobs/${sha}`,
        content: `${content}\n`,
        encoding: 'base64'
      })
    }
    if (method === 'POST' && path === '/git/refs') {
      const ref = String(body.ref)
      if (refSha(ref)) return restError(res, 422, 'Reference already exists')
      gitIn(['update-ref', ref, String(body.sha), ''])
      return send(res, 201, refJson(urls(), owner, repo, ref, String(body.sha)))
    }
    if (method === 'PATCH' && (match = /^\/git\/refs\/(heads\/.+)$/.exec(path))) {
      gitIn(['update-ref', `refs/${match[1] ?? ''}`, String(body.sha)])
      return send(
        res,
        200,
        refJson(urls(), owner, repo, `refs/${match[1] ?? ''}`, String(body.sha))
      )
    }
    if (
      method === 'GET' &&
      (match = /^\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$/.exec(path))
    ) {
      // GitHub's compare API: how head relates to base
      const [base = '', head = ''] = [match[1], match[2]]
      const known = (sha: string): boolean => {
        try {
          gitIn(['cat-file', '-e', `${sha}^{commit}`])
          return true
        } catch {
          return false
        }
      }
      if (!known(base) || !known(head)) return restError(res, 404, 'Not Found')
      const count = (range: string): number => Number(gitIn(['rev-list', '--count', range]))
      const ahead = count(`${base}..${head}`)
      const behind = count(`${head}..${base}`)
      const status =
        ahead === 0 && behind === 0
          ? 'identical'
          : behind === 0
            ? 'ahead'
            : ahead === 0
              ? 'behind'
              : 'diverged'
      const web = `${serverUrl}/${owner}/${repo}/compare/${base}...${head}`
      const perPage = Number(query.get('per_page') ?? 250)
      const listed =
        ahead === 0 ? [] : gitIn(['rev-list', '--reverse', `${base}..${head}`]).split('\n')
      return send(res, 200, {
        url: `${serverUrl}${repoPath}/compare/${base}...${head}`,
        html_url: web,
        permalink_url: web,
        diff_url: `${web}.diff`,
        patch_url: `${web}.patch`,
        base_commit: commitJson(urls(), owner, repo, commitInfo(base)),
        merge_base_commit: commitJson(
          urls(),
          owner,
          repo,
          commitInfo(gitIn(['merge-base', base, head]))
        ),
        status,
        ahead_by: ahead,
        behind_by: behind,
        total_commits: ahead,
        commits: listed
          .slice(0, perPage)
          .map((sha) => commitJson(urls(), owner, repo, commitInfo(sha))),
        files: []
      })
    }
    const pullAnswer = (pull: FakePull): unknown =>
      pullJson(
        urls(),
        owner,
        repo,
        pull,
        {
          head: refSha(`refs/heads/${pull.head}`) ?? '',
          base: refSha(`refs/heads/${pull.base}`) ?? ''
        },
        'main'
      )
    if (method === 'GET' && path === '/pulls') {
      if (fake.hideOpenPullsOnce) {
        fake.hideOpenPullsOnce = false
        return send(res, 200, [])
      }
      const head = query.get('head')
      const base = query.get('base')
      return send(
        res,
        200,
        pulls
          .filter((p) => p.state === (query.get('state') ?? 'open'))
          .filter((p) => !head || `${owner}:${p.head}` === head)
          .filter((p) => !base || p.base === base)
          .map(pullAnswer)
      )
    }
    if (method === 'POST' && path === '/pulls') {
      const head = String(body.head)
      if (!refSha(`refs/heads/${head}`)) {
        return restError(res, 422, 'Validation Failed', {
          errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]
        })
      }
      if (pulls.some((p) => p.state === 'open' && p.head === head && p.base === body.base)) {
        return restError(res, 422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${owner}:${head}.`
            }
          ],
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
        })
      }
      const pull: FakePull = {
        number: pulls.length + 1,
        head,
        base: String(body.base),
        title: String(body.title),
        body: typeof body.body === 'string' ? body.body : '',
        state: 'open',
        labels: []
      }
      pulls.push(pull)
      return send(res, 201, pullAnswer(pull))
    }
    if (method === 'PATCH' && (match = /^\/pulls\/(\d+)$/.exec(path))) {
      const pull = pulls.find((p) => p.number === Number(match?.[1]))
      if (!pull) return restError(res, 404, 'Not Found')
      if (typeof body.title === 'string') pull.title = body.title
      if (typeof body.body === 'string') pull.body = body.body
      return send(res, 200, pullAnswer(pull))
    }
    if (method === 'POST' && (match = /^\/issues\/(\d+)\/labels$/.exec(path))) {
      const pull = pulls.find((p) => p.number === Number(match?.[1]))
      if (!pull) return restError(res, 404, 'Not Found')
      for (const label of body.labels as string[])
        if (!pull.labels.includes(label)) pull.labels.push(label)
      return send(
        res,
        200,
        pull.labels.map((name, index) => labelJson(urls(), owner, repo, name, index + 1))
      )
    }
    return restError(res, 404, 'Not Found')
  }

  const server: GitHttpServer = await startGitHttpServer(
    root,
    token,
    (req, res, raw) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (!url.pathname.startsWith('/api/')) return false
      const auth = req.headers.authorization ?? ''
      if (auth !== `token ${token}` && auth !== `bearer ${token}`) {
        return restError(res, 401, 'Bad credentials')
      }
      const canned = fake.cannedAnswers.shift()
      if (canned && canned !== PASS) {
        calls.push(`${req.method ?? ''} ${url.pathname} canned ${canned.status}`)
        res.writeHead(canned.status, {
          'content-type': 'application/json; charset=utf-8',
          ...canned.headers
        })
        res.end(JSON.stringify(canned.body))
        return true
      }
      const body = (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}) as Record<
        string,
        unknown
      >
      const exchange: FakeExchange = {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/^\/api(\/v3)?/, ''),
        query: Object.fromEntries(url.searchParams),
        body: raw.length > 0 ? body : undefined
      }
      exchanges.push(exchange)
      pending.set(res, exchange)
      if (url.pathname === '/api/graphql') {
        return graphql(res, body as { query: string; variables: Record<string, unknown> })
      }
      if (url.pathname.startsWith(repoPath)) {
        // Octokit sends `{ref}` with its slashes encoded (heads%2Frelease%2F1.0); GitHub decodes it
        const path = decodeURIComponent(url.pathname.slice(repoPath.length))
        return rest(req, res, path, url.searchParams, body)
      }
      return restError(res, 404, 'Not Found')
    },
    tls
  )
  serverUrl = server.url
  const fake: FakeGitHub = {
    serverUrl,
    apiUrl: `${serverUrl}/api/v3`,
    graphqlUrl: `${serverUrl}/api/graphql`,
    gitUrl: `${serverUrl}/${owner}/${repo}.git`,
    calls,
    exchanges,
    gitRequests: server.requests,
    mutations,
    pulls,
    hideOpenPullsOnce: false,
    cannedAnswers: [],
    close: () => server.close()
  }
  return fake
}
