// Reference tables for docs/inputs.md and docs/outputs.md, generated from action.yml so the
// documentation cannot drift from what the runner reads. Used by scripts/docs-inputs.js and by
// __tests__/docs-reference.test.ts.
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

/** The markers around a generated block; `kind` is `inputs` or `outputs`. */
export function markers(kind) {
  return {
    start: `<!-- generated:${kind} start: edit action.yml, then run npm run docs:inputs -->`,
    end: `<!-- generated:${kind} end -->`
  }
}

// A table cell on one line: YAML folded descriptions may hold newlines, and a `|` would end the cell.
function cell(text) {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

function code(text) {
  // A value holding a backtick needs a longer fence than it contains.
  const fence = text.includes('`') ? '``' : '`'
  return `${fence}${text}${fence}`
}

function readAction(actionYml) {
  const action = parse(actionYml)
  if (action === null || typeof action !== 'object') throw new Error('action.yml is not a map')
  return action
}

/** The inputs table: one row per input of action.yml, in its order. */
export function renderInputs(actionYml) {
  const inputs = readAction(actionYml).inputs ?? {}
  const rows = Object.entries(inputs).map(([name, spec]) => {
    const s = spec ?? {}
    let value = '(none)'
    if (s.default !== undefined && s.default !== null) {
      const text = String(s.default)
      value = text === '' ? '(empty)' : code(text)
    }
    const required = s.required === true ? 'yes' : 'no'
    return `| <a id="input-${name}"></a>${code(name)} | ${required} | ${cell(value)} | ${cell(String(s.description ?? ''))} |`
  })
  return [
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

/** The outputs table: one row per output of action.yml, in its order. */
export function renderOutputs(actionYml) {
  const outputs = readAction(actionYml).outputs ?? {}
  const rows = Object.entries(outputs).map(
    ([name, spec]) =>
      `| <a id="output-${name}"></a>${code(name)} | ${cell(String((spec ?? {}).description ?? ''))} |`
  )
  return ['| output | description |', '| --- | --- |', ...rows].join('\n')
}

/** `doc` with the text between the markers of `kind` replaced by `block`; throws without markers. */
export function replaceBlock(doc, kind, block) {
  const { start, end } = markers(kind)
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`the markers ${start} and ${end} are missing or out of order`)
  }
  return `${doc.slice(0, from + start.length)}\n\n${block}\n\n${doc.slice(to)}`
}

/**
 * `markdown` as prettier writes it with the repository's settings, so the generated block stays
 * the same when someone runs prettier on the docs.
 */
export async function formatMarkdown(markdown) {
  const config = (await resolveConfig('docs/inputs.md')) ?? {}
  return format(markdown, { ...config, parser: 'markdown' })
}
