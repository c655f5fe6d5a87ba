// The edit engine's own YAML fixtures (__tests__/fixtures/yaml): small files written for this
// project, each showing one shape real values files, kustomizations and manifests have.
import { readFileSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder holding the fixtures. */
export const yamlFixtureDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'yaml'
)

/** The names of every fixture file, sorted. */
export function yamlFixtureNames(): string[] {
  return readdirSync(yamlFixtureDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
}

/** A fixture's text, byte for byte (a BOM stays as U+FEFF, CRLF stays as CRLF). */
export function yamlFixture(name: string): string {
  return readFileSync(path.join(yamlFixtureDir, name), 'utf8')
}
