// Bundles src/ into dist/ with ncc, the same bytes wherever the checkout lives.
// webpack derives module ids from paths relative to the build folder and follows symlinks, so a
// checkout whose node_modules is a link (a git worktree sharing an install) would get other ids.
// We therefore always build from a copy of src/ placed beside the real node_modules, so every
// module path, ours and the dependencies', is the same relative path in every checkout.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = process.cwd()
const installRoot = dirname(realpathSync(join(root, 'node_modules')))
mkdirSync(join(installRoot, '.tmp'), { recursive: true })
const work = mkdtempSync(join(installRoot, '.tmp', 'bundle-'))
const dist = resolve(root, 'dist')
try {
  for (const entry of ['src', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, entry), join(work, entry), { recursive: true })
  }
  rmSync(dist, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      join(installRoot, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
      'build',
      'src/index.ts',
      '-o',
      dist
    ],
    { cwd: work, stdio: 'inherit' }
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
