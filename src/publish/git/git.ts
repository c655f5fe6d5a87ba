import { isCommitSha } from '../../lib/text.js'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { InternalError, PublishError } from '../../lib/errors.js'
import { ProgramNotFoundError, type ProcessRunner } from '../../lib/exec.js'
import type { Logger } from '../../lib/logger.js'
import type { TreeEntry } from '../tree-source.js'
import { FIXED_ENV } from './env.js'
import { fetchHeads, headSymref, MissingHead } from './fetch-head.js'
import { quotePath } from './fast-import-path.js'

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

/** A commit object's people and message. */
interface CommitObject {
  readonly parents: readonly string[]
  /** `NAME <EMAIL>` */
  readonly author: string
  /** `NAME <EMAIL>` */
  readonly committer: string
  readonly message: string
}

/** What fetchBranchAndHead found. */
interface FetchedRefs {
  /** The branch's tip; absent when the branch does not exist (or none was asked for). */
  readonly tip?: string
  /** The branch the remote's HEAD points to. */
  readonly defaultBranch?: string
  /** The commit of the remote's HEAD. */
  readonly headTip?: string
}

/** What a push did: landed, or was refused with git's output. */
type PushResult =
  /** `upToDate`: the remote's ref already was at the commit (another run pushed the same one). */
  | { readonly ok: true; readonly upToDate: boolean }
  | { readonly ok: false; readonly output: string }

/** The git operations the publish stage needs, on one local repository. */
export interface Git {
  /** Top-level folder of a work tree, or the bare repository folder. */
  readonly dir: string
  /** The fetch and push URLs of a remote. */
  remoteUrls(remote: string): Promise<{ readonly fetch: string; readonly push: string }>
  /** The branch the remote's HEAD points to, undefined when it does not say. */
  defaultBranch(remote: string): Promise<string | undefined>
  /** Fetches a branch tip into `refs/remotes/REMOTE/BRANCH`; undefined when the branch is missing. */
  fetchBranch(remote: string, branch: string, shallow: boolean): Promise<string | undefined>
  /**
   * fetchBranch (when `branch` is given) and the remote's HEAD in one connection: the branch HEAD
   * points to and its commit, where the remote says.
   */
  fetchBranchAndHead(
    remote: string,
    branch: string | undefined,
    shallow: boolean
  ): Promise<FetchedRefs>
  /**
   * Fetches one commit by SHA with its history but without file contents (where the server
   * supports it); false when the remote has no such commit.
   */
  fetchCommit(remote: string, sha: string): Promise<boolean>
  /** True when the commit object is present locally. */
  hasCommit(sha: string): Promise<boolean>
  /** True when `ancestor` equals `commit` or is one of its ancestors (both present locally). */
  isAncestor(ancestor: string, commit: string): Promise<boolean>
  /** Every entry of a commit's tree, recursively. */
  listTree(commit: string): Promise<TreeEntry[]>
  /** The bytes of a blob. */
  readBlob(sha: string): Promise<Buffer>
  /** The tree of a commit. */
  treeOf(commit: string): Promise<string>
  /** The parents recorded in a commit object (also when the repository is shallow). */
  parentsOf(commit: string): Promise<string[]>
  /** The author, committer and message of a commit object present locally. */
  readCommit(commit: string): Promise<CommitObject>
  /** Writes a tree equal to `base`'s with `files` replaced, using a temporary index. */
  writeTree(base: string, files: readonly TreeFile[]): Promise<string>
  /** Creates a commit object; nothing moves. */
  commitTree(tree: string, parent: string, message: string, identity: Identity): Promise<string>
  /**
   * Creates a commit on `parent` whose tree is `parent`'s with `files` written over it, in one
   * git process (fast-import) instead of a temporary index and five; nothing moves, no ref is
   * left behind. Commits are not signed: callers check signsCommits first.
   */
  commitFiles(
    parent: string,
    files: readonly TreeFile[],
    message: string,
    identity: Identity
  ): Promise<string>
  /** True when git's configuration asks for signed commits (`commit.gpgSign`). */
  signsCommits(): Promise<boolean>
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

/** Environment, limits and the process runner shared by every git command of one publish. */
export interface GitContext {
  readonly runner: ProcessRunner
  /** Extra environment (credentials and network limits via GIT_CONFIG_*). */
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
}

// The single place a git process starts: the argv check and the environment live here.
async function exec(
  args: readonly string[],
  context: GitContext,
  options: ExecOptions = {}
): Promise<{ exitCode: number; stdout: string; output: string }> {
  if (context.secrets.some((secret) => secret !== '' && args.some((arg) => arg.includes(secret)))) {
    throw new InternalError('Refusing to pass a secret on a git command line.')
  }
  context.logger.debug(`git ${args.join(' ')}`)
  try {
    const result = await context.runner.run('git', args, {
      env: { ...FIXED_ENV, ...context.env, ...options.env },
      // only commands that read stdin get input: a write to a git that already exited is EPIPE
      ...(options.input === undefined ? {} : { input: options.input })
    })
    return { exitCode: result.exitCode, stdout: result.stdout, output: result.output }
  } catch (error) {
    if (error instanceof ProgramNotFoundError) {
      throw new PublishError(`Could not run git (${error.message}). Is git installed?`)
    }
    throw error
  }
}

async function text(
  args: readonly string[],
  context: GitContext,
  options?: ExecOptions
): Promise<string> {
  const result = await exec(args, context, options)
  if (result.exitCode !== 0) throw new GitCommandError(args, result.exitCode, result.output)
  return result.stdout.trim()
}

/** The work tree containing a folder, as one `rev-parse` reports it. */
export interface WorkTree {
  /** Top-level folder. */
  readonly root: string
  /** Its git directory (a linked worktree's own), where a fetch writes FETCH_HEAD. */
  readonly gitDir: string
  /** True for a shallow repository (fetches must stay shallow). */
  readonly shallow: boolean
}

/** The work tree containing `dir`, in one git process. */
export async function workTreeOf(dir: string, context: GitContext): Promise<WorkTree> {
  const args = ['-C', dir, 'rev-parse', '--show-toplevel', '--absolute-git-dir']
  const [root = '', gitDir = '', shallow = ''] = (
    await text([...args, '--is-shallow-repository'], context)
  ).split('\n')
  return { root, gitDir, shallow: shallow === 'true' }
}

/** True when git's own configuration (any scope) names an ssh command for this repository. */
export async function sshCommandConfigured(dir: string, context: GitContext): Promise<boolean> {
  const result = await exec(['-C', dir, 'config', '--get', 'core.sshCommand'], context)
  return result.exitCode === 0 && result.stdout.trim() !== ''
}

/** Creates an empty bare repository at `dir` whose `origin` is `url`. */
export async function initBareRepository(
  dir: string,
  url: string,
  context: GitContext
): Promise<Git> {
  await text(['init', '--bare', '--quiet', '--', dir], context)
  // `--` keeps a URL that starts with a dash from being read as an option
  await text(['-C', dir, 'remote', 'add', '--', 'origin', url], context)
  return createGit(dir, context, dir)
}

/**
 * A Git over the repository at `dir` (a work tree top level or a bare repository). `gitDir`,
 * when known, lets a fetch's result be read from FETCH_HEAD instead of asking another git
 * process.
 */
class LocalGit implements Git {
  readonly dir: string
  private readonly context: GitContext
  private readonly gitDir: string | undefined
  // a commit's tree never changes: the fetch reads it with the tip, saving a process per attempt
  private readonly trees = new Map<string, string>()

  constructor(dir: string, context: GitContext, gitDir?: string) {
    this.dir = dir
    this.context = context
    this.gitDir = gitDir
  }

  async remoteUrls(remote: string): Promise<{ readonly fetch: string; readonly push: string }> {
    const fetch = await this.git(['remote', 'get-url', '--', remote])
    const push = await this.git(['remote', 'get-url', '--push', '--', remote])
    return { fetch, push }
  }

  async defaultBranch(remote: string): Promise<string | undefined> {
    const out = await this.git(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'])
    return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1]
  }

  async fetchBranch(remote: string, branch: string, shallow: boolean): Promise<string | undefined> {
    return (await this.fetchRefs(remote, branch, false, shallow)).tip
  }

  async fetchBranchAndHead(
    remote: string,
    branch: string | undefined,
    shallow: boolean
  ): Promise<FetchedRefs> {
    try {
      return await this.fetchRefs(remote, branch, true, shallow)
    } catch (error) {
      // an unborn or dangling HEAD: read the branch alone
      if (!(error instanceof MissingHead) || branch === undefined) throw error
      return this.fetchRefs(remote, branch, false, shallow)
    }
  }

  async fetchCommit(remote: string, sha: string): Promise<boolean> {
    if (!isCommitSha(sha)) return false
    const args = ['-C', this.dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules']
    args.push('--filter=blob:none', '--end-of-options', remote, sha)
    const result = await exec(args, this.context)
    if (result.exitCode === 0) return true
    if (
      /not our ref|no such remote ref|couldn't find remote ref|unadvertised object/i.test(
        result.output
      )
    )
      return false
    throw new GitCommandError(args, result.exitCode, result.output)
  }

  async hasCommit(sha: string): Promise<boolean> {
    if (!isCommitSha(sha)) return false
    const result = await exec(['-C', this.dir, 'cat-file', '-e', `${sha}^{commit}`], this.context)
    return result.exitCode === 0
  }

  async isAncestor(ancestor: string, commit: string): Promise<boolean> {
    const args = ['-C', this.dir, 'merge-base', '--is-ancestor', ancestor, commit]
    const result = await exec(args, this.context)
    if (result.exitCode === 0) return true
    if (result.exitCode === 1) return false
    throw new GitCommandError(args, result.exitCode, result.output)
  }

  async listTree(commit: string): Promise<TreeEntry[]> {
    const out = await exec(
      ['-C', this.dir, 'ls-tree', '-r', '-z', '--full-tree', commit],
      this.context
    )
    if (out.exitCode !== 0) throw new GitCommandError(['ls-tree', commit], out.exitCode, out.output)
    const entries: TreeEntry[] = []
    for (const record of out.stdout.split('\0')) {
      const match = /^(\d+) \w+ ([0-9a-f]+)\t(.+)$/s.exec(record)
      if (match?.[1] && match[2] && match[3]) {
        entries.push({ mode: match[1], sha: match[2], path: match[3] })
      }
    }
    return entries
  }

  async readBlob(sha: string): Promise<Buffer> {
    const args = ['-C', this.dir, 'cat-file', 'blob', sha]
    const out = await exec(args, this.context)
    if (out.exitCode !== 0) throw new GitCommandError(args, out.exitCode, out.output)
    // the files we edit are text (YAML, JSON): the runner hands stdout over as UTF-8
    return Buffer.from(out.stdout, 'utf8')
  }

  async treeOf(commit: string): Promise<string> {
    const known = this.trees.get(commit)
    if (known !== undefined) return known
    const tree = await this.git(['rev-parse', '--verify', `${commit}^{tree}`])
    this.trees.set(commit, tree)
    return tree
  }

  async parentsOf(commit: string): Promise<string[]> {
    return [...(await this.readCommit(commit)).parents]
  }

  async writeTree(base: string, files: readonly TreeFile[]): Promise<string> {
    const folder = await mkdtemp(join(this.context.tempDir, 'gitops-release-index-'))
    const env = { GIT_INDEX_FILE: join(folder, 'index') }
    try {
      await this.git(['read-tree', base], { env })
      const lines: string[] = []
      for (const file of files) {
        const sha = await this.git(['hash-object', '-w', '--no-filters', '--stdin'], {
          input: file.content
        })
        lines.push(`${file.mode} ${sha}\t${file.path}\0`)
      }
      await this.git(['update-index', '-z', '--index-info'], { env, input: lines.join('') })
      return await this.git(['write-tree'], { env })
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }

  commitTree(tree: string, parent: string, message: string, identity: Identity): Promise<string> {
    return this.git(['commit-tree', tree, '-p', parent], {
      input: message.endsWith('\n') ? message : `${message}\n`,
      env: {
        GIT_AUTHOR_NAME: identity.name,
        GIT_AUTHOR_EMAIL: identity.email,
        GIT_COMMITTER_NAME: identity.name,
        GIT_COMMITTER_EMAIL: identity.email
      }
    })
  }

  async commitFiles(
    parent: string,
    files: readonly TreeFile[],
    message: string,
    identity: Identity
  ): Promise<string> {
    // fast-import needs a ref for the commit; a reset without `from` deletes it again at the end
    const ref = `refs/gitops-release/commit-${randomBytes(6).toString('hex')}`
    const chunks: Buffer[] = []
    const add = (text: string | Buffer): void => {
      chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text)
    }
    files.forEach((file, i) => {
      add(`blob\nmark :${i + 1}\ndata ${file.content.length}\n`)
      add(file.content)
      add('\n')
    })
    const body = Buffer.from(message.endsWith('\n') ? message : `${message}\n`, 'utf8')
    const mark = files.length + 1
    // the identity holds no `<`, `>` or control character (checked with the inputs)
    const who = `${identity.name} <${identity.email}> now`
    add(`commit ${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\ndata ${body.length}\n`)
    add(body)
    add(`from ${parent}\n`)
    files.forEach((file, i) => {
      add(`M ${file.mode} :${i + 1} `)
      add(quotePath(file.path))
      add('\n')
    })
    add(`\nget-mark :${mark}\nreset ${ref}\n\ndone\n`)
    // unpackLimit=0: keep the objects in the one pack instead of starting unpack-objects
    const args = ['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done']
    return this.git([...args, '--date-format=now'], { input: Buffer.concat(chunks) })
  }

  async signsCommits(): Promise<boolean> {
    const result = await exec(
      ['-C', this.dir, 'config', '--bool', '--get', 'commit.gpgSign'],
      this.context
    )
    return result.exitCode === 0 && result.stdout.trim() === 'true'
  }

  async push(remote: string, sha: string, ref: string, lease?: string): Promise<PushResult> {
    const args = ['-C', this.dir, 'push', '--porcelain', '--no-verify']
    if (lease !== undefined) args.push(`--force-with-lease=${ref}:${lease}`)
    args.push('--end-of-options', remote, `${sha}:${ref}`)
    const result = await exec(args, this.context)
    // --porcelain flags each ref: `=` for up to date, ` ` for a fast-forward, `+` forced
    const upToDate = result.stdout.split('\n').some((line) => line.startsWith(`=\t${sha}:${ref}\t`))
    if (result.exitCode === 0) return { ok: true, upToDate }
    return { ok: false, output: result.output }
  }

  /** The author, committer and message of a commit object present locally. */
  async readCommit(commit: string): Promise<CommitObject> {
    const raw = await this.git(['cat-file', 'commit', commit])
    const split = raw.indexOf('\n\n')
    const header = split < 0 ? raw : raw.slice(0, split)
    const person = (role: string): string =>
      new RegExp(`^${role} (.*<[^>]*>)`, 'm').exec(header)?.[1] ?? ''
    return {
      parents: [...header.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1] ?? ''),
      author: person('author'),
      committer: person('committer'),
      message: split < 0 ? '' : raw.slice(split + 2)
    }
  }

  // Fetches `branch` into refs/remotes/REMOTE/BRANCH and, with `head`, the remote's HEAD too,
  // reading the name HEAD points to from the ref listing of the same connection (the packet
  // trace: git 2.39 keeps no symref a fetch listed), so no ls-remote is needed for it.
  private async fetchRefs(
    remote: string,
    branch: string | undefined,
    head: boolean,
    shallow: boolean
  ): Promise<FetchedRefs> {
    const ref = branch === undefined ? undefined : `refs/remotes/${remote}/${branch}`
    const args = ['-C', this.dir, 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules']
    // no auto-maintenance (git 2.23+): one process less per attempt (in the workspace, the
    // runner's checkout is thrown away with the job)
    args.push('--no-auto-gc')
    if (shallow) args.push('--depth=1')
    args.push('--end-of-options', remote)
    if (branch !== undefined) args.push(`+refs/heads/${branch}:${ref ?? ''}`)
    if (head) args.push('HEAD')
    const folder = head
      ? await mkdtemp(join(this.context.tempDir, 'gitops-release-trace-'))
      : undefined
    const trace: Record<string, string> =
      folder === undefined ? {} : { GIT_TRACE_PACKET: join(folder, 'packets') }
    try {
      const result = await exec(args, this.context, { env: trace })
      if (result.exitCode !== 0) {
        if (/couldn't find remote ref HEAD\b/i.test(result.output)) throw new MissingHead()
        if (/couldn't find remote ref/i.test(result.output)) return {}
        throw new GitCommandError(args, result.exitCode, result.output)
      }
      const listed = folder === undefined ? undefined : await headSymref(join(folder, 'packets'))
      const heads = this.gitDir === undefined ? undefined : await fetchHeads(this.gitDir)
      const headTip = heads?.head
      const found = {
        ...(listed === undefined ? {} : { defaultBranch: listed }),
        ...(headTip === undefined ? {} : { headTip })
      }
      if (ref === undefined || branch === undefined) return found
      const fetched = heads?.branches.get(branch)
      if (fetched !== undefined) return { ...found, tip: fetched }
      const [tip = '', tree = ''] = (
        await this.git(['rev-parse', `${ref}^{commit}`, `${ref}^{tree}`])
      ).split('\n')
      if (tree !== '') this.trees.set(tip, tree)
      return { ...found, tip }
    } finally {
      if (folder !== undefined) await rm(folder, { recursive: true, force: true })
    }
  }

  private git(args: readonly string[], options?: ExecOptions): Promise<string> {
    return text(['-C', this.dir, ...args], this.context, options)
  }
}

/** A Git over the repository at `dir` (see LocalGit). */
export function createGit(dir: string, context: GitContext, gitDir?: string): Git {
  return new LocalGit(dir, context, gitDir)
}
