import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createRemote,
  git,
  isolateGitConfig,
  remoteFile,
  remoteLog,
  removeTempDirs,
  tempDir
} from '../support/git-fixtures.js'
import { valuesFile } from './helpers/line-compute.js'
import { runRace } from './helpers/race.js'

const helpers = join(fileURLToPath(new URL('.', import.meta.url)), 'helpers')
const RACERS = 8

let restore: () => void
beforeAll(() => {
  restore = isolateGitConfig()
})
afterAll(() => {
  restore()
  removeTempDirs()
})

describe('racing publishes (separate processes, one remote)', () => {
  it(`lands all ${RACERS} updates of one file: one commit each, linear history`, async () => {
    const { bare, url } = createRemote({ 'helm/values.yaml': valuesFile(RACERS) })
    const initial = git(bare, 'rev-parse', 'main')
    const temp = tempDir()
    const { outcomes } = await runRace(
      RACERS,
      { url, path: 'helm/values.yaml', tempDir: temp, attempts: 5 },
      () => ({
        command: process.execPath,
        args: ['--import', join(helpers, 'ts-hooks.js'), join(helpers, 'race-child.ts')]
      })
    )
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([])
    expect(remoteFile(bare, 'helm/values.yaml')).toBe(
      `# one line per image\n${Array.from({ length: RACERS }, (_, i) => `app${i}: v${i}\n`).join('')}`
    )
    const log = remoteLog(bare)
    expect(log).toHaveLength(RACERS + 1)
    // linear: each commit's only parent is the next one down
    const chain = log.map((line) => line.split('|')[0]!.trim().split(' '))
    expect(chain.map((shas) => shas.slice(1))).toEqual([
      ...chain.slice(1).map((shas) => [shas[0]]),
      []
    ])
    expect(chain.at(-1)?.[0]).toBe(initial)
    expect(new Set(log.slice(0, RACERS).map((line) => line.split('|')[1]))).toEqual(
      new Set(Array.from({ length: RACERS }, (_, i) => `chore(release): app${i} v${i} [skip ci]`))
    )
    expect(new Set(outcomes.map((outcome) => outcome.commitSha))).toEqual(
      new Set(log.slice(0, RACERS).map((line) => line.split(' ')[0]))
    )
    // the race was real: somebody had to retry
    expect(outcomes.some((outcome) => outcome.attempts > 1)).toBe(true)
  })
})
