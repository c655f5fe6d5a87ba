import type { Runtime, StateKey } from '../../src/lib/runtime.js'

/** A Runtime in memory: inputs from a map; secrets, state, outputs and summaries recorded. */
export function createMemoryRuntime(inputs: Readonly<Record<string, string>> = {}): Runtime & {
  readonly secrets: Set<string>
  readonly state: Map<StateKey, string>
  readonly outputs: Record<string, string>
  readonly summaries: string[]
} {
  const secrets = new Set<string>()
  const state = new Map<StateKey, string>()
  const outputs: Record<string, string> = {}
  const summaries: string[] = []
  return {
    secrets,
    state,
    outputs,
    summaries,
    getInput: (name) => (inputs[name] ?? '').trim(),
    setSecret: (secret) => {
      if (secret !== '') secrets.add(secret)
    },
    saveState: (key, value) => {
      state.set(key, value)
    },
    getState: (key) => state.get(key) ?? '',
    setOutput: (name, value) => {
      outputs[name] = value
    },
    writeSummary: (markdown) => {
      summaries.push(markdown)
      return Promise.resolve()
    }
  }
}
