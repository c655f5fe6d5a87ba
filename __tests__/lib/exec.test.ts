import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createProcessRunner, ProgramNotFoundError } from '../../src/lib/exec.js'

describe('process runner', () => {
  const node = process.execPath

  it('returns exit code, output and lines, with env and stdin', async () => {
    const lines: string[] = []
    const runner = createProcessRunner([], process.env)
    const result = await runner.run(
      node,
      [
        '-e',
        'process.stdin.pipe(process.stdout); console.error(process.env.GR_X); process.exitCode = 3'
      ],
      { env: { GR_X: 'from-env' }, input: 'a\nb', onLine: (line) => lines.push(line) }
    )
    expect(result.exitCode).toBe(3)
    expect(result.stdout).toBe('a\nb')
    expect(result.stderr).toBe('from-env\n')
    expect([...lines].sort()).toEqual(['a', 'b', 'from-env'])
  })

  it('keeps multi-byte characters whole when they straddle two chunks of output', async () => {
    // one ASCII byte first, so the 2-byte characters cannot all line up with the pipe's chunks
    const text = `a${'é'.repeat(200_000)}`
    const result = await createProcessRunner([], process.env).run(node, [
      '-e',
      `process.stdout.write('a' + 'é'.repeat(200000))`
    ])
    expect(result.stdout).toBe(text)
    expect(result.output).toBe(text)
  })

  it('refuses a command line that holds a secret, before starting anything', async () => {
    const secrets = new Set<string>()
    const runner = createProcessRunner(secrets, process.env)
    secrets.add('s3cr3t')
    await expect(runner.run(node, ['-e', 'x', 'pass=s3cr3t'])).rejects.toThrow(
      /a secret would be on its command line/
    )
  })

  describe('a program whose name holds a secret', () => {
    // A real program under a folder named after the secret: were the name not checked, it would
    // run and leave its marker file behind.
    const secret = 'n4me-s3cr3t'
    let dir = ''
    let program = ''
    let marker = ''
    const writeMarker = () => [
      '-e',
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`
    ]

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'gr-exec-'))
      mkdirSync(join(dir, secret))
      program = join(dir, secret, 'node')
      symlinkSync(node, program)
      marker = join(dir, 'ran')
    })

    afterEach(() => {
      rmSync(dir, { recursive: true, force: true })
    })

    it('is refused, starts nothing, and the refusal does not print the secret', async () => {
      const runner = createProcessRunner(new Set([secret]), process.env)
      const refusal = runner.run(program, writeMarker())
      await expect(refusal).rejects.toThrow(/a secret would be on its command line/)
      await expect(refusal).rejects.not.toThrow(secret)
      expect(existsSync(marker)).toBe(false)
    })

    it('is not named either when another secret is in an argument', async () => {
      // The argument's secret comes first in the collection.
      const runner = createProcessRunner(new Set(['arg-s3cr3t', secret]), process.env)
      const refusal = runner.run(program, [...writeMarker(), 'arg-s3cr3t'])
      await expect(refusal).rejects.toThrow(/a secret would be on its command line/)
      await expect(refusal).rejects.not.toThrow(secret)
      expect(existsSync(marker)).toBe(false)
    })
  })

  it('says when the program does not exist', async () => {
    const runner = createProcessRunner([], process.env)
    await expect(runner.run('gitops-release-no-such-program', [])).rejects.toBeInstanceOf(
      ProgramNotFoundError
    )
  })
})
