import * as core from '@actions/core'

/** The logging surface every stage receives, so tests can record what a stage says. */
export interface Logger {
  /** A decision or result the user should see. */
  info(message: string): void
  /** Detail shown only with debug logging. */
  debug(message: string): void
  /** Something the user should act on that does not fail the run. */
  warning(message: string): void
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}

/** The logger backed by `@actions/core` (workflow commands on stdout). */
export const coreLogger: Logger = {
  info: (message) => {
    core.info(message)
  },
  debug: (message) => {
    core.debug(message)
  },
  warning: (message) => {
    core.warning(message)
  },
  group: (title, fn) => core.group(title, fn)
}

/** A logger that keeps every line in memory; for tests and for quiet sub-steps. */
export function createMemoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message) => lines.push(`info: ${message}`),
    debug: (message) => lines.push(`debug: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`)
      return fn()
    }
  }
}
