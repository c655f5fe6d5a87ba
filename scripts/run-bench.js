// Runs one benchmark: bundles bench/NAME.ts with ncc (our sources use NodeNext `.js` imports,
// which plain type stripping cannot resolve) and runs the bundle with the current Node.
// Usage: npm run bench -- NAME [args...]
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const [name, ...args] = process.argv.slice(2)
if (!name || !existsSync(join('bench', `${name}.ts`))) {
  process.stderr.write('usage: npm run bench -- NAME  (NAME is a file bench/NAME.ts)\n')
  process.exit(2)
}
const out = join('.tmp', 'bench', name)
execFileSync('npx', ['ncc', 'build', join('bench', `${name}.ts`), '-o', out, '-q'], {
  stdio: 'inherit'
})
execFileSync(process.execPath, [join(out, 'index.js'), ...args], { stdio: 'inherit' })
