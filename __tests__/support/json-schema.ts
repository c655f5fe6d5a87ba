// Validates values against the schemas of an API description fixture
// (__tests__/fixtures/contracts/*.json) with Ajv: OpenAPI 3.0 (`nullable`), 3.1 (type arrays) and
// Swagger 2.0 definitions are all JSON Schema close enough for the keywords they use.
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'

/** Checks one value; returns Ajv's errors as `PATH: message` lines, empty when it is valid. */
export type SchemaCheck = (value: unknown) => string[]

/** A loaded fixture: the parsed document and validators for the schemas inside it. */
export interface SchemaDocument {
  readonly doc: Record<string, unknown>
  /** A validator for the schema at the JSON pointer `pointer` (e.g. `#/definitions/v1alpha1Application`). */
  check(pointer: string): SchemaCheck
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

/** How to read the fixture's schemas. */
export interface SchemaOptions {
  /**
   * Treat every object schema with `properties` as closed (no other fields), so that a field
   * the description does not have fails. For descriptions that list every field (Argo CD's,
   * generated from its Go types), not for GitHub's (answers carry more than the description).
   */
  readonly closed?: boolean
}

/** Loads the fixture at `file` (a path, or a URL relative to a test's `import.meta.url`). */
export function loadSchemaDocument(
  file: string | URL,
  options: SchemaOptions = {}
): SchemaDocument {
  const parsed = withoutNullable(JSON.parse(readFileSync(file, 'utf8')))
  const doc = (options.closed === true ? closed(parsed) : parsed) as Record<string, unknown>
  // The descriptions carry keywords JSON Schema does not know (`discriminator`, `xml`, …):
  // ignore them rather than refuse the schema. Formats other than these are not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false })
  ajv.addFormat('date-time', RFC3339)
  ajv.addFormat('uri', (value: string) => URL.canParse(value))
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/)
  ajv.addSchema(doc, 'fixture')
  const cache = new Map<string, SchemaCheck>()
  return {
    doc,
    check(pointer) {
      const known = cache.get(pointer)
      if (known) return known
      const validate = ajv.compile({ $ref: `fixture${pointer}` })
      const check: SchemaCheck = (value) =>
        validate(value)
          ? []
          : (validate.errors ?? []).map(
              (error) =>
                `${error.instancePath || '/'}: ${error.message ?? error.keyword}${
                  error.keyword === 'additionalProperties' || error.keyword === 'required'
                    ? ` (${JSON.stringify(error.params)})`
                    : ''
                }`
            )
      cache.set(pointer, check)
      return check
    }
  }
}

// OpenAPI 3.0 writes "or null" as `nullable: true`; Ajv only accepts it beside `type`, and
// GitHub's description also puts it beside `allOf`. Rewritten as JSON Schema's own forms.
function withoutNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullable)
  if (value === null || typeof value !== 'object') return value
  const { nullable, ...rest } = value as Record<string, unknown>
  const schema = Object.fromEntries(
    Object.entries(rest).map(([key, child]) => [key, withoutNullable(child)])
  )
  if (nullable !== true) return schema
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] }
  return { anyOf: [{ type: 'null' }, schema] }
}

// `additionalProperties: false` on every schema that lists properties and says nothing else.
function closed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closed)
  if (value === null || typeof value !== 'object') return value
  const schema = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, closed(child)])
  )
  const isSchema = typeof schema.properties === 'object' && schema.properties !== null
  return isSchema && !('additionalProperties' in schema)
    ? { ...schema, additionalProperties: false }
    : schema
}

/** `#/a/b` with each segment escaped as a JSON pointer (`/` → `~1`, `~` → `~0`). */
export function pointer(...segments: readonly (string | number)[]): string {
  return `#/${segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
}
