// The bundle's entry. It turns on Node's compile cache before the action's code is loaded, so the
// action lives in a chunk imported below: a module's own code is compiled before any of it runs,
// so a cache enabled from inside the action could not cover the action itself.
import nodeModule from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Caches V8's compiled code of the bundle under the runner's temporary directory (emptied after
 * every job), so a later load in the same job (the post step, another step of this action)
 * skips most of the parse and compile. Best effort: Node before 22.1 has no compile cache, and
 * any failure only costs the speed-up.
 */
function enableCompileCache(): void {
  try {
    const enable = (nodeModule as { enableCompileCache?: (dir: string) => unknown })
      .enableCompileCache
    if (typeof enable !== 'function') return
    const temp = process.env.RUNNER_TEMP || tmpdir()
    enable(join(temp, 'gitops-release-compile-cache'))
  } catch {
    // A read-only or missing temp directory: run without the cache.
  }
}

enableCompileCache()
await import('./action.js')
