import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { git } from '../support/git-fixtures.js'
import { repoRoot } from '../support/run-action.js'
import {
  createTutorialRepo,
  onlyTagsChanged,
  showFile,
  tutorialValues,
  type TutorialRepo
} from '../support/tutorial-repo.js'

// src/main.ts and src/post.ts run by @github/local-action as docs/local-runs.md tells a user to:
// `local-action run . src/main.ts .env --post src/post.ts` from the repository root, with .env
// made from .env.example. local-action starts TypeScript through `npm exec tsx`; the npm settings
// below keep that to the installed devDependency (no prompt, no network).

const localAction = path.join(repoRoot, 'node_modules', '@github', 'local-action', 'bin')
const NAMES = ['backend', 'frontend'] as const
// One run starts npm, tsx and the action: seconds alone, much longer beside a full test run.
const SLOW = 150_000

interface LocalRun {
  readonly exitCode: number | null
  /** stdout and stderr together, as a user sees them. */
  readonly output: string
}

/** The environment of the user's shell: nothing of a runner or of jest reaches local-action. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(GITHUB_|INPUT_|ACTIONS_|RUNNER_|STATE_)/.test(name) || name === 'NODE_OPTIONS') continue
    env[name] = value
  }
  return { ...env, npm_config_yes: 'true', npm_config_offline: 'true', FORCE_COLOR: '0' }
}

/** Runs local-action from the repository root; its whole process group is stopped on timeout. */
function runLocalAction(envFile: string, timeoutMs = 120_000): Promise<LocalRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(localAction, 'local-action.js'),
        'run',
        '.',
        'src/main.ts',
        envFile,
        '--post',
        'src/post.ts'
      ],
      { cwd: repoRoot, env: shellEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true }
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      // npm exec, tsx and node run below it: stop them all.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      reject(new Error(`local-action did not finish within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, output })
    })
  })
}

/** Lines of the form `::set-output name=NAME::VALUE` (single-line values only). */
function outputLine(output: string, name: string): string | undefined {
  const prefix = `::set-output name=${name}::`
  return output
    .split('\n')
    .find((line) => line.startsWith(prefix))
    ?.slice(prefix.length)
}

describe('src/main.ts under @github/local-action', () => {
  let dir = ''
  let example = ''

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gitops-local-action-'))
    example = await readFile(path.join(repoRoot, '.env.example'), 'utf8')
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /**
   * A tutorial repository with a bare origin, and a .env: .env.example as shipped, then what this
   * run changes (dotenv keeps the last value of a name): the workspace, the summary file, a
   * temporary folder of its own, and a commit to origin.
   */
  async function setUp(
    name: string,
    extra: Record<string, string> = {}
  ): Promise<{ repo: TutorialRepo; envFile: string; summary: string; sha: string }> {
    const root = path.join(dir, name)
    const repo = await createTutorialRepo(root, { 'helm/values.yaml': await tutorialValues() })
    const runnerTemp = path.join(root, 'runner-temp')
    await mkdir(runnerTemp)
    const summary = path.join(root, 'summary.md')
    const overrides: Record<string, string> = {
      GITHUB_WORKSPACE: repo.workspace,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: runnerTemp,
      INPUT_COMMIT: 'true',
      ...extra
    }
    const envFile = path.join(root, '.env')
    const lines = Object.entries(overrides).map(([key, value]) => `${key}=${value}`)
    await writeFile(envFile, `${example}\n${lines.join('\n')}\n`)
    const sha = /^GITHUB_SHA=(\w+)$/m.exec(example)?.[1] ?? ''
    return { repo, envFile, summary, sha }
  }

  it('.env.example names the summary file and everything a run reads', () => {
    for (const name of [
      'GITHUB_STEP_SUMMARY',
      'GITHUB_WORKSPACE',
      'GITHUB_SHA',
      'GITHUB_REF',
      'GITHUB_REPOSITORY',
      'GITHUB_REPOSITORY_OWNER',
      'GITHUB_SERVER_URL',
      'GITHUB_API_URL',
      'INPUT_IMAGES'
    ]) {
      expect(example).toMatch(new RegExp(`^${name}=\\S`, 'm'))
    }
  })

  it(
    'lands a commit on a local origin, prints the outputs, runs the post step and writes the summary',
    async () => {
      const { repo, envFile, summary, sha } = await setUp('success')
      const run = await runLocalAction(envFile)
      expect({
        exitCode: run.exitCode,
        errors: run.output.match(/::error.*|TypeError.*/g)
      }).toEqual({
        exitCode: 0,
        errors: null
      })

      const head = git(repo.remote, 'rev-parse', 'main')
      expect(git(repo.remote, 'rev-list', '--parents', '-n', '1', 'main')).toBe(
        `${head} ${repo.before}`
      )
      const tag = sha.slice(0, 7)
      const check = onlyTagsChanged(
        repo.values,
        showFile(repo.remote, 'main', 'helm/values.yaml'),
        NAMES,
        tag
      )
      // .env.example sets repository-path {name}.image: each image's repository is written too.
      const images = JSON.parse(outputLine(run.output, 'images') ?? '[]') as {
        name: string
        repository: string
      }[]
      expect(images.map((image) => image.name)).toEqual([...NAMES])
      const expected = check.expected as Record<string, Record<string, unknown>>
      for (const image of images) {
        expect(image.repository).toBe(`docker.io/example/${image.name}`)
        if (expected[image.name]) expected[image.name]!.image = image.repository
      }
      expect(check.actual).toEqual(expected)

      expect(outputLine(run.output, 'commit-sha')).toBe(head)
      expect(outputLine(run.output, 'tag')).toBe(tag)
      expect(outputLine(run.output, 'changed')).toBe('true')
      // local-action's closing table of outputs, after the post step.
      const post = run.output.indexOf('Running Post Step')
      const table = run.output.indexOf('Action Outputs')
      expect(run.output.indexOf('Running Action')).toBeGreaterThan(-1)
      expect(post).toBeGreaterThan(run.output.indexOf('Running Action'))
      expect(table).toBeGreaterThan(post)
      expect(run.output.slice(table)).toContain(`'${head}'`)

      const written = await readFile(summary, 'utf8')
      expect(written).toContain(`## gitops-release: ${tag}`)
      expect(written).toContain('helm/values.yaml')
    },
    SLOW
  )

  it(
    'reports a tag-path that does not resolve as one error, exits 1, runs the post step and writes the summary',
    async () => {
      const { repo, envFile, summary } = await setUp('wrong-tag-path', {
        'INPUT_TAG-PATH': '{name}.nope.tag'
      })
      const run = await runLocalAction(envFile)
      expect(run.exitCode).toBe(1)
      // The action's own error, not a crash of the stand-in @actions/core after it.
      expect(run.output).not.toMatch(/TypeError|Cannot read properties/)
      const errors = run.output.split('\n').filter((line) => line.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/file=helm\/values\.yaml/)
      expect(errors[0]).toMatch(/backend\.nope\.tag \(tag-path\) does not resolve/)
      expect(run.output.indexOf('Running Post Step')).toBeGreaterThan(
        run.output.indexOf(errors[0] ?? '')
      )

      expect(git(repo.remote, 'rev-parse', 'main')).toBe(repo.before)
      expect(existsSync(summary)).toBe(true)
      expect(await readFile(summary, 'utf8')).toMatch(
        /\*\*Failed:\*\* .*backend\.nope\.tag \(tag-path\) does not resolve/
      )
    },
    SLOW
  )
})
