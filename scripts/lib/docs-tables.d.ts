/** The markers around a generated block; `kind` is `inputs` or `outputs`. */
export function markers(kind: 'inputs' | 'outputs'): { start: string; end: string }

/** The inputs table: one row per input of action.yml (name, required, default, description). */
export function renderInputs(actionYml: string): string

/** The outputs table: one row per output of action.yml (name, description). */
export function renderOutputs(actionYml: string): string

/** `doc` with the text between the markers of `kind` replaced by `block`; throws without markers. */
export function replaceBlock(doc: string, kind: 'inputs' | 'outputs', block: string): string

/** `markdown` formatted by prettier with the repository's settings. */
export function formatMarkdown(markdown: string): Promise<string>
