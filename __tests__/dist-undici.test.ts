import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { UNDICI_LOADER, undiciNamesTaken } from '../scripts/lib/undici-names.js'
import { repoRoot } from './support/run-action.js'

// dist/ reaches undici only through a small loader that loads undici's own bundle on first use
// (scripts/undici-on-demand.cjs). These check the committed dist/ itself.
const dist = path.join(repoRoot, 'dist')

/** Runs a CommonJS snippet in a fresh Node (nothing cached) from dist/, returning its JSON. */
function inFreshNode(code: string): unknown {
  const out = execFileSync(process.execPath, ['--input-type=commonjs', '-e', code], {
    cwd: dist,
    encoding: 'utf8'
  })
  return JSON.parse(out) as unknown
}

describe('undici in dist/', () => {
  it('the loader passes on every name the bundle takes from undici', () => {
    const chunks = Object.fromEntries(
      readdirSync(dist)
        .filter((name) => name.endsWith('.js'))
        .map((name) => [name, readFileSync(path.join(dist, name), 'utf8')])
    )
    const taken = undiciNamesTaken(chunks)
    expect(taken).toContain('ProxyAgent')
    expect(taken).not.toContain('*')
    const offered = inFreshNode(
      `console.log(JSON.stringify(Object.keys(require('./${UNDICI_LOADER}'))))`
    ) as string[]
    expect(offered).toEqual(expect.arrayContaining(taken))
  })

  it('loads undici on first use only, and hands out undici’s own objects', () => {
    const seen = inFreshNode(`
      const loader = require('./${UNDICI_LOADER}')
      const bundle = require.resolve('./undici/index.cjs')
      const before = bundle in require.cache
      const agent = new loader.ProxyAgent({ uri: 'http://127.0.0.1:9' })
      const undici = require('./undici/index.cjs')
      console.log(JSON.stringify({
        before,
        after: bundle in require.cache,
        own: agent instanceof undici.ProxyAgent,
        fetch: typeof loader.fetch === 'function' && typeof undici.fetch === 'function'
      }))
      agent.close()`)
    expect(seen).toEqual({ before: false, after: true, own: true, fetch: true })
  })
})
