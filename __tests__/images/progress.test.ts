import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { createProgress } from '../../src/images/progress.js'
import { createMemoryLogger } from '../../src/lib/logger.js'

describe('the note for a line of build output', () => {
  it.each<[string, string | undefined]>([
    ['Step 2/5 : RUN make all', 'step 2/5: RUN make all'],
    ['#7 [2/3] RUN echo hi', 'step 2/3: RUN echo hi'],
    [
      '#9 [build 1/4] FROM docker.io/library/golang',
      'step build 1/4: FROM docker.io/library/golang'
    ],
    ['#3 [internal] load metadata', undefined],
    ['#12 exporting to image', 'exporting to image'],
    ['The push refers to repository [127.0.0.1:5000/x]', 'pushing'],
    [' ---> Running in 1234', undefined],
    ['random output', undefined],
    [`Step 1/1 : RUN ${'x'.repeat(200)}`, `step 1/1: RUN ${'x'.repeat(85)}…`]
  ])('%j', (line, expected) => {
    const logger = createMemoryLogger()
    const progress = createProgress(logger, 60_000, () => 0)
    progress.start('api')
    progress.line('api', line)
    progress.stop()
    expect(logger.lines).toEqual(expected === undefined ? [] : [`info: [api] ${expected}`])
  })
})

describe('createProgress', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it('notes each new step once per image and rolls call while images run', () => {
    jest.useFakeTimers()
    let clock = 0
    const logger = createMemoryLogger()
    const progress = createProgress(logger, 1000, () => clock)
    progress.start('api')
    progress.start('web')
    progress.line('api', 'Step 1/2 : FROM base')
    progress.line('api', 'Step 1/2 : FROM base')
    progress.line('api', 'noise')
    progress.line('web', 'Step 1/3 : FROM scratch')
    progress.line('ghost', 'Step 1/1 : FROM x')
    clock = 3000
    jest.advanceTimersByTime(1000)
    progress.end('api')
    clock = 5000
    jest.advanceTimersByTime(1000)
    progress.end('web')
    jest.advanceTimersByTime(5000)
    progress.stop()
    expect(logger.lines).toEqual([
      'info: [api] step 1/2: FROM base',
      'info: [web] step 1/3: FROM scratch',
      'info: Still running: api 3s (step 1/2: FROM base); web 3s (step 1/3: FROM scratch)',
      'info: Still running: web 5s (step 1/3: FROM scratch)'
    ])
  })
})
