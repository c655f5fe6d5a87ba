import { createCoreRuntime, STATE_KEYS } from './lib/runtime.js'
import { coreRunDeps, run } from './main.js'
import { run as runPost } from './post.js'

// action.yml points `main` and `post` at this one bundle; saved state tells them apart.
const runtime = createCoreRuntime()
if (runtime.getState(STATE_KEYS.isPost) === 'true') {
  await runPost(runtime)
} else {
  runtime.saveState(STATE_KEYS.isPost, 'true')
  await run(coreRunDeps(runtime))
}
