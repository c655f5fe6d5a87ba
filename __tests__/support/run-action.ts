import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (where action.yml and dist/ are). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** What one run of the bundled action left behind. */
export interface ActionRun {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** State saved for the post step (`GITHUB_STATE`), as env entries `STATE_name`. */
  readonly state: Record<string, string>
}

/** Options of one run: inputs by their action.yml names, extra environment, and the Node binary. */
export interface RunOptions {
  readonly inputs: Record<string, string>
  readonly env?: Record<string, string>
  readonly workspace: string
  /** Node binary; the one running the tests by default. */
  readonly node?: string
  /** Run the post step with this state instead of the main step. */
  readonly postState?: Record<string, string>
  readonly timeoutMs?: number
}

/** Runs `dist/index.js` the way the runner does: INPUT_* variables and command files. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const files = await mkdtemp(path.join(tmpdir(), 'gitops-run-'))
  try {
    const outputFile = path.join(files, 'output')
    const summaryFile = path.join(files, 'summary')
    const stateFile = path.join(files, 'state')
    await Promise.all([outputFile, summaryFile, stateFile].map((file) => writeFile(file, '')))
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? files,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_STATE: stateFile,
      RUNNER_TEMP: files,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: '2682590aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ...options.env
    }
    for (const [name, value] of Object.entries(options.inputs)) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    }
    for (const [name, value] of Object.entries(options.postState ?? {})) {
      env[`STATE_${name}`] = value
    }
    if (options.postState !== undefined) env.STATE_isPost = 'true'
    const result = await spawnNode(
      options.node ?? process.execPath,
      [path.join(repoRoot, 'dist', 'index.js')],
      options.workspace,
      env,
      options.timeoutMs ?? 120_000
    )
    return {
      ...result,
      outputs: parseCommandFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      state: parseCommandFile(await readFile(stateFile, 'utf8'))
    }
  } finally {
    await rm(files, { recursive: true, force: true })
  }
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<DELIM` blocks and `name=value` lines). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc?.[1] !== undefined && heredoc[2] !== undefined) {
      const end = lines.indexOf(heredoc[2], i + 1)
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

function spawnNode(
  node: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ exitCode: code ?? -1, stdout, stderr })
    })
  })
}
