import * as core from '@actions/core'
import { run } from './main.js'
import { run as runPost } from './post.js'

// action.yml points `main` and `post` at this one bundle; saved state tells them apart.
if (core.getState('isPost') === 'true') {
  await runPost()
} else {
  core.saveState('isPost', 'true')
  await run()
}
