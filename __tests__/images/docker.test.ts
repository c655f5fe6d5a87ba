import { describe, expect, it } from '@jest/globals'
import { createDocker } from '../../src/images/docker.js'
import { BuildError, InternalError } from '../../src/lib/errors.js'
import { createProcessRunner } from '../../src/lib/exec.js'

describe('createDocker over the process runner', () => {
  it('runs the CLI with the extra environment, stdin and line callbacks', async () => {
    const lines: string[] = []
    // `sh` stands in for the docker CLI: the same runner, argv, env and stdin paths.
    const docker = createDocker(createProcessRunner([], process.env), { GREETING: 'hi' }, 'sh')
    const result = await docker.run(['-c', 'read x; echo "$GREETING $x"; echo oops >&2; exit 3'], {
      input: 'there\n',
      onLine: (line) => lines.push(line)
    })
    expect(result).toMatchObject({ exitCode: 3, stdout: 'hi there\n', stderr: 'oops\n' })
    expect(lines.sort()).toEqual(['hi there', 'oops'])
  })

  it('names the CLI when it cannot be started', async () => {
    const docker = createDocker(createProcessRunner([], process.env), {}, 'no-such-docker-cli')
    await expect(docker.run(['version'])).rejects.toThrow(BuildError)
    await expect(docker.run(['version'])).rejects.toThrow(
      /The docker CLI \('no-such-docker-cli'\) could not be run/
    )
  })

  it('refuses a command line holding a secret (a password goes on stdin only)', async () => {
    const secrets = new Set(['s3cret-value'])
    const docker = createDocker(createProcessRunner(secrets, process.env), {}, 'sh')
    await expect(docker.run(['-c', 'echo s3cret-value'])).rejects.toThrow(InternalError)
    const viaStdin = await docker.run(['-c', 'read p; test "$p" = "$WANT"'], {
      input: 's3cret-value\n',
      env: { WANT: 's3cret-value' }
    })
    expect(viaStdin.exitCode).toBe(0)
  })
})
