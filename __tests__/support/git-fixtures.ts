import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dirs: string[] = []

/** A fresh temporary folder, removed by removeTempDirs(). */
export function tempDir(prefix = 'gitops-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** Removes every folder tempDir() made. */
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

// The author and committer of every fixture commit; the action's own commits use its inputs.
const identity = {
  GIT_AUTHOR_NAME: 'Human',
  GIT_AUTHOR_EMAIL: 'human@example.com',
  GIT_COMMITTER_NAME: 'Human',
  GIT_COMMITTER_EMAIL: 'human@example.com',
  GIT_CONFIG_NOSYSTEM: '1'
}

/** Points HOME and the global git config at an empty folder; returns the restore function. */
export function isolateGitConfig(): () => void {
  const saved = { ...process.env }
  const home = mkdtempSync(join(tmpdir(), 'gitops-home-'))
  writeFileSync(join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n')
  process.env.HOME = home
  process.env.GIT_CONFIG_GLOBAL = join(home, '.gitconfig')
  process.env.GIT_CONFIG_NOSYSTEM = '1'
  return () => {
    for (const key of Object.keys(process.env))
      if (!(key in saved)) Reflect.deleteProperty(process.env, key)
    Object.assign(process.env, saved)
    rmSync(home, { recursive: true, force: true })
  }
}

/** Runs git synchronously (test set-up only) and returns trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...identity },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

/**
 * A bare repository at `bare` whose `main` holds `files` in one commit. The seed clone goes next
 * to `bare`, so whoever removes the folder of `bare` removes it too; by default both live in a
 * tempDir().
 */
export function createRemote(
  files: Readonly<Record<string, string>>,
  bare = join(tempDir('gitops-remote-'), 'repo.git')
): { bare: string; url: string } {
  mkdirSync(dirname(bare), { recursive: true })
  git(dirname(bare), 'init', '--bare', '--quiet', '--initial-branch=main', bare)
  const work = mkdtempSync(join(dirname(bare), 'seed-'))
  git(work, 'init', '--quiet', '--initial-branch=main')
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true })
    writeFileSync(join(work, path), content)
  }
  git(work, 'add', '-A')
  git(work, 'commit', '--quiet', '-m', 'initial')
  git(work, 'push', '--quiet', bare, 'main')
  return { bare, url: pathToFileURL(bare).toString() }
}

/** A clone of `url` (a workspace as actions/checkout leaves it, shallow by default). */
export function cloneWorkspace(url: string, depth = 1): string {
  const dir = tempDir('gitops-ws-')
  git(dir, 'clone', '--quiet', `--depth=${depth}`, url, '.')
  return dir
}

/** Clones `remote` into `dir` the way actions/checkout leaves a workspace (detached HEAD). */
export function checkoutWorkspace(remote: string, dir: string): string {
  git(dirname(dir), 'clone', '-q', remote, dir)
  git(dir, 'checkout', '-q', '--detach', 'HEAD')
  return git(dir, 'rev-parse', 'HEAD')
}

/** Pushes a commit by someone else that rewrites `path` with `edit`. */
export function humanCommit(url: string, path: string, edit: (text: string) => string): string {
  const dir = cloneWorkspace(url)
  writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), 'utf8')))
  git(dir, 'commit', '--quiet', '-am', `human edit of ${path}`)
  git(dir, 'push', '--quiet', 'origin', 'HEAD:main')
  return git(dir, 'rev-parse', 'HEAD')
}

/** A file at a branch of a bare repository. */
export function remoteFile(bare: string, path: string, branch = 'main'): string {
  return execFileSync('git', ['--git-dir', bare, 'show', `${branch}:${path}`], { encoding: 'utf8' })
}

/** `SHA PARENTS|SUBJECT` lines of a branch, newest first. */
export function remoteLog(bare: string, branch = 'main'): string[] {
  return git(bare, 'log', '--format=%H %P|%s', branch).split('\n')
}

/** Every file under `dir` whose bytes contain any of `needles`. */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const found: string[] = []
  const walk = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name))
      return
    }
    const bytes = readFileSync(path)
    if (needles.some((needle) => bytes.includes(needle))) found.push(path)
  }
  walk(dir)
  return found
}

/** Puts a `git` first on PATH that records every command line, then runs the real git. */
export function recordGitCommandLines(): { log: string; restore: () => void } {
  const bin = tempDir('gitops-bin-')
  const log = join(bin, 'argv.log')
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`
  )
  chmodSync(join(bin, 'git'), 0o755)
  writeFileSync(log, '')
  const path = process.env.PATH
  process.env.PATH = `${bin}:${path ?? ''}`
  return {
    log,
    restore: () => {
      process.env.PATH = path
    }
  }
}
