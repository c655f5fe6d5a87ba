/* eslint-disable jest/no-export, jest/valid-describe-callback, jest/valid-title, jest/no-disabled-tests -- a describe wrapper for corpus suites, not a test file */
import { describe } from '@jest/globals'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { repoRoot } from './run-action.js'

const dir = process.env.GITOPS_CORPUS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'corpus')
const present = existsSync(path.join(dir, 'values', 'SOURCES.md'))

/** The shared corpus of real YAML files (`../shared/corpus` beside the clone, or GITOPS_CORPUS_DIR). */
export function corpusDir(): string {
  if (!present) {
    throw new Error(
      `The YAML corpus is missing at ${dir}: it lives in shared/corpus beside the repository clone ` +
        '(or set GITOPS_CORPUS_DIR). Corpus tests cannot run without it.'
    )
  }
  return dir
}

/**
 * `describe` for suites that read the corpus. Where the corpus is not distributed (GitHub's own
 * CI sets GITOPS_CORPUS_OPTIONAL=true) the suite is skipped with a loud warning; everywhere else
 * a missing corpus fails the suite.
 */
export function describeWithCorpus(name: string, fn: () => void): void {
  if (!present && process.env.GITOPS_CORPUS_OPTIONAL === 'true') {
    console.warn(`SKIPPED "${name}": no YAML corpus at ${dir} (GITOPS_CORPUS_OPTIONAL=true)`)
    describe.skip(name, fn)
    return
  }
  describe(name, fn)
}
