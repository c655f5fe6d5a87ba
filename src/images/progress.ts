import type { Logger } from '../lib/logger.js'

const MAX_NOTE = 100

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_NOTE ? `${flat.slice(0, MAX_NOTE - 1)}…` : flat
}

/**
 * A short note for a line of build or push output that starts a new step, else undefined:
 * classic `Step 2/5 : RUN …`, BuildKit `#7 [build 2/5] RUN …`, push `The push refers to …`.
 */
function progressNote(line: string): string | undefined {
  const classic = /^Step (\d+\/\d+) : (.+)$/.exec(line)
  if (classic) return shorten(`step ${classic[1] ?? ''}: ${classic[2] ?? ''}`)
  const buildkit = /^#\d+ \[(?:([^\]\s]+) )?(\d+\/\d+)\] (.+)$/.exec(line)
  if (buildkit) {
    const stage = buildkit[1] ? `${buildkit[1]} ` : ''
    return shorten(`step ${stage}${buildkit[2] ?? ''}: ${buildkit[3] ?? ''}`)
  }
  if (/^#\d+ exporting to image/.test(line) || /^#\d+ pushing layers/.test(line)) {
    return shorten(line.replace(/^#\d+ /, ''))
  }
  if (line.startsWith('The push refers to')) return 'pushing'
  return undefined
}

/** Live progress of the running builds: one line per image per step, and a periodic roll call. */
export interface Progress {
  /** An image's build (or push) started. */
  start(name: string): void
  /** A line of that image's output arrived. */
  line(name: string, text: string): void
  /** That image's build (or push) ended. */
  end(name: string): void
  /** Stops the periodic roll call. */
  stop(): void
}

/**
 * Creates the progress reporter; `intervalMs` is the period of the "still running" line, `now`
 * the injected clock's time (the roll call's timer itself only paces the log).
 */
export function createProgress(logger: Logger, intervalMs: number, now: () => number): Progress {
  const running = new Map<string, { started: number; note: string }>()
  const seconds = (started: number) => Math.round((now() - started) / 1000)
  const timer = setInterval(() => {
    if (running.size === 0) return
    const parts = [...running].map(
      ([name, state]) =>
        `${name} ${seconds(state.started)}s${state.note === '' ? '' : ` (${state.note})`}`
    )
    logger.info(`Still running: ${parts.join('; ')}`)
  }, intervalMs)
  timer.unref()
  return {
    start(name) {
      running.set(name, { started: now(), note: '' })
    },
    line(name, text) {
      const state = running.get(name)
      const note = progressNote(text)
      if (state === undefined || note === undefined || note === state.note) return
      state.note = note
      logger.info(`[${name}] ${note}`)
    },
    end(name) {
      running.delete(name)
    },
    stop() {
      clearInterval(timer)
    }
  }
}
