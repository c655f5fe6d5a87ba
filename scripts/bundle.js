// Bundles src/ into dist/ with ncc, the same bytes wherever the checkout lives.
// webpack derives module ids from paths relative to the build folder and follows symlinks, so a
// checkout whose node_modules is a link (a git worktree sharing an install) would get other ids.
// We therefore always build from a copy of src/ placed beside the real node_modules, so every
// module path, ours and the dependencies', is the same relative path in every checkout.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
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

// @actions/core imports @actions/http-client, which imports undici (about 1 MB of the bundle) at
// load time for a proxy class used only by HTTP calls through undici's fetch, which the
// file-editing path never makes. Where a module reads undici only as `undici.Name`, its
// `require` becomes a getter proxy that loads undici on the first such read. ncc has no option
// for this, so it is a textual rewrite of ncc's output, kept only where the pattern is exact.
const UNDICI =
  /\/\/ EXTERNAL MODULE: [^\n]*node_modules\/undici\/index\.js\nvar (\w+) = (__\w+_require__)\((\d+)\);/g
let deferred = 0
for (const name of readdirSync(dist).filter((file) => file.endsWith('.js'))) {
  const file = join(dist, name)
  const text = readFileSync(file, 'utf8')
  const out = text.replace(UNDICI, (declaration, binding, load, id, at) => {
    // The binding is local to the webpack module holding it (between its `/***/` markers); every
    // other use there must be a property read, or the proxy would change what the code sees.
    const start = text.lastIndexOf('\n/***/ ', at)
    const end = text.indexOf('\n/***/ })', at)
    const scope = text.slice(start, at) + text.slice(at + declaration.length, end)
    if (start < 0 || end < 0 || new RegExp(`\\b${binding}\\b(?!\\.\\w)`).test(scope)) {
      return declaration
    }
    deferred++
    return declaration.replace(
      `${load}(${id});`,
      `new Proxy({}, { get: (_, key) => ${load}(${id})[key] });`
    )
  })
  if (out !== text) writeFileSync(file, out)
}
if (deferred === 0) {
  console.warn('bundle: undici is loaded at start-up again (the deferral pattern was not found).')
}
