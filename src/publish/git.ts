import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { InternalError, PublishError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { TreeEntry } from './tree-source.js'

/** A file to place in a tree. */
export interface TreeFile {
  readonly path: string
  readonly mode: string
  readonly content: Buffer
}

/** Author and committer of the commits we make. */
export interface Identity {
  readonly name: string
  readonly email: string
}

/** What a push did: landed, or was refused with git's output. */
export type PushResult = { readonly ok: true } | { readonly ok: false; readonly output: string }

/** The git operations the publish stage needs, on one local repository. */
export interface Git {
  /** Top-level folder of a work tree, or the bare repository folder. */
  readonly dir: string
  /** The fetch and push URLs of a remote. */
  remoteUrls(remote: string): Promise<{ readonly fetch: string; readonly push: string }>
  /** True for a shallow repository (fetches must stay shallow). */
  isShallow(): Promise<boolean>
  /** The branch the remote's HEAD points to, undefined when it does not say. */
  defaultBranch(remote: string): Promise<string | undefined>
  /** Fetches a branch tip into `refs/remotes/REMOTE/BRANCH`; undefined when the branch is missing. */
  fetchBranch(remote: string, branch: string, shallow: boolean): Promise<string | undefined>
  /** Every entry of a commit's tree, recursively. */
  listTree(commit: string): Promise<TreeEntry[]>
  /** The bytes of a blob. */
  readBlob(sha: string): Promise<Buffer>
  /** The tree of a commit. */
  treeOf(commit: string): Promise<string>
  /** The parents recorded in a commit object (also when the repository is shallow). */
  parentsOf(commit: string): Promise<string[]>
  /** Writes a tree equal to `base`'s with `files` replaced, using a temporary index. */
  writeTree(base: string, files: readonly TreeFile[]): Promise<string>
  /** Creates a commit object; nothing moves. */
  commitTree(tree: string, parent: string, message: string, identity: Identity): Promise<string>
  /** Pushes `sha` to `ref` without force; with `lease`, force only if the ref is still at `lease`
   * (empty string: only if it does not exist). */
  push(remote: string, sha: string, ref: string, lease?: string): Promise<PushResult>
}

/** A git command that failed; `output` is what it printed (never contains a secret we hold). */
export class GitCommandError extends PublishError {
  readonly args: readonly string[]
  readonly exitCode: number
  readonly output: string

  constructor(args: readonly string[], exitCode: number, output: string) {
    super(`git ${args.join(' ')} failed with exit code ${exitCode}: ${output.trim()}`)
    this.args = args
    this.exitCode = exitCode
    this.output = output
  }
}

/** Environment and limits shared by every git command of one publish. */
export interface GitContext {
  /** Extra environment (credentials via GIT_CONFIG_*). */
  readonly env: Readonly<Record<string, string>>
  /** Values that must never reach a command line. */
  readonly secrets: readonly string[]
  readonly logger: Logger
  /** Where temporary index files go. */
  readonly tempDir: string
}

interface ExecOptions {
  readonly input?: string | Buffer
  readonly env?: Readonly<Record<string, string>>
  readonly cwd?: string
}

interface ExecResult {
  readonly exitCode: number
  readonly stdout: Buffer
  readonly stderr: string
}

const INHERITED_GIT_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX'
]

// The single place a git process starts: the argv check and the environment live here.
function exec(
  args: readonly string[],
  context: GitContext,
  options: ExecOptions = {}
): Promise<ExecResult> {
  if (context.secrets.some((secret) => secret !== '' && args.some((arg) => arg.includes(secret)))) {
    return Promise.reject(new InternalError('Refusing to pass a secret on a git command line.'))
  }
  context.logger.debug(`git ${args.join(' ')}`)
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !INHERITED_GIT_VARS.includes(name))
  )
  Object.assign(
    env,
    {
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'Never',
      GIT_TRACE_REDACT: '1',
      GIT_LFS_SKIP_SMUDGE: '1',
      LC_ALL: 'C',
      LANGUAGE: 'C'
    },
    context.env,
    options.env
  )
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env, stdio: 'pipe' })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', (error) => {
      reject(new PublishError(`Could not run git (${error.message}). Is git installed?`))
    })
    child.on('close', (code) => {
      resolve({
        exitCode: code ?? 128,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
    child.stdin.on('error', () => {
      // git may exit before reading stdin; the exit code tells what happened
    })
    child.stdin.end(options.input ?? '')
  })
}

async function run(
  args: readonly string[],
  context: GitContext,
  options: ExecOptions = {}
): Promise<Buffer> {
  const result = await exec(args, context, options)
  if (result.exitCode !== 0) {
    throw new GitCommandError(
      args,
      result.exitCode,
      `${result.stderr}\n${result.stdout.toString('utf8')}`
    )
  }
  return result.stdout
}

async function text(
  args: readonly string[],
  context: GitContext,
  options?: ExecOptions
): Promise<string> {
  return (await run(args, context, options)).toString('utf8').trim()
}

/** The top-level folder of the work tree containing `dir`. */
export async function gitTopLevel(dir: string, context: GitContext): Promise<string> {
  return text(['-C', dir, 'rev-parse', '--show-toplevel'], context)
}

/** Creates an empty bare repository at `dir` whose `origin` is `url`. */
export async function initBareRepository(
  dir: string,
  url: string,
  context: GitContext
): Promise<Git> {
  await run(['init', '--bare', '--quiet', dir], context)
  await run(['-C', dir, 'remote', 'add', 'origin', url], context)
  return createGit(dir, context)
}

/** A Git over the repository at `dir` (a work tree top level or a bare repository). */
export function createGit(dir: string, context: GitContext): Git {
  const git = (args: readonly string[], options?: ExecOptions): Promise<string> =>
    text(['-C', dir, ...args], context, options)
  return {
    dir,
    async remoteUrls(remote) {
      const fetch = await git(['remote', 'get-url', remote])
      const push = await git(['remote', 'get-url', '--push', remote])
      return { fetch, push }
    },
    async isShallow() {
      return (await git(['rev-parse', '--is-shallow-repository'])) === 'true'
    },
    async defaultBranch(remote) {
      const out = await git(['ls-remote', '--symref', remote, 'HEAD'])
      return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1]
    },
    async fetchBranch(remote, branch, shallow) {
      const ref = `refs/remotes/${remote}/${branch}`
      const args = ['-C', dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules']
      if (shallow) args.push('--depth=1')
      args.push(remote, `+refs/heads/${branch}:${ref}`)
      const result = await exec(args, context)
      if (result.exitCode !== 0) {
        if (/couldn't find remote ref/i.test(result.stderr)) return undefined
        throw new GitCommandError(args, result.exitCode, result.stderr)
      }
      return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    },
    async listTree(commit) {
      const out = await run(['-C', dir, 'ls-tree', '-r', '-z', '--full-tree', commit], context)
      const entries: TreeEntry[] = []
      for (const record of out.toString('utf8').split('\0')) {
        const match = /^(\d+) \w+ ([0-9a-f]+)\t(.+)$/s.exec(record)
        if (match?.[1] && match[2] && match[3]) {
          entries.push({ mode: match[1], sha: match[2], path: match[3] })
        }
      }
      return entries
    },
    readBlob(sha) {
      return run(['-C', dir, 'cat-file', 'blob', sha], context)
    },
    treeOf(commit) {
      return git(['rev-parse', '--verify', `${commit}^{tree}`])
    },
    async parentsOf(commit) {
      const header = (await git(['cat-file', 'commit', commit])).split('\n\n')[0] ?? ''
      return [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1] ?? '')
    },
    async writeTree(base, files) {
      const folder = await mkdtemp(join(context.tempDir, 'gitops-release-index-'))
      const env = { GIT_INDEX_FILE: join(folder, 'index') }
      try {
        await git(['read-tree', base], { env })
        const lines: string[] = []
        for (const file of files) {
          const sha = await git(['hash-object', '-w', '--no-filters', '--stdin'], {
            input: file.content
          })
          lines.push(`${file.mode} ${sha}\t${file.path}\0`)
        }
        await git(['update-index', '-z', '--index-info'], { env, input: lines.join('') })
        return await git(['write-tree'], { env })
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    },
    commitTree(tree, parent, message, identity) {
      return git(['commit-tree', tree, '-p', parent], {
        input: message.endsWith('\n') ? message : `${message}\n`,
        env: {
          GIT_AUTHOR_NAME: identity.name,
          GIT_AUTHOR_EMAIL: identity.email,
          GIT_COMMITTER_NAME: identity.name,
          GIT_COMMITTER_EMAIL: identity.email
        }
      })
    },
    async push(remote, sha, ref, lease) {
      const args = ['-C', dir, 'push', '--porcelain', '--no-verify']
      if (lease !== undefined) args.push(`--force-with-lease=${ref}:${lease}`)
      args.push(remote, `${sha}:${ref}`)
      const result = await exec(args, context)
      if (result.exitCode === 0) return { ok: true }
      return { ok: false, output: `${result.stderr}\n${result.stdout.toString('utf8')}` }
    }
  }
}
