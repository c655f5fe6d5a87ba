// Writes dist/licenses.txt: the license of every production dependency bundled into dist/.
// (ncc's own --license output lists only one chunk once the bundle is split, so we walk the
// dependency tree from package.json instead; a superset of what is bundled is fine here.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = process.cwd()
const seen = new Map()

function packageDir(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === dirname(dir)) return undefined
  }
}

function visit(name, from) {
  const dir = packageDir(name, from)
  if (dir === undefined || seen.has(dir)) return
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  seen.set(dir, manifest)
  for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir)
}

const top = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
for (const dep of Object.keys(top.dependencies ?? {})) visit(dep, root)

const entries = [...seen.entries()]
  .map(([dir, manifest]) => {
    const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name))
    const text = file === undefined ? '' : readFileSync(join(dir, file), 'utf8').trim()
    return `${manifest.name}@${manifest.version}\n${manifest.license ?? 'UNKNOWN'}\n${text}\n`
  })
  .sort()
writeFileSync(join(root, 'dist', 'licenses.txt'), entries.join('\n'))
