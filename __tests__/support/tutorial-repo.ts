// The tutorial repository for the end-to-end tests of dist/index.js: two services and a chart.
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { checkoutWorkspace, createRemote, git } from './git-fixtures.js'

/** A bare remote seeded with the tutorial files, and a workspace cloned from it. */
export interface TutorialRepo {
  /** The bare repository (origin of the workspace). */
  readonly remote: string
  readonly workspace: string
  /** The remote's `main` before the action ran. */
  readonly before: string
  /** `helm/values.yaml` as committed. */
  readonly values: string
}

/** The tutorial app's values file (no final newline, like the scenario's). */
export const tutorialValuesFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'tutorial',
  'values.yaml'
)

/** The tutorial's `helm/values.yaml`: frontend.tag `latest`, backend.tag `'1276e23'`. */
export function tutorialValues(): Promise<string> {
  return readFile(tutorialValuesFile, 'utf8')
}

/**
 * The tutorial files: `backend/` is `FROM scratch` + `COPY` (of a file holding `stamp`, so each
 * run pushes a new image), `frontend/` gets `frontendDockerfile`, `helm/values.yaml` is the
 * tutorial's.
 */
export async function tutorialFiles(
  stamp: string,
  frontendDockerfile: string
): Promise<Record<string, string>> {
  return {
    'backend/Dockerfile': 'FROM scratch\nCOPY app.txt /app.txt\n',
    'backend/app.txt': `backend ${stamp}\n`,
    'frontend/Dockerfile': frontendDockerfile,
    'helm/values.yaml': await tutorialValues()
  }
}

/**
 * Creates `dir/remote.git` holding `files` on `main` and clones it to `dir/workspace`; `detach`
 * leaves the workspace on a detached HEAD as actions/checkout does (act keeps your branch).
 */
export async function createTutorialRepo(
  dir: string,
  files: Record<string, string>,
  detach = true
): Promise<TutorialRepo> {
  await mkdir(dir, { recursive: true })
  const remote = createRemote(files, path.join(dir, 'remote.git')).bare
  const workspace = path.join(dir, 'workspace')
  if (detach) checkoutWorkspace(remote, workspace)
  else git(dir, 'clone', '-q', remote, workspace)
  return {
    remote,
    workspace,
    before: git(remote, 'rev-parse', 'main'),
    values: files['helm/values.yaml'] ?? ''
  }
}

/** A file at a commit of `repo`, byte for byte (the `git` helper trims its output). */
export function showFile(repo: string, ref: string, file: string): string {
  return execFileSync('git', ['-C', repo, 'show', `${ref}:${file}`], { encoding: 'utf8' })
}

/** Every file under `dir` but `.git`, by relative path, with its content. */
export async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: Record<string, string> = {}
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    const relative = path.relative(dir, full)
    if (relative.split(path.sep)[0] === '.git') continue
    files[relative] = await readFile(full, 'utf8')
  }
  return files
}

/**
 * Checks that `after` is `before` with only `<name>.tag` changed to `tag` for each name: the
 * same lines except those, and the same data once the tags are set.
 */
export function onlyTagsChanged(
  before: string,
  after: string,
  names: readonly string[],
  tag: string
): { changedLines: string[]; expected: unknown; actual: unknown } {
  const beforeLines = before.split('\n')
  const afterLines = after.split('\n')
  const changedLines = beforeLines.flatMap((line, i) =>
    line === afterLines[i] ? [] : [`${line.trim()} -> ${afterLines[i]?.trim() ?? '(none)'}`]
  )
  if (afterLines.length !== beforeLines.length) changedLines.push('(line count differs)')
  const expected = parse(before) as Record<string, Record<string, unknown>>
  for (const name of names) {
    const entry = expected[name]
    if (entry) entry.tag = tag
  }
  return { changedLines, expected, actual: parse(after) }
}
