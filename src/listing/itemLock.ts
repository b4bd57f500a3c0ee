import type { Payload, PayloadRequest } from 'payload'

/** First key of the PostgreSQL advisory locks on items being indexed (the second is hashtext(item key)). */
const ITEM_LOCK_SPACE = 7_301_202

type PgTransaction = { session?: { client?: { query: (text: string, params: unknown[]) => Promise<unknown> } } }

const queues = new WeakMap<Payload, Map<string, Promise<unknown>>>()

/**
 * Runs `index` (which deletes an item's index rows and writes them anew) so that two writers of
 * the same item cannot interleave, which would leave both sets of rows (the item listed and
 * counted twice). An editor's save and the topic job, or two saves, can meet like that.
 * - In a PostgreSQL transaction: a transaction-level advisory lock on the item, held until that
 *   transaction ends, so the second writer waits for the first to commit and then deletes its rows.
 * - Without a transaction (SQLite here, where every statement commits at once): one writer per
 *   item at a time in this process.
 */
export async function withItemLock<T>(payload: Payload, key: string, req: Partial<PayloadRequest> | undefined, index: () => Promise<T>): Promise<T> {
  const tx = await transactionOf(payload, req)
  if (tx) {
    await tx.query(`SELECT pg_advisory_xact_lock(${ITEM_LOCK_SPACE}, hashtext($1))`, [key])
    return index()
  }
  let forPayload = queues.get(payload)
  if (!forPayload) queues.set(payload, (forPayload = new Map()))
  const queue = forPayload
  const run = (queue.get(key) ?? Promise.resolve()).then(index, index)
  const tail = run.catch(() => {})
  queue.set(key, tail)
  void tail.then(() => queue.get(key) === tail && queue.delete(key))
  return run
}

/** The connection of the request's PostgreSQL transaction, if it has one. */
async function transactionOf(payload: Payload, req: Partial<PayloadRequest> | undefined) {
  if (payload.db.name !== 'postgres' || !req?.transactionID) return null
  const id = await req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const session = (payload.db as unknown as { sessions?: Record<string, { db?: PgTransaction }> }).sessions?.[String(id)]
  return session?.db?.session?.client ?? null
}
