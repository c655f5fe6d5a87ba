// npm run docs:inputs: regenerate the reference tables of docs/inputs.md and docs/outputs.md from
// action.yml. With --check, change nothing and exit 1 when a file is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { formatMarkdown, renderInputs, renderOutputs, replaceBlock } from './lib/docs-tables.js'

const check = process.argv.includes('--check')
const actionYml = readFileSync('action.yml', 'utf8')
const targets = [
  ['docs/inputs.md', 'inputs', (await formatMarkdown(renderInputs(actionYml))).trimEnd()],
  ['docs/outputs.md', 'outputs', (await formatMarkdown(renderOutputs(actionYml))).trimEnd()]
]
let stale = 0
for (const [file, kind, block] of targets) {
  const before = readFileSync(file, 'utf8')
  const after = replaceBlock(before, kind, block)
  if (after === before) continue
  if (check) {
    stale++
    process.stderr.write(`${file} is out of date with action.yml: run npm run docs:inputs\n`)
  } else {
    writeFileSync(file, after)
    process.stdout.write(`updated ${file}\n`)
  }
}
process.exit(stale > 0 ? 1 : 0)
