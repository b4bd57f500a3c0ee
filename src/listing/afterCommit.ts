import type { Payload, PayloadRequest } from 'payload'

/** Longer than any request's transaction should live; past it the task runs anyway (see below). */
const MAX_WAIT_MS = 10 * 60_000

const running = new WeakMap<Payload, Set<Promise<void>>>()

/**
 * Whether the request still has an open transaction. Payload deletes `req.transactionID` when the
 * operation that began it commits or rolls back, and the SQL adapters drop the session first.
 * Adapters without transactions (SQLite by default, MongoDB without a replica set) leave a
 * promise of null there instead, which Payload's dataloader may even turn into `{}` (it writes
 * the id through JSON.stringify and back): anything but a string or number id is no transaction.
 */
async function transactionOpen(req: Partial<PayloadRequest> & { payload: Payload }): Promise<boolean> {
  let id: unknown = req.transactionID
  if (id && typeof (id as PromiseLike<unknown>).then === 'function') id = (await id) == null ? null : req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return false
  const sessions = (req.payload.db as { sessions?: Record<string, unknown> }).sessions
  return !sessions || String(id) in sessions
}

/**
 * Runs `task` outside the request, once the request's transaction has ended, so that what the
 * task reads is what the request wrote (a job row queued in the transaction, rows it deleted).
 * Never awaited by the request; errors are logged. If the transaction outlives MAX_WAIT_MS the
 * task runs anyway: the tasks given here are safe to run early (they then find nothing to do).
 */
export function afterCommit(req: Partial<PayloadRequest> & { payload: Payload }, label: string, task: () => Promise<unknown>): void {
  const { payload } = req
  const started = Date.now()
  const done = (async () => {
    await new Promise((r) => setImmediate(r)) // after the hook that called us has returned
    while ((await transactionOpen(req)) && Date.now() - started < MAX_WAIT_MS) await new Promise((r) => setTimeout(r, 5))
    await task()
  })().catch((err: unknown) => payload.logger.error({ err, msg: `newsroom: ${label} failed` }))
  let set = running.get(payload)
  if (!set) running.set(payload, (set = new Set()))
  set.add(done)
  void done.finally(() => set.delete(done))
}

/** Resolves when every task handed to `afterCommit` for this instance has finished (tests, shutdown). */
export async function afterCommitSettled(payload: Payload): Promise<void> {
  for (let set = running.get(payload); set?.size; set = running.get(payload)) await Promise.all([...set])
}
