/** The runner's variable for an input: `INPUT_` + name upper-cased, spaces as `_`. */
export function inputVariable(name: string): string

/** `INPUT_*` for every input of action.yml: the given value, else its default (expressions → ''). */
export function inputsEnv(
  actionYml: string,
  given: Readonly<Record<string, string>>
): Record<string, string>

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name=value` lines and `name<<DELIMITER` blocks). */
export function parseFileCommands(text: string): Record<string, string>

/** Renders workflow commands (`::group::`, `::error file=…::`, `::add-mask::`) as plain log lines. */
export function createLogRenderer(): {
  readonly masks: string[]
  render(line: string): string | undefined
}
