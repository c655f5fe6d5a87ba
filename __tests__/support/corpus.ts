import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { repoRoot } from './run-action.js'

/** The shared corpus of real YAML files (`../shared/corpus` beside the clone). */
export function corpusDir(): string {
  const dir = process.env.GITOPS_CORPUS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'corpus')
  if (!existsSync(dir)) {
    throw new Error(
      `The test corpus is missing at ${dir}. It lives in shared/corpus beside the repository; set GITOPS_CORPUS_DIR to point elsewhere.`
    )
  }
  return dir
}
