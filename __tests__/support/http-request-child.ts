// Run by the HTTP client tests as its own node process (with publish/helpers/ts-hooks.js): one
// request with the client, then nothing, so the test sees whether the process ends by itself
// once the request is over. Reads CHILD_URL and CHILD_TIMEOUT_MS; the proxy variables come from
// its environment, passed to the client as the settings layer would. Prints one JSON line.
import { createHttpClient } from '../../src/lib/http.js'

const started = performance.now()
try {
  const response = await createHttpClient({ env: process.env }).request({
    method: 'POST',
    url: process.env.CHILD_URL ?? '',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    timeoutMs: Number(process.env.CHILD_TIMEOUT_MS)
  })
  console.log(JSON.stringify({ status: response.status, ms: performance.now() - started }))
} catch (error) {
  const { message, timedOut } = error as { message: string; timedOut?: boolean }
  console.log(JSON.stringify({ error: message, timedOut, ms: performance.now() - started }))
}
