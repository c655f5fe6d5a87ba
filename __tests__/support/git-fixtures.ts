import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import * as path from 'node:path'

const gitEnv = {
  GIT_AUTHOR_NAME: 'Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
  GIT_CONFIG_NOSYSTEM: '1'
}

/** Runs git and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...gitEnv },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

/** Creates a bare repository at `dir/remote.git` whose `main` holds `files`; returns its path. */
export async function createRemote(dir: string, files: Record<string, string>): Promise<string> {
  const seed = path.join(dir, 'seed')
  const remote = path.join(dir, 'remote.git')
  await mkdir(seed, { recursive: true })
  git(dir, 'init', '-q', '--bare', '-b', 'main', remote)
  git(seed, 'init', '-q', '-b', 'main')
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(seed, file)), { recursive: true })
    await writeFile(path.join(seed, file), content)
  }
  git(seed, 'add', '-A')
  git(seed, 'commit', '-q', '-m', 'initial')
  git(seed, 'push', '-q', remote, 'main')
  return remote
}

/** Clones `remote` into `dir` the way actions/checkout leaves a workspace (detached HEAD). */
export function checkoutWorkspace(remote: string, dir: string): string {
  git(path.dirname(dir), 'clone', '-q', remote, dir)
  git(dir, 'checkout', '-q', '--detach', 'HEAD')
  return git(dir, 'rev-parse', 'HEAD')
}
