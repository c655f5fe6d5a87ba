import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { EditError, PublishError } from '../../src/lib/errors.js'
import { createMemoryLogger } from '../../src/lib/logger.js'
import { STATE_KEYS } from '../../src/lib/runtime.js'
import { cleanupPublish } from '../../src/publish/publish.js'
import { publishWithDefaults } from './helpers/publish.js'
import {
  cloneWorkspace,
  createRemote,
  git,
  humanCommit,
  isolateGitConfig,
  recordGitCommandLines,
  remoteFile,
  remoteLog,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { setLine, valuesFile } from './helpers/line-compute.js'
import { fastDeps, inWorkspace, publishOptions } from './helpers/options.js'
import { liveProcessEnv } from '../support/process-env.js'

let restore: () => void
beforeAll(() => {
  restore = isolateGitConfig()
})
afterAll(() => {
  restore()
})
afterEach(() => {
  removeTempDirs()
})

const VALUES = 'helm/values.yaml'

/** The blob id git gives `text`. */
function blobSha(text: string): string {
  return execFileSync('git', ['hash-object', '--stdin'], { input: text }).toString('utf8').trim()
}

function remoteTarget(url: string) {
  return { kind: 'remote' as const, url }
}

describe('publish with git to a separate repository', () => {
  it('lands one commit on the tip with the message and identity, and leaves nothing behind', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(3), 'README.md': 'hi\n' })
    const before = git(bare, 'rev-parse', 'main')
    const temp = tempDir()
    const deps = fastDeps()
    const logger = createMemoryLogger()
    const result = await publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      { ...deps, compute: setLine(VALUES, 'app1', 'v2'), logger }
    )
    expect(result).toMatchObject({
      changed: true,
      branch: 'main',
      defaultBranch: 'main',
      before,
      files: [VALUES],
      remoteUrl: url,
      commitUrl: ''
    })
    expect(remoteFile(bare, VALUES)).toBe(valuesFile(3).replace('app1: old', 'app1: v2'))
    expect(remoteFile(bare, 'README.md')).toBe('hi\n')
    const [head, parent] = remoteLog(bare)
    expect(head).toBe(`${result.commitSha} ${before}|chore(release): app 1.0 [skip ci]`)
    expect(parent).toBe(`${before} |initial`)
    expect(git(bare, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', 'main')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
    )
    expect(result.diff).toContain('-app1: old\n+app1: v2\n')
    expect(readdirSync(temp)).toEqual([])
    expect(deps.runtime.state.get(STATE_KEYS.cloneDir)).toMatch(/gitops-release-clone-/)
  })

  it('starts git from options.env, not from process.env', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
    const temp = tempDir()
    const trace = join(tempDir('publish-trace-'), 'trace.log')
    expect(process.env.GIT_TRACE).toBeUndefined()
    const result = await publishWithDefaults(
      publishOptions({
        target: remoteTarget(url),
        workspace: temp,
        tempDir: temp,
        env: { ...liveProcessEnv, GIT_TRACE: trace }
      }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger: createMemoryLogger() }
    )
    expect(result.changed).toBe(true)
    expect(remoteFile(bare, VALUES)).toContain('app0: v2')
    // Every git process of the default runner traced itself into the file options.env names.
    expect(readFileSync(trace, 'utf8')).toMatch(/trace: built-in: git push /)
  })

  it('makes no commit when the tip already has the change', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2).replace('app0: old', 'app0: v1') })
    const before = git(bare, 'rev-parse', 'main')
    const temp = tempDir()
    const result = await publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v1'), logger: createMemoryLogger() }
    )
    expect(result).toMatchObject({ changed: false, commitSha: '', before })
    expect(git(bare, 'rev-parse', 'main')).toBe(before)
  })

  it('keeps the executable bit of an edited file', async () => {
    const { bare, url } = createRemote({ 'deploy.sh': 'app0: old\n' })
    const work = cloneWorkspace(url)
    chmodSync(join(work, 'deploy.sh'), 0o755)
    git(work, 'commit', '--quiet', '-am', 'exec')
    git(work, 'push', '--quiet', 'origin', 'HEAD:main')
    const temp = tempDir()
    await publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      {
        ...fastDeps(),
        compute: setLine('deploy.sh', 'app0', 'v2'),
        logger: createMemoryLogger()
      }
    )
    expect(git(bare, 'ls-tree', 'main', 'deploy.sh')).toMatch(/^100755 /)
  })

  it('dry run computes and shows the diff but pushes nothing', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
    const before = git(bare, 'rev-parse', 'main')
    const temp = tempDir()
    const logger = createMemoryLogger()
    const result = await publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp, dryRun: true }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v9'), logger }
    )
    expect(result).toMatchObject({ changed: true, commitSha: '', files: [VALUES] })
    expect(logger.lines.join('\n')).toContain('-app0: old\n+app0: v9')
    expect(git(bare, 'rev-parse', 'main')).toBe(before)
  })

  it.each([
    [
      'create-pr to a repository that is not on the GitHub server',
      { createPr: true, token: 'ghs_preflight0123456789' },
      /create-pr needs a repository on the GitHub server/
    ],
    [
      'commit-mode api to a repository that is not on the GitHub server',
      { mode: 'api' as const, token: 'ghs_preflight0123456789' },
      /commit-mode: api needs a repository on the GitHub server/
    ]
  ])('dry run (the preflight) already refuses %s', async (_name, over, message) => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
    const temp = tempDir()
    const run = publishWithDefaults(
      publishOptions({
        target: remoteTarget(url),
        workspace: temp,
        tempDir: temp,
        dryRun: true,
        ...over
      }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v9'), logger: createMemoryLogger() }
    )
    await expect(run).rejects.toThrow(PublishError)
    await expect(run).rejects.toThrow(message)
    expect(readdirSync(temp)).toEqual([])
    expect(git(bare, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main')
  })

  it('refuses to read through a symbolic link in the branch', async () => {
    const { url } = createRemote({ 'real.yaml': 'app0: old\n' })
    const work = cloneWorkspace(url)
    symlinkSync('/etc/passwd', join(work, 'values.yaml'))
    git(work, 'add', 'values.yaml')
    git(work, 'commit', '--quiet', '-m', 'link')
    git(work, 'push', '--quiet', 'origin', 'HEAD:main')
    const temp = tempDir()
    const run = publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      { ...fastDeps(), compute: setLine('values.yaml', 'app0', 'v2'), logger: createMemoryLogger() }
    )
    await expect(run).rejects.toThrow(EditError)
    await expect(run).rejects.toThrow(/values\.yaml is a symbolic link/)
    expect(readdirSync(temp)).toEqual([])
  })

  it('refuses to run git with a secret the runtime masked on its command line', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(1) })
    const before = git(bare, 'rev-parse', 'main')
    const temp = tempDir()
    const deps = fastDeps()
    deps.runtime.setSecret('masked-elsewhere-42')
    const run = publishWithDefaults(
      publishOptions({
        target: remoteTarget(url),
        workspace: temp,
        tempDir: temp,
        branch: 'masked-elsewhere-42'
      }),
      { ...deps, compute: setLine(VALUES, 'app0', 'v2'), logger: createMemoryLogger() }
    )
    await expect(run).rejects.toThrow(/Refused to run git: a secret would be on its command line/)
    expect(git(bare, 'rev-parse', 'main')).toBe(before)
  })

  it('names repository and branch when the branch does not exist', async () => {
    const { url } = createRemote({ [VALUES]: valuesFile(1) })
    const temp = tempDir()
    const run = publishWithDefaults(
      publishOptions({
        target: remoteTarget(url),
        workspace: temp,
        tempDir: temp,
        branch: 'gitops'
      }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger: createMemoryLogger() }
    )
    await expect(run).rejects.toThrow(PublishError)
    await expect(run).rejects.toThrow(`Branch gitops does not exist in ${url}`)
  })

  it('cleanupPublish removes a clone a cancelled run left behind', async () => {
    const temp = tempDir()
    const left = join(temp, 'gitops-release-clone-abc')
    git(temp, 'init', '--quiet', '--bare', left)
    const state = new Map<string, string>([[STATE_KEYS.cloneDir, left]])
    await cleanupPublish(createMemoryLogger(), { getState: (name) => state.get(name) ?? '' })
    expect(existsSync(left)).toBe(false)
  })
})

describe('publish with git: faults', () => {
  it('survives a remote that rejects the first push (pre-receive hook)', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
    const marker = join(tempDir(), 'rejected-once')
    const hook = join(bare, 'hooks', 'pre-receive')
    writeFileSync(
      hook,
      `#!/bin/sh\nif [ ! -f '${marker}' ]; then touch '${marker}'; echo 'busy, try later' >&2; exit 1; fi\n`
    )
    chmodSync(hook, 0o755)
    const temp = tempDir()
    const logger = createMemoryLogger()
    const result = await publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger }
    )
    expect(result.changed).toBe(true)
    expect(remoteFile(bare, VALUES)).toContain('app0: v2')
    expect(logger.lines.join('\n')).toMatch(
      /Attempt 1 did not land \(the remote refused the update: .*busy, try later/
    )
    expect(remoteLog(bare)).toHaveLength(2)
  })

  it('two runs that build the very same commit: one lands it, the other reports nothing done', async () => {
    // Byte-identical commits need the same tip, files, message and second; the second is not the
    // test's to set, so a try whose two commits fell into different seconds is tried again.
    const outcomes: string[] = []
    for (let round = 0; round < 3 && !outcomes.includes('same'); round++) {
      const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
      const before = git(bare, 'rev-parse', 'main')
      let arrived = 0
      let go: () => void = () => undefined
      const start = new Promise<void>((resolve) => (go = resolve))
      let firstLanded: () => void = () => undefined
      const landed = new Promise<void>((resolve) => (firstLanded = resolve))
      const run = (first: boolean) => {
        const temp = tempDir()
        const logger = createMemoryLogger()
        const inner = setLine(VALUES, 'app0', 'v2')
        const result = publishWithDefaults(
          publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
          {
            ...fastDeps(),
            logger,
            compute: async (source) => {
              if (++arrived === 2) setTimeout(go, 1010 - (Date.now() % 1000))
              await start
              if (!first) await landed
              return inner(source)
            }
          }
        )
        return { result, logger }
      }
      const a = run(true)
      const b = run(false)
      const first = await a.result
      firstLanded()
      const second = await b.result
      expect(first).toMatchObject({ changed: true, before })
      expect(second).toMatchObject({ changed: false, commitSha: '' })
      expect(remoteLog(bare)).toHaveLength(2)
      expect(git(bare, 'rev-parse', 'main')).toBe(first.commitSha)
      const same = b.logger.lines.some((line) =>
        line.includes(
          `already is at ${first.commitSha.slice(0, 7)}, the very commit this run built`
        )
      )
      outcomes.push(same ? 'same' : 'different seconds')
    }
    expect(outcomes).toContain('same')
  })

  it('lands on top of a human commit that moved the branch meanwhile, keeping it', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(3) })
    const temp = tempDir()
    let calls = 0
    let human = ''
    const inner = setLine(VALUES, 'app2', 'v2')
    const result = await publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      {
        ...fastDeps(),
        compute: async (source) => {
          calls++
          if (calls === 1)
            human = humanCommit(url, VALUES, (t) => t.replace('app0: old', 'app0: human'))
          return inner(source)
        },
        logger: createMemoryLogger()
      }
    )
    expect(calls).toBe(2)
    expect(result.before).toBe(human)
    expect(remoteFile(bare, VALUES)).toBe(
      valuesFile(3).replace('app0: old', 'app0: human').replace('app2: old', 'app2: v2')
    )
    const log = remoteLog(bare)
    expect(log).toHaveLength(3)
    expect(log[0]).toBe(`${result.commitSha} ${human}|chore(release): app 1.0 [skip ci]`)
  })

  it('fails at once, suggesting create-pr, when branch protection refuses the push', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(1) })
    const hook = join(bare, 'hooks', 'pre-receive')
    writeFileSync(
      hook,
      "#!/bin/sh\necho 'error: GH006: Protected branch update failed for refs/heads/main.' >&2\nexit 1\n"
    )
    chmodSync(hook, 0o755)
    const temp = tempDir()
    const logger = createMemoryLogger()
    const run = publishWithDefaults(
      publishOptions({ target: remoteTarget(url), workspace: temp, tempDir: temp }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger }
    )
    await expect(run).rejects.toThrow(
      /branch main of .*repo\.git was refused by branch protection.*create-pr: true/
    )
    expect(logger.lines.join('\n')).not.toContain('Attempt 1')
  })

  it('gives a clear error after the attempts when the remote is unreachable', async () => {
    const temp = tempDir()
    const logger = createMemoryLogger()
    const run = publishWithDefaults(
      publishOptions({
        target: remoteTarget('http://127.0.0.1:1/acme/gitops.git'),
        workspace: temp,
        tempDir: temp,
        pushAttempts: 3,
        token: 'unreachable-token'
      }),
      { ...fastDeps(), compute: setLine(VALUES, 'app0', 'v2'), logger }
    )
    await expect(run).rejects.toThrow(
      /Could not reach http:\/\/127\.0\.0\.1:1\/acme\/gitops\.git \(branch .*\) in 3 attempt\(s\)\..*Failed to connect/
    )
    expect(logger.lines.filter((line) => line.includes('did not land'))).toHaveLength(2)
    expect(readdirSync(temp)).toEqual([])
  })
})

describe('publish with git in the workspace checkout', () => {
  it('names the repository the push goes to, not GITHUB_REPOSITORY, when origin is elsewhere', async () => {
    const { url } = createRemote({ [VALUES]: valuesFile(2) })
    const ws = cloneWorkspace(url)
    const temp = tempDir()
    const logger = createMemoryLogger()
    // The workflow's repository is acme/shop on github.com; this checkout's origin is a file URL.
    const options = publishOptions({
      ...inWorkspace(ws, temp),
      github: {
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        graphqlUrl: 'https://api.github.com/graphql',
        repository: { owner: 'acme', repo: 'shop' }
      }
    })
    await publishWithDefaults(options, {
      ...fastDeps(),
      compute: setLine(VALUES, 'app1', 'v2'),
      logger
    })
    const landed = logger.lines.find((line) => line.includes('Landed '))
    expect(landed).toContain(` on main of ${url}`)
    expect(landed).not.toContain('acme/shop')
  })

  it('works from a detached HEAD, pushes to origin and updates the workspace file only', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2), 'other.txt': 'x\n' })
    const ws = cloneWorkspace(url)
    git(ws, 'checkout', '--quiet', '--detach')
    const head = git(ws, 'rev-parse', 'HEAD')
    const human = humanCommit(url, VALUES, (t) => t.replace('app0: old', 'app0: human'))
    writeFileSync(join(ws, 'other.txt'), 'local change\n')
    const temp = tempDir()
    const result = await publishWithDefaults(publishOptions(inWorkspace(ws, temp)), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app1', 'v2'),
      logger: createMemoryLogger()
    })
    const expected = valuesFile(2)
      .replace('app0: old', 'app0: human')
      .replace('app1: old', 'app1: v2')
    expect(result).toMatchObject({ changed: true, branch: 'main', before: human })
    expect(remoteFile(bare, VALUES)).toBe(expected)
    expect(readFileSync(join(ws, VALUES), 'utf8')).toBe(expected)
    expect(readFileSync(join(ws, 'other.txt'), 'utf8')).toBe('local change\n')
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(head)
    expect(
      git(ws, 'status', '--porcelain')
        .split('\n')
        .map((line) => line.trim())
    ).toEqual([`M ${VALUES}`, 'M other.txt'])
    expect(readdirSync(temp)).toEqual([])
  })

  it('dry run in the workspace (the preflight) reads the tip with one fetch and changes nothing but refs/remotes/origin', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2), 'other.txt': 'x\n' })
    const ws = cloneWorkspace(url)
    git(ws, 'checkout', '--quiet', '--detach')
    const human = humanCommit(url, VALUES, (t) => t.replace('app0: old', 'app0: human'))
    writeFileSync(join(ws, 'other.txt'), 'local change\n')
    writeFileSync(join(ws, 'untracked.txt'), 'new\n')
    const state = (): unknown => ({
      refs: git(ws, 'for-each-ref', '--format=%(refname) %(objectname)')
        .split('\n')
        .filter((line) => !line.startsWith('refs/remotes/origin/')),
      head: git(ws, 'rev-parse', 'HEAD'),
      symbolic: git(ws, 'rev-parse', '--abbrev-ref', 'HEAD'),
      index: readFileSync(join(ws, '.git', 'index')).toString('base64'),
      config: readFileSync(join(ws, '.git', 'config'), 'utf8'),
      status: git(ws, 'status', '--porcelain', '--untracked-files=all'),
      files: [VALUES, 'other.txt', 'untracked.txt'].map((f) => readFileSync(join(ws, f), 'utf8'))
    })
    const before = state()
    const main = git(bare, 'rev-parse', 'main')
    const temp = tempDir()
    const recording = recordGitCommandLines()
    let result
    try {
      result = await publishWithDefaults(
        publishOptions({ ...inWorkspace(ws, temp), dryRun: true }),
        {
          ...fastDeps(),
          compute: setLine(VALUES, 'app1', 'v2'),
          logger: createMemoryLogger()
        }
      )
    } finally {
      recording.restore()
    }
    const expected = valuesFile(2)
      .replace('app0: old', 'app0: human')
      .replace('app1: old', 'app1: v2')
    expect(result).toMatchObject({ changed: true, commitSha: '', branch: 'main', before: human })
    expect(result.edits).toEqual([
      { path: VALUES, before: expected.replace('app1: v2', 'app1: old'), after: expected }
    ])
    expect(state()).toEqual(before)
    expect(git(ws, 'rev-parse', 'refs/remotes/origin/main')).toBe(human)
    expect(git(bare, 'rev-parse', 'main')).toBe(main)
    // no object written: the new content exists nowhere in the workspace repository
    expect(() => git(ws, 'cat-file', '-e', blobSha(expected))).toThrow()
    const network = readFileSync(recording.log, 'utf8')
      .split('\n')
      .filter((line) => /^-C \S+ (?:fetch|ls-remote|push|clone)\b/.test(line))
    expect(network).toEqual([expect.stringMatching(/ fetch .* origin \+refs\/heads\/main:/)])
    expect(readdirSync(temp)).toEqual([])
  })

  it('refuses a run that is not on a branch (pull request, tag) instead of using the default branch', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
    const ws = cloneWorkspace(url)
    const main = git(bare, 'rev-parse', 'main')
    const refs = git(ws, 'for-each-ref')
    for (const dryRun of [true, false]) {
      const run = publishWithDefaults(
        publishOptions({
          target: { kind: 'workspace' },
          workspace: ws,
          tempDir: tempDir(),
          dryRun
        }),
        { ...fastDeps(), compute: setLine(VALUES, 'app1', 'v2'), logger: createMemoryLogger() }
      )
      await expect(run).rejects.toThrow(PublishError)
      await expect(run).rejects.toThrow(/This run is not on a branch.*Set the branch input/)
      await expect(run).rejects.toMatchObject({ location: { input: 'branch' } })
    }
    expect(git(bare, 'rev-parse', 'main')).toBe(main)
    expect(git(ws, 'for-each-ref')).toBe(refs)
  })

  it('works from a stale full clone and leaves its branch where it was', async () => {
    const { bare, url } = createRemote({ [VALUES]: valuesFile(2) })
    const ws = cloneWorkspace(url, 0x7fffffff)
    const local = git(ws, 'rev-parse', 'main')
    humanCommit(url, VALUES, (t) => t.replace('app0: old', 'app0: human'))
    const temp = tempDir()
    const result = await publishWithDefaults(publishOptions(inWorkspace(ws, temp)), {
      ...fastDeps(),
      compute: setLine(VALUES, 'app1', 'v2'),
      logger: createMemoryLogger()
    })
    expect(result.branch).toBe('main')
    expect(remoteFile(bare, VALUES)).toContain('app0: human\napp1: v2\n')
    expect(readFileSync(join(ws, VALUES), 'utf8')).toContain('app0: human\napp1: v2\n')
    expect(git(ws, 'rev-parse', 'main')).toBe(local)
    expect(git(ws, 'rev-parse', '--is-shallow-repository')).toBe('false')
  })
})
