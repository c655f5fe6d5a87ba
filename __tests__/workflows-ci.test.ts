import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

// GitHub's ci.yml runs what .ci/run runs, as far as GitHub can: every Docker suite with all its
// services, the old-Node suites, and the corpus suites' announced skip (the corpus is not there).

interface Step {
  readonly name?: string
  readonly uses?: string
  readonly run?: string
  readonly env?: Record<string, string>
  readonly with?: Record<string, unknown>
}
interface Job {
  readonly services?: Record<string, unknown>
  readonly env?: Record<string, string>
  readonly steps?: readonly Step[]
}

const SERVICE_VARIABLES = [
  'GITOPS_TEST_DOCKER_HOST',
  'GITOPS_TEST_REGISTRY',
  'GITOPS_TEST_AUTH_REGISTRY',
  'GITOPS_TEST_AUTH_USER',
  'GITOPS_TEST_AUTH_PASS',
  'GITOPS_TEST_BUSYBOX'
]

const workflow = parse(
  readFileSync(new URL('../.github/workflows/ci.yml', import.meta.url), 'utf8')
) as { jobs: Record<string, Job> }
const jobs = Object.values(workflow.jobs)
const steps = jobs.flatMap((job) => job.steps ?? [])
const runs = steps.map((step) => step.run ?? '')

describe('ci.yml', () => {
  it('gives the Docker suites all six services, from .ci/services.sh or its own env', () => {
    const fromScript = runs.some((run) => /\bbash \.ci\/services\.sh\b/.test(run))
    const problems = jobs.flatMap((job) => {
      const set = Object.keys(job.env ?? {}).filter((name) => name.startsWith('GITOPS_TEST_'))
      // With the script every variable comes from it: a service container or env would go unused.
      if (fromScript) {
        return [
          ...(job.services === undefined ? [] : ['a service container beside .ci/services.sh']),
          ...set.map((name) => `${name} set beside .ci/services.sh`)
        ]
      }
      return SERVICE_VARIABLES.filter((name) => !set.includes(name)).map((name) => `no ${name}`)
    })
    expect(problems).toEqual([])
  })

  it('runs the old-Node suites (GITOPS_TEST_OLD_NODE names a Node older than 24)', () => {
    const setsOldNode = runs.some((run) => /GITOPS_TEST_OLD_NODE=.*>>\s*"\$GITHUB_ENV"/.test(run))
    const oldSetup = steps.some(
      (step) =>
        step.uses?.startsWith('actions/setup-node@') === true &&
        /^(20|22)$/.test(String(step.with?.['node-version']))
    )
    expect({ setsOldNode, oldSetup }).toEqual({ setsOldNode: true, oldSetup: true })
  })

  it('checks that each corpus suite announces its skip (the corpus is not on GitHub)', () => {
    const test = steps.find((step) => /\bnpm test\b/.test(step.run ?? ''))
    expect(test?.run).toContain('SKIPPED corpus suites of ')
    expect(test?.run).toContain('describeWithCorpus')
    for (const job of jobs) expect(job.env?.GITOPS_CORPUS_REQUIRED).toBeUndefined()
  })
})
