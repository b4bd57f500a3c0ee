import type { Payload, PayloadRequest } from 'payload'

/** Longer than any request's transaction should live; past it the task runs anyway (see below). */
const MAX_WAIT_MS = 10 * 60_000

const running = new WeakMap<Payload, Set<Promise<void>>>()

/** How long an id may stay on the request after the adapter dropped its session (the COMMIT in flight). */
const COMMIT_GRACE_MS = 5_000

/**
 * Whether the request's transaction may still be open. Payload deletes `req.transactionID` once
 * the operation that began it has committed or rolled back. The SQL adapters drop their session
 * at the START of a commit, before the COMMIT has run, so that alone does not mean committed;
 * only when the id lingers on the request long after (a caller that commits by hand and keeps
 * the id) is it taken as done. Adapters without transactions (SQLite by default, MongoDB without
 * a replica set) leave a promise of null instead, which Payload's dataloader may even turn into
 * `{}` (it writes the id through JSON.stringify and back): that is no transaction.
 */
async function transactionOpen(req: Partial<PayloadRequest> & { payload: Payload }, sessionGoneSince: { at?: number }): Promise<boolean> {
  let id: unknown = req.transactionID
  if (id && typeof (id as PromiseLike<unknown>).then === 'function') id = (await id) == null ? null : req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return false
  const sessions = (req.payload.db as { sessions?: Record<string, unknown> }).sessions
  if (!sessions || String(id) in sessions) return true
  sessionGoneSince.at ??= Date.now()
  return Date.now() - sessionGoneSince.at < COMMIT_GRACE_MS
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
    const sessionGone = {}
    while ((await transactionOpen(req, sessionGone)) && Date.now() - started < MAX_WAIT_MS) await new Promise((r) => setTimeout(r, 5))
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
