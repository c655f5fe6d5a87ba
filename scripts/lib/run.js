// Runs a program with a hard time limit and collects its output; never throws for a non-zero exit.
import { spawn } from 'node:child_process'

/** Resolves `{ code, stdout, stderr }`; code is null when the program could not start or was killed. */
export function run(command, args, { cwd, env, timeoutMs = 60_000, onLine } = {}) {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let pending = ''
    let child
    try {
      child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    } catch (error) {
      resolve({ code: null, stdout, stderr: String(error) })
      return
    }
    const timer = setTimeout(() => {
      stderr += `\n${command} did not finish within ${timeoutMs / 1000} s and was stopped`
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      if (!onLine) return
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) onLine(line)
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (onLine) process.stderr.write(chunk)
    })
    child.on('error', (error) => {
      stderr += String(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (onLine && pending !== '') onLine(pending)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Like run, but throws with the program's stderr unless it exits 0; returns trimmed stdout. */
export async function must(command, args, options) {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    const detail = result.stderr.trim() || result.stdout.trim()
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.code}): ${detail}`)
  }
  return result.stdout.trim()
}
