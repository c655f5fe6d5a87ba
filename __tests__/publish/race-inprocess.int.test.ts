import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
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
import { runRaceInProcess } from './helpers/race.js'

const RACERS = 64
// The default push budget is push-attempts (5) minutes; the test may take as long. On a quiet
// 2-core machine it takes about a minute, but 64 racers share the cores with other suites.
const RACE_TIMEOUT_MS = 330_000

let restore: () => void
beforeAll(() => {
  restore = isolateGitConfig()
})
afterAll(() => {
  restore()
  removeTempDirs()
})

describe(`${RACERS} publishes racing in one process against one bare repository`, () => {
  it(
    'all land with the default inputs: one commit each, linear history',
    async () => {
      const { bare, url } = createRemote({ 'helm/values.yaml': valuesFile(RACERS) })
      const initial = git(bare, 'rev-parse', 'main')
      const { outcomes } = await runRaceInProcess(RACERS, url, 'helm/values.yaml', () => tempDir())
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([])
      expect(remoteFile(bare, 'helm/values.yaml')).toBe(
        `# one line per image\n${Array.from({ length: RACERS }, (_, i) => `app${i}: v${i}\n`).join('')}`
      )
      const log = remoteLog(bare)
      expect(log).toHaveLength(RACERS + 1)
      // linear: each commit's only parent is the next one down, ending at the initial commit
      const chain = log.map((line) => line.split('|')[0]!.trim().split(' '))
      expect(chain.map((shas) => shas.slice(1))).toEqual([
        ...chain.slice(1).map((shas) => [shas[0]]),
        []
      ])
      expect(chain.at(-1)?.[0]).toBe(initial)
      expect(new Set(outcomes.map((outcome) => outcome.commitSha))).toEqual(
        new Set(log.slice(0, RACERS).map((line) => line.split(' ')[0]))
      )
      // the race was real: most racers lost at least once
      expect(outcomes.filter((outcome) => outcome.attempts > 1).length).toBeGreaterThan(RACERS / 2)
    },
    RACE_TIMEOUT_MS
  )
})
