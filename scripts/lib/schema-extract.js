// Helpers of the scripts that cut the contract fixtures out of GitHub's and Argo CD's API
// descriptions (scripts/extract-*.js): follow `$ref`s, keep only what is reachable, drop the
// prose and examples that make those descriptions large, and write or check a fixture.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Keys that only document: dropping them keeps the fixtures small and their diffs readable.
const NOISE = new Set(['description', 'example', 'examples', 'summary', 'externalDocs', 'title'])

/** The value at a local `$ref` (`#/a/b~1c`) of `doc`; throws when it does not resolve. */
export function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`not a local $ref: ${ref}`)
  let node = doc
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`$ref ${ref} does not resolve`)
    }
    node = node[key]
  }
  return node
}

/** A copy of `value` without documentation keys and `x-` extensions (schema property names are kept). */
export function stripNoise(value) {
  if (Array.isArray(value)) return value.map(stripNoise)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === 'properties' && child !== null && typeof child === 'object') {
      // Here the keys are field names (a field may be called `description`), not keywords.
      out[key] = Object.fromEntries(Object.entries(child).map(([k, v]) => [k, stripNoise(v)]))
      continue
    }
    if (NOISE.has(key) || key.startsWith('x-')) continue
    out[key] = stripNoise(child)
  }
  return out
}

/** Every `$ref` string inside `value`. */
export function refsIn(value, found = new Set()) {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found)
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.add(child)
      else refsIn(child, found)
    }
  }
  return found
}

/**
 * The named schemas under `prefix` (e.g. `#/components/schemas/`) reachable from `roots`, each
 * stripped of noise, as an object sorted by name (so a refresh gives a stable diff).
 */
export function reachableSchemas(doc, roots, prefix) {
  const kept = {}
  const queue = [...refsIn(roots)]
  while (queue.length > 0) {
    const ref = queue.shift()
    if (!ref.startsWith(prefix)) throw new Error(`unexpected $ref outside ${prefix}: ${ref}`)
    const name = ref.slice(prefix.length)
    if (name in kept) continue
    kept[name] = stripNoise(resolvePointer(doc, ref))
    queue.push(...refsIn(kept[name]))
  }
  return Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)))
}

/** The version of the npm package installed at `packageDir`. */
export function packageVersion(packageDir) {
  return JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')).version
}

/**
 * The REST calls written in `source` as Octokit routes (`request('PATCH /repos/{owner}/...'`),
 * as `METHOD /path` strings, sorted and unique.
 */
export function octokitRoutes(source) {
  const routes = new Set()
  for (const match of source.matchAll(/\brequest\(\s*'(GET|POST|PUT|PATCH|DELETE) (\/[^']*)'/g)) {
    routes.add(`${match[1]} ${match[2]}`)
  }
  return [...routes].sort()
}

/** The GraphQL documents written in `source` as template literals starting with `query` or `mutation`. */
export function graphqlDocuments(source) {
  return [...source.matchAll(/`\s*((?:query|mutation)\b[^`]*)`/g)].map((match) => match[1])
}

/** Every `.ts` file under `dir` (recursively), read as text. */
export function readSources(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'))
}

/**
 * Writes `fixture` as JSON to `file`; with `check`, writes nothing and exits 1 when the file
 * differs (CI re-extracts and compares).
 */
export function writeOrCheck(file, fixture, check) {
  const text = `${JSON.stringify(fixture, null, 2)}\n`
  if (check) {
    let before = ''
    try {
      before = readFileSync(file, 'utf8')
    } catch {
      // a missing fixture is out of date
    }
    if (before !== text) {
      process.stderr.write(`${file} is out of date: run this script without --check\n`)
      process.exit(1)
    }
    process.stdout.write(`${file} is up to date\n`)
    return
  }
  writeFileSync(file, text)
  process.stdout.write(`wrote ${file} (${text.length} bytes)\n`)
}

/** The value of `--name VALUE` in argv, or undefined. */
export function option(argv, name) {
  const index = argv.indexOf(`--${name}`)
  return index === -1 ? undefined : argv[index + 1]
}
