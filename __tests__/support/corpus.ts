/* eslint-disable jest/no-export, jest/valid-describe-callback, jest/valid-title, jest/no-disabled-tests, jest/expect-expect -- a describe wrapper for corpus suites, not a test file */
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { repoRoot } from './run-action.js'

// The corpus of real-world YAML files is not part of the repository: it sits in shared/corpus
// beside the clone (or wherever GITOPS_CORPUS_DIR points). The edit engine's own fixtures under
// __tests__/fixtures/yaml cover the same ground, so a clone with nothing beside it skips the
// corpus suites (one line per test file says so) and still passes. GITOPS_CORPUS_REQUIRED=true
// (set by .ci/run) turns a missing corpus into a failure.
const dir =
  process.env.GITOPS_CORPUS_DIR !== undefined && process.env.GITOPS_CORPUS_DIR !== ''
    ? path.resolve(process.env.GITOPS_CORPUS_DIR)
    : path.resolve(repoRoot, '..', 'shared', 'corpus')
const present = existsSync(path.join(dir, 'values', 'SOURCES.md'))
const required = process.env.GITOPS_CORPUS_REQUIRED === 'true'
let announced = false

/** The reason a corpus suite does not run here, or undefined when the corpus is present. */
export function corpusMissingReason(): string | undefined {
  return present
    ? undefined
    : `no YAML corpus at ${dir} (values/SOURCES.md missing; set GITOPS_CORPUS_DIR to use one)`
}

/** The shared corpus of real YAML files (`../shared/corpus` beside the clone, or GITOPS_CORPUS_DIR). */
export function corpusDir(): string {
  if (!present) {
    throw new Error(
      `The YAML corpus is missing at ${dir}: it lives in shared/corpus beside the repository clone ` +
        '(or set GITOPS_CORPUS_DIR). GITOPS_CORPUS_REQUIRED=true makes its suites fail without it.'
    )
  }
  return dir
}

/**
 * `describe` for suites that read the corpus. Without the corpus the suite is reported as one
 * skipped test whose title gives the reason, and the test file prints one SKIPPED line on stderr;
 * with GITOPS_CORPUS_REQUIRED=true a missing corpus fails the suite instead.
 */
export function describeWithCorpus(name: string, fn: () => void): void {
  const missing = corpusMissingReason()
  if (missing === undefined || required) {
    describe(name, fn)
    return
  }
  // The suite's body reads corpus files while jest collects its tests, so it is not called at all.
  if (!announced) {
    announced = true
    const file = expect.getState().testPath
    const where = file === undefined ? `"${name}"` : path.relative(repoRoot, file)
    process.stderr.write(`SKIPPED corpus suites of ${where}: ${missing}\n`)
  }
  describe(name, () => {
    it.skip(`SKIPPED: ${missing}`, () => undefined)
  })
}
