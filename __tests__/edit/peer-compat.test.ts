import { describe, expect, it } from '@jest/globals'
import { parseAllDocuments } from 'yaml'
import { run } from './helpers.js'
import type { EditRequest } from '../../src/edit/types.js'

// What users of yaml-update-action (fjogeleit/yaml-update-action) expect, case by case: the
// intents of its test suite, written again here (no code or fixture of it is copied). Every case
// runs twice: with the inputs our migration table documents, and with the migrant's text pasted
// unchanged. Each run must give the result the peer gives, or (where we deliberately differ) an
// error that names the input and says what to write instead. Never a success with another result.

const VALUES = `# chart values
backend:
  version: v1.2.0
frontend: {}
containers:
  - name: nginx
    image: nginx:latest
  - name: node
    image: node:latest
config:
  prod: false
  version: 0
  boolString: 'true'
`

const MULTI = `${VALUES}---
backend:
  version: v1.2.0
containers:
  - name: nginx
    image: nginx:latest
  - name: node
    image: node:latest
`

const JSON_VALUES = `{
  "backend": { "version": "v1.2.0" },
  "frontend": {},
  "containers": [
    { "name": "nginx", "image": "nginx:latest" },
    { "name": "node", "image": "node:latest" }
  ]
}
`

const PROD = 'backend:\n  version: v1.2.0\nfrontend: false\nconfig: {}\n'

const FILES: Record<string, string> = {
  'values.yaml': VALUES,
  'multi.yaml': MULTI,
  'values.json': JSON_VALUES,
  values: JSON_VALUES,
  'values.prod.yaml': PROD,
  'notes.txt': 'Just some plain text'
}

type Data = Record<string, unknown> & {
  backend: Record<string, unknown>
  containers: Record<string, unknown>[]
  config: Record<string, unknown>
}

/** A run's inputs: the `changes` text (the peer's `value` input is written as a change). */
interface Inputs {
  readonly changes: unknown
  readonly valuesFile?: string
  readonly createMissing?: boolean
}

/** What the peer gives: the documents of each changed file, or what our error must say. */
type Outcome =
  { readonly files: Record<string, (docs: Data[]) => void> } | { readonly error: RegExp }

interface Case {
  readonly intent: string
  /** With the inputs the migration table documents. */
  readonly ours: Inputs
  readonly oursGives: Outcome
  /** The migrant's text, unchanged (their default method creates missing keys; ours does not). */
  readonly theirs: Inputs
  readonly theirsGives: Outcome
}

const same = (files: Record<string, (docs: Data[]) => void>): Outcome => ({ files })

const CASES: Case[] = [
  {
    intent: 'replace a nested value',
    ours: { valuesFile: 'values.yaml', changes: { 'backend.version': 'v1.1.0' } },
    oursGives: same({ 'values.yaml': ([d]) => (d!.backend.version = 'v1.1.0') }),
    theirs: { valuesFile: 'values.yaml', changes: { 'backend.version': 'v1.1.0' } },
    theirsGives: same({ 'values.yaml': ([d]) => (d!.backend.version = 'v1.1.0') })
  },
  {
    intent: 'add a new key (their default method CreateOrUpdate)',
    ours: {
      valuesFile: 'values.yaml',
      changes: { 'frontend.version': 'v1.1.0' },
      createMissing: true
    },
    oursGives: same({ 'values.yaml': ([d]) => (d!.frontend = { version: 'v1.1.0' }) }),
    theirs: { valuesFile: 'values.yaml', changes: { 'frontend.version': 'v1.1.0' } },
    theirsGives: {
      error:
        /path frontend\.version \(changes\) does not resolve: key 'version' not found in frontend .* Set create-missing: true to create it\./
    }
  },
  {
    intent: 'method update skips a missing key (ours fails the step instead)',
    ours: { valuesFile: 'values.yaml', changes: { 'frontend.version': 'v1.1.0' } },
    oursGives: { error: /path frontend\.version \(changes\) does not resolve.*create-missing/ },
    theirs: { valuesFile: 'values.yaml', changes: { 'frontend.version': 'v1.1.0' } },
    theirsGives: { error: /path frontend\.version \(changes\) does not resolve.*create-missing/ }
  },
  {
    intent: 'a values file that does not exist',
    ours: { valuesFile: 'missing.yaml', changes: { 'frontend.version': 'v1.1.0' } },
    oursGives: { error: /missing\.yaml/ },
    theirs: { valuesFile: 'missing.yaml', changes: { 'frontend.version': 'v1.1.0' } },
    theirsGives: { error: /missing\.yaml/ }
  },
  {
    intent: 'a file that is not a YAML map',
    ours: { valuesFile: 'notes.txt', changes: { 'frontend.version': 'v1.1.0' } },
    oursGives: {
      error:
        /notes\.txt:1: path frontend\.version \(changes\) does not resolve: the document root is a scalar/
    },
    theirs: { valuesFile: 'notes.txt', changes: { 'frontend.version': 'v1.1.0' } },
    theirsGives: {
      error:
        /notes\.txt:1: path frontend\.version \(changes\) does not resolve: the document root is a scalar/
    }
  },
  {
    intent: 'a list item by index, old syntax',
    ours: { valuesFile: 'values.yaml', changes: { 'containers[0].image': 'nginx:alpine' } },
    oursGives: same({ 'values.yaml': ([d]) => (d!.containers[0]!.image = 'nginx:alpine') }),
    theirs: { valuesFile: 'values.yaml', changes: { 'containers.0.image': 'nginx:alpine' } },
    theirsGives: same({ 'values.yaml': ([d]) => (d!.containers[0]!.image = 'nginx:alpine') })
  },
  {
    intent: 'a list item by index, new syntax',
    ours: { valuesFile: 'values.yaml', changes: { 'containers[0].image': 'nginx:alpine' } },
    oursGives: same({ 'values.yaml': ([d]) => (d!.containers[0]!.image = 'nginx:alpine') }),
    theirs: { valuesFile: 'values.yaml', changes: { 'containers[0].image': 'nginx:alpine' } },
    theirsGives: same({ 'values.yaml': ([d]) => (d!.containers[0]!.image = 'nginx:alpine') })
  },
  {
    intent: 'a boolean typed with a tag',
    ours: { valuesFile: 'values.yaml', changes: 'config.prod: true' },
    oursGives: same({ 'values.yaml': ([d]) => (d!.config.prod = true) }),
    theirs: { valuesFile: 'values.yaml', changes: { 'config.prod': "!!bool 'true'" } },
    theirsGives: same({ 'values.yaml': ([d]) => (d!.config.prod = true) })
  },
  {
    intent: 'an integer typed with a tag',
    ours: { valuesFile: 'values.yaml', changes: "config.version: !!int '123456'" },
    oursGives: same({ 'values.yaml': ([d]) => (d!.config.version = 123456) }),
    theirs: { valuesFile: 'values.yaml', changes: { 'config.version': "!!int '123456'" } },
    theirsGives: same({ 'values.yaml': ([d]) => (d!.config.version = 123456) })
  },
  {
    intent: 'several changes in one file',
    ours: {
      valuesFile: 'values.yaml',
      changes: { 'backend.version': 'v1.1.0', 'containers[name=node].image': 'node:alpine' }
    },
    oursGives: same({
      'values.yaml': ([d]) => {
        d!.backend.version = 'v1.1.0'
        d!.containers[1]!.image = 'node:alpine'
      }
    }),
    theirs: {
      valuesFile: 'values.yaml',
      changes: { 'backend.version': 'v1.1.0', 'containers[1].image': 'node:alpine' }
    },
    theirsGives: same({
      'values.yaml': ([d]) => {
        d!.backend.version = 'v1.1.0'
        d!.containers[1]!.image = 'node:alpine'
      }
    })
  },
  {
    intent: 'one document of a multi-document file, selected with [N]',
    ours: { valuesFile: 'multi.yaml', changes: { '[0].backend.version': 'v1.1.0' } },
    oursGives: same({ 'multi.yaml': ([d]) => (d!.backend.version = 'v1.1.0') }),
    theirs: { valuesFile: 'multi.yaml', changes: { '[0].backend.version': 'v1.1.0' } },
    theirsGives: same({ 'multi.yaml': ([d]) => (d!.backend.version = 'v1.1.0') })
  },
  {
    intent: 'a path without [N] in a multi-document file (the peer would need [N])',
    ours: { valuesFile: 'multi.yaml', changes: { '[*].backend.version': 'v1.1.0' } },
    oursGives: same({
      'multi.yaml': ([a, b]) => {
        a!.backend.version = 'v1.1.0'
        b!.backend.version = 'v1.1.0'
      }
    }),
    theirs: { valuesFile: 'multi.yaml', changes: { 'backend.version': 'v1.1.0' } },
    theirsGives: {
      error:
        /multi\.yaml: path backend\.version \(changes\) resolves in 2 of the file's 2 documents: \[0\] \(line \d+\), \[1\] \(line \d+\)\. Say which document: \[0\]\.backend\.version or \[1\]\.backend\.version, or \[\*\]\.backend\.version/
    }
  },
  {
    intent: 'changes in two documents of a multi-document file',
    ours: {
      valuesFile: 'multi.yaml',
      changes: { '[0].backend.version': 'v1.1.0', '[1].containers[1].image': 'node:alpine' }
    },
    oursGives: same({
      'multi.yaml': ([a, b]) => {
        a!.backend.version = 'v1.1.0'
        b!.containers[1]!.image = 'node:alpine'
      }
    }),
    theirs: {
      valuesFile: 'multi.yaml',
      changes: { '[0].backend.version': 'v1.1.0', '[1].containers[1].image': 'node:alpine' }
    },
    theirsGives: same({
      'multi.yaml': ([a, b]) => {
        a!.backend.version = 'v1.1.0'
        b!.containers[1]!.image = 'node:alpine'
      }
    })
  },
  {
    intent: 'changes in several files, one of them multi-document, one JSON',
    ours: {
      changes: {
        'values.json': { 'backend.version': 'v1.1.0', 'containers[1].image': 'node:alpine' },
        'multi.yaml': { '[1].containers[name=node].image': 'node:alpine' },
        'values.prod.yaml': { 'backend.version': 'v1.3.0', frontend: true }
      }
    },
    oursGives: same({
      'values.json': ([d]) => {
        d!.backend.version = 'v1.1.0'
        d!.containers[1]!.image = 'node:alpine'
      },
      'multi.yaml': ([, b]) => (b!.containers[1]!.image = 'node:alpine'),
      'values.prod.yaml': ([d]) => {
        d!.backend.version = 'v1.3.0'
        d!.frontend = true
      }
    }),
    theirs: {
      changes: {
        'values.json': { 'backend.version': 'v1.1.0', 'containers[1].image': 'node:alpine' },
        'multi.yaml': { '[1].containers[1].image': 'node:alpine' },
        'values.prod.yaml': { 'backend.version': 'v1.3.0', frontend: true }
      }
    },
    theirsGives: same({
      'values.json': ([d]) => {
        d!.backend.version = 'v1.1.0'
        d!.containers[1]!.image = 'node:alpine'
      },
      'multi.yaml': ([, b]) => (b!.containers[1]!.image = 'node:alpine'),
      'values.prod.yaml': ([d]) => {
        d!.backend.version = 'v1.3.0'
        d!.frontend = true
      }
    })
  },
  {
    intent: 'a JSON file without a .json name',
    ours: { valuesFile: 'values', changes: { 'backend.version': 'v2.0.0' } },
    oursGives: same({ values: ([d]) => (d!.backend.version = 'v2.0.0') }),
    theirs: { valuesFile: 'values', changes: { 'backend.version': 'v2.0.0' } },
    theirsGives: same({ values: ([d]) => (d!.backend.version = 'v2.0.0') })
  },
  {
    intent: 'append a map to a list',
    ours: {
      changes: {
        'values.yaml': { 'containers[-]': { name: 'database', image: 'postgres:alpine' } }
      }
    },
    oursGives: same({
      'values.yaml': ([d]) => d!.containers.push({ name: 'database', image: 'postgres:alpine' })
    }),
    theirs: {
      changes: {
        'values.yaml': { 'containers[(@.length)]': { name: 'database', image: 'postgres:alpine' } }
      }
    },
    theirsGives: same({
      'values.yaml': ([d]) => d!.containers.push({ name: 'database', image: 'postgres:alpine' })
    })
  },
  {
    intent: 'add a list item at the index after the last',
    ours: {
      changes: {
        'values.yaml': { 'containers[2]': { name: 'database', image: 'postgres:alpine' } }
      },
      createMissing: true
    },
    oursGives: same({
      'values.yaml': ([d]) => d!.containers.push({ name: 'database', image: 'postgres:alpine' })
    }),
    theirs: {
      changes: {
        'values.yaml': { 'containers[2]': { name: 'database', image: 'postgres:alpine' } }
      }
    },
    theirsGives: {
      error:
        /path containers\[2\] \(changes\) does not resolve: index 2 is out of range: the sequence containers \(line \d+\) has 2 items \(to add an item, write containers\[-\] or set create-missing: true\)/
    }
  },
  {
    intent: 'two new keys in the same map',
    ours: {
      valuesFile: 'values.yaml',
      changes: { 'backend.version': 'v1.1.0', 'backend.test': 'true' },
      createMissing: true
    },
    oursGives: same({
      'values.yaml': ([d]) => {
        d!.backend.version = 'v1.1.0'
        d!.backend.test = 'true'
      }
    }),
    theirs: {
      valuesFile: 'values.yaml',
      changes: { 'backend.version': 'v1.1.0', 'backend.test': 'true' }
    },
    theirsGives: { error: /path backend\.test \(changes\) does not resolve.*create-missing/ }
  },
  {
    intent: 'a JSONPath root and filter',
    ours: {
      valuesFile: 'values.yaml',
      changes: { 'backend.version': 'v3', 'containers[name=node].image': 'node:22' }
    },
    oursGives: same({
      'values.yaml': ([d]) => {
        d!.backend.version = 'v3'
        d!.containers[1]!.image = 'node:22'
      }
    }),
    theirs: {
      valuesFile: 'values.yaml',
      changes: { '$.backend.version': 'v3', "$.containers[?(@.name=='node')].image": 'node:22' }
    },
    theirsGives: same({
      'values.yaml': ([d]) => {
        d!.backend.version = 'v3'
        d!.containers[1]!.image = 'node:22'
      }
    })
  },
  {
    intent: 'a JSONPath root with create-missing creates the key, not a key named $',
    ours: {
      valuesFile: 'values.yaml',
      changes: { 'backend.replicas': 2 },
      createMissing: true
    },
    oursGives: same({ 'values.yaml': ([d]) => (d!.backend.replicas = 2) }),
    theirs: {
      valuesFile: 'values.yaml',
      changes: { '$.backend.replicas': 2 },
      createMissing: true
    },
    theirsGives: same({ 'values.yaml': ([d]) => (d!.backend.replicas = 2) })
  },
  {
    intent: 'a tag other than str, int, float, bool, null',
    ours: { valuesFile: 'values.yaml', changes: { 'config.prod': "!!str '!!binary aGk='" } },
    oursGives: same({ 'values.yaml': ([d]) => (d!.config.prod = '!!binary aGk=') }),
    theirs: { valuesFile: 'values.yaml', changes: { 'config.prod': '!!binary aGk=' } },
    theirsGives: {
      error:
        /changes: the value of config\.prod is "!!binary aGk=", which starts with !! but is not one of the tags .* give !!str '!!binary aGk='/
    }
  }
]

function request(inputs: Inputs): Partial<EditRequest> {
  const changes =
    typeof inputs.changes === 'string' ? inputs.changes : JSON.stringify(inputs.changes)
  return {
    changes,
    valuesFiles: inputs.valuesFile === undefined ? [] : [inputs.valuesFile],
    valuesFileIsDefault: false,
    createMissing: inputs.createMissing ?? false
  }
}

/** Runs the inputs; the result must be the outcome. Resolves to true (so the tests can say so). */
async function check(inputs: Inputs, outcome: Outcome): Promise<boolean> {
  const attempt = run(FILES, request(inputs))
  if ('error' in outcome) {
    await expect(attempt).rejects.toThrow(outcome.error)
    return true
  }
  const { edits } = await attempt
  for (const edit of edits) {
    const expected = parseAllDocuments(FILES[edit.path] ?? '').map((d) => d.toJS() as Data)
    outcome.files[edit.path]?.(expected)
    const got = parseAllDocuments(edit.after).map((d) => d.toJS() as unknown)
    expect({ file: edit.path, docs: got }).toEqual({ file: edit.path, docs: expected })
  }
  expect(edits.map((e) => e.path).sort()).toEqual(Object.keys(outcome.files).sort())
  return true
}

describe('yaml-update-action migrants', () => {
  it.each(CASES.map((c) => [c.intent, c] as const))(
    '%s: with the documented inputs',
    async (_intent, c) => {
      expect(await check(c.ours, c.oursGives)).toBe(true)
    }
  )

  it.each(CASES.map((c) => [c.intent, c] as const))(
    '%s: with the migrant’s unchanged text',
    async (_intent, c) => {
      expect(await check(c.theirs, c.theirsGives)).toBe(true)
    }
  )
})
