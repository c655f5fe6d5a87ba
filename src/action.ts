import { createCoreRuntime, STATE_KEYS } from './lib/runtime.js'

// action.yml points `main` and `post` at one bundle; saved state tells them apart. Each imports
// only its own modules, so the main step does not load the post step's docker and git cleanup.
const runtime = createCoreRuntime()
if (runtime.getState(STATE_KEYS.isPost) === 'true') {
  const { run } = await import('./post.js')
  await run(runtime)
} else {
  runtime.saveState(STATE_KEYS.isPost, 'true')
  const { coreRunDeps, run } = await import('./main.js')
  await run(coreRunDeps(runtime))
}
