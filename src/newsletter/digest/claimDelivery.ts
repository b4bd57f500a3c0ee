import type { Payload } from 'payload'

import type { Subscriber } from '../common.js'
import type { DigestRun } from './digestRun.js'

export type Delivery = { id?: string | number; dedupeKey: string; status: 'queued' | 'sending' | 'sent' | 'failed'; leaseUntil?: string | null; claimedBy?: string | null; attempts?: number | null }

/**
 * Inserts the delivery row (the claim), normally `sending` with its first attempt counted. On a
 * UNIQUE conflict another worker owns this period for this subscriber, unless its lease ran out
 * while the row was still `queued`: then take it over (as `sending`, the attempt counted).
 */
export async function claimDelivery(
  payload: Payload,
  s: Subscriber,
  row: { status: 'sending' | 'failed'; items: number; attempts?: number; lastError?: string },
  run: DigestRun,
): Promise<Delivery | null> {
  const deliveries = run.options.collections.digestDeliveries.slug
  const dedupeKey = `${s.id}:${run.key}`
  const lease = () => new Date(Date.now() + run.options.newsletter.leaseMs).toISOString()
  try {
    const now = new Date().toISOString()
    const data = {
      dedupeKey,
      run: run.runId,
      subscriber: s.id,
      periodKey: run.key,
      status: row.status,
      attempts: row.attempts ?? 1,
      leaseUntil: lease(),
      claimedBy: run.worker,
      items: row.items,
      lastError: row.lastError ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await payload.db.create({ collection: deliveries, data, returning: false })
    return data
  } catch {
    // Conflict (or a transient error): look at the row that is there.
  }
  const existing = (await payload.find({ collection: deliveries, where: { dedupeKey: { equals: dedupeKey } }, limit: 1, depth: 0, overrideAccess: true, pagination: false }))
    .docs[0] as unknown as (Delivery & { id: string | number }) | undefined
  if (!existing) return null
  const now = new Date().toISOString()
  const expired = !existing.leaseUntil || existing.leaseUntil < now
  if (!expired) return null
  if (existing.status === 'sending') {
    // Handed to SMTP by a worker that died before recording the answer: do not risk a second mail.
    await payload.db.updateOne({
      collection: deliveries,
      where: { and: [{ id: { equals: existing.id } }, { status: { equals: 'sending' } }] },
      data: { status: 'failed', lastError: 'interrupted while sending; not retried to avoid a duplicate', updatedAt: now },
      returning: false,
    })
    return null
  }
  if (existing.status !== 'queued' || row.status !== 'sending') return null
  // Conditional take-over (the condition is part of the UPDATE, so of two workers only one matches), then read back who won.
  const attempts = (existing.attempts ?? 0) + 1
  await payload.db.updateOne({
    collection: deliveries,
    where: { and: [{ id: { equals: existing.id } }, { status: { equals: 'queued' } }, { leaseUntil: { less_than: now } }] },
    data: { status: 'sending', attempts, leaseUntil: lease(), claimedBy: run.worker, run: run.runId, updatedAt: now },
    returning: false,
  })
  const mine = (await payload.findByID({ collection: deliveries, id: existing.id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as Delivery | null
  return mine && mine.claimedBy === run.worker && mine.status === 'sending' ? mine : null
}
