// Bundles src/ into dist/ with ncc, the same bytes wherever the checkout lives.
// webpack derives module ids from paths relative to the build folder and follows symlinks, so a
// checkout whose node_modules is a link (a git worktree sharing an install) would get other ids.
// We therefore always build from a copy of src/ placed beside the real node_modules, so every
// module path, ours and the dependencies', is the same relative path in every checkout.
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { UNDICI_LOADER, undiciNamesTaken } from './lib/undici-names.js'

const root = process.cwd()
const installRoot = dirname(realpathSync(join(root, 'node_modules')))
const require = createRequire(join(installRoot, 'package.json'))
const ncc = require('@vercel/ncc')
mkdirSync(join(installRoot, '.tmp'), { recursive: true })
const work = mkdtempSync(join(installRoot, '.tmp', 'bundle-'))
const dist = resolve(root, 'dist')

/** Writes one ncc result (its code as `entry`, its chunks and other assets beside it) to `dir`. */
function write(dir, entry, { code, assets, symlinks }) {
  if (Object.keys(symlinks).length > 0) throw new Error(`bundle: unexpected symlinks in ${dir}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, entry), code)
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), asset.source, { mode: asset.permissions })
  }
}

try {
  for (const entry of ['src', 'tsconfig.json', 'package.json']) {
    cpSync(join(root, entry), join(work, entry), { recursive: true })
  }
  rmSync(dist, { recursive: true, force: true })
  process.chdir(work)
  // undici stays out of the action's chunks: they get the small loader in
  // scripts/undici-on-demand.cjs instead, which loads undici's own bundle on first use.
  write(
    dist,
    'index.js',
    await ncc(join(work, 'src', 'index.ts'), {
      externals: { undici: './undici.cjs' },
      quiet: true
    })
  )
  // Built from an entry inside the work folder, so ncc finds the work folder's tsconfig.json as it
  // does for src/ (from node_modules/undici it finds none and trips over that).
  writeFileSync(join(work, 'undici.cjs'), "module.exports = require('undici')\n")
  write(join(dist, 'undici'), 'index.cjs', await ncc(join(work, 'undici.cjs'), { quiet: true }))
  copyFileSync(join(root, 'scripts', 'undici-on-demand.cjs'), join(dist, UNDICI_LOADER))
} finally {
  rmSync(work, { recursive: true, force: true })
}

// The loader passes on a fixed list of names: a dependency update that takes another name from
// undici must fail here, not at run time.
const chunks = Object.fromEntries(
  readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .map((name) => [name, readFileSync(join(dist, name), 'utf8')])
)
const offered = Object.keys(require(join(dist, UNDICI_LOADER)))
const missing = undiciNamesTaken(chunks).filter((name) => !offered.includes(name))
if (missing.length > 0) {
  console.error(
    `bundle: the bundle takes ${missing.join(', ')} from undici, which scripts/undici-on-demand.cjs does not pass on; add ${missing.length === 1 ? 'it' : 'them'} there.`
  )
  process.exit(1)
}
