// What the Actions runner does around a JavaScript action, reduced to what the demo needs: the
// INPUT_* environment from action.yml, the file commands (GITHUB_OUTPUT, GITHUB_STATE), and the
// workflow commands the action prints on stdout.
import { parse } from 'yaml'

/** The runner's name for an input's variable: `INPUT_` + name upper-cased, spaces as `_`. */
export function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** `INPUT_*` for every input of action.yml: the given value, else the default, as the runner does. */
export function inputsEnv(actionYml, given) {
  const inputs = parse(actionYml)?.inputs ?? {}
  const unknown = Object.keys(given).filter((name) => !(name in inputs))
  if (unknown.length > 0) throw new Error(`action.yml has no input named ${unknown.join(', ')}`)
  const env = {}
  for (const [name, spec] of Object.entries(inputs)) {
    const fallback = spec?.default === undefined ? '' : String(spec.default)
    // An expression default (`${{ github.token }}`) evaluates to empty here: a local run has no token.
    env[inputVariable(name)] = given[name] ?? (fallback.includes('${{') ? '' : fallback)
  }
  return env
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseFileCommands(text) {
  const values = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) throw new Error(`file command ${name}: no closing delimiter ${delimiter}`)
      values[name] = lines.slice(i + 1, end).join('\n')
      i = end
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`file command line is neither name=value nor name<<EOF: ${line}`)
    values[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return values
}

const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/**
 * Turns workflow commands into plain log lines, as the runner's log view shows them, and masks
 * every value the action registered with `::add-mask::`.
 */
export function createLogRenderer() {
  const masks = []
  const mask = (text) => masks.reduce((out, secret) => out.split(secret).join('***'), text)
  return {
    masks,
    /** The line to print, or undefined for a line the runner would not show. */
    render(line) {
      const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
      if (!command) return mask(line)
      const [, name, props = '', data] = command
      const text = unescapeData(data)
      switch (name) {
        case 'add-mask':
          if (text !== '') masks.push(text)
          return undefined
        case 'group':
          return `▸ ${mask(text)}`
        case 'endgroup':
          return undefined
        case 'debug':
          return process.env.RUNNER_DEBUG === '1' ? `  debug: ${mask(text)}` : undefined
        case 'error':
        case 'warning':
        case 'notice': {
          const where = props === '' ? '' : ` (${unescapeData(props)})`
          return `${name}${where}: ${mask(text)}`
        }
        default:
          return mask(line)
      }
    }
  }
}
