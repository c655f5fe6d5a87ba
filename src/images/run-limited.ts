/** The outcome of one task run by `runLimited`. */
export type Settled<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown }

/**
 * Runs `task` for every item with at most `limit` running at once, in input order, and waits for
 * all of them: a failing task does not stop the others. Results are in input order.
 */
export async function runLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>
): Promise<Settled<R>[]> {
  const results = new Array<Settled<R>>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      try {
        results[index] = { ok: true, value: await task(items[index] as T, index) }
      } catch (error) {
        results[index] = { ok: false, error }
      }
    }
  }
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
