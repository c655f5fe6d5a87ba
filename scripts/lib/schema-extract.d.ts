/** The value at a local `$ref` (`#/a/b~1c`) of `doc`; throws when it does not resolve. */
export function resolvePointer(doc: unknown, ref: string): unknown

/** A copy of `value` without documentation keys and `x-` extensions (schema property names are kept). */
export function stripNoise<T>(value: T): T

/** Every `$ref` string inside `value`. */
export function refsIn(value: unknown, found?: Set<string>): Set<string>

/** The named schemas under `prefix` reachable from `roots`, stripped of noise, sorted by name. */
export function reachableSchemas(
  doc: unknown,
  roots: unknown,
  prefix: string
): Record<string, unknown>

/** The version of the npm package installed at `packageDir`. */
export function packageVersion(packageDir: string): string

/** The REST calls written in `source` as Octokit routes, as sorted unique `METHOD /path` strings. */
export function octokitRoutes(source: string): string[]

/** The GraphQL documents written in `source` as template literals starting with `query` or `mutation`. */
export function graphqlDocuments(source: string): string[]

/** Every `.ts` file under `dir` (recursively), read as text. */
export function readSources(dir: string): string[]

/** Writes `fixture` as JSON to `file`; with `check`, exits 1 when the file differs instead. */
export function writeOrCheck(file: string, fixture: unknown, check: boolean): void

/** The value of `--name VALUE` in argv, or undefined. */
export function option(argv: readonly string[], name: string): string | undefined
