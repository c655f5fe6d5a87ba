import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'

// Runs scripts/demo.js with a stand-in action (no Docker), to check the demo's own plumbing: the
// runner environment it gives the action, what it prints, what it checks, and its cleanup.
const root = fileURLToPath(new URL('..', import.meta.url))
const fake = '__tests__/fixtures/demo-fake-action.js'

function demo(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/demo.js', '--no-build', '--action', fake], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000
  })
  const tmp = /file:\/\/(\/\S+)\/remote\.git/.exec(result.stdout)?.[1]
  return { ...result, tmp }
}

describe('npm run demo (with a stand-in action)', () => {
  it('runs the action as the runner would, prints what a user sees, and cleans up', () => {
    const { status, stdout, stderr, tmp } = demo()
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toContain('Docker: not used, because --no-build was given.')
    // Workflow commands are rendered, and the masked webhook secret never shows.
    expect(stdout).toContain('▸ fake action (secret ***)')
    expect(stdout).not.toMatch(/::(group|add-mask)::/)
    expect(stdout).toMatch(/── Job summary[^\n]*\n### fake action/)
    expect(stdout).toMatch(/commit-sha: [0-9a-f]{40}\n/)
    expect(stdout).toContain(' helm/values.yaml | 8 ++++----')
    expect(stdout).toContain('"revision": "main"')
    expect(stdout).toContain('post step: nothing to log out of')
    expect(stdout).toContain('Demo OK: images not built (build: false)')
    // Without a registry the promotion has nothing to check digests against: said, not faked.
    expect(stdout).toMatch(/── Promotion dev → prod ─+\nSkipped, because --no-build was given\./)
    expect(stdout).toContain('Promotion dev → prod: skipped (no registry; see above).')
    expect(tmp).toBeDefined()
    expect(existsSync(tmp!)).toBe(false)
  })

  it('fails with a clear message when the action fails', () => {
    const { status, stdout, stderr, tmp } = demo({ FAKE_ACTION_FAIL: '1' })
    expect(status).toBe(1)
    expect(stdout).toContain(
      'error (file=helm/values.yaml,line=1): the fake action refuses on purpose'
    )
    expect(stderr).toContain('demo failed: the action failed (exit 1)')
    expect(existsSync(tmp!)).toBe(false)
  })

  it('fails when Argo CD got no webhook', () => {
    const { status, stderr } = demo({ FAKE_ACTION_BUG: 'no-webhook' })
    expect(status).toBe(1)
    expect(stderr).toContain('no webhook reached the receiver')
  })
})
