import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../../options.js'
import { updateWhereIn } from '../../db/updateWhereIn.js'

/** Mails per batched `sent` UPDATE (or whatever was sent within a second). */
const SENT_BATCH = 100

export type SentMarks = ReturnType<typeof sentMarks>

/**
 * Sent deliveries not yet marked: one UPDATE of the deliveries and one of the subscribers
 * (`lastDigestAt`, `failedInRow` reset) per batch. A failed flush is logged: its rows stay
 * `sending`, which the next run treats as an unknown outcome (never resent).
 */
export function sentMarks(payload: Payload, options: ResolvedNewsroomOptions, startedAt: Date) {
  const { digestDeliveries, subscribers: subscriberRows } = options.collections
  let deliveries: string[] = []
  let subscribers: (string | number)[] = []
  let since = Date.now()
  const flush = async () => {
    since = Date.now()
    if (!deliveries.length) return
    const d = deliveries
    const s = subscribers
    deliveries = []
    subscribers = []
    const now = new Date().toISOString()
    try {
      await updateWhereIn(payload, digestDeliveries.slug, 'dedupeKey', d, { status: 'sent', sentAt: now, lastError: null, updatedAt: now })
      await updateWhereIn(payload, subscriberRows.slug, 'id', s, { lastDigestAt: startedAt.toISOString(), failedInRow: 0, updatedAt: now })
    } catch (err) {
      payload.logger.error({ err, msg: `newsletter: recording ${d.length} sent digests failed; they stay 'sending' (not resent)` })
    }
  }
  return {
    add: async (dedupeKey: string, subscriber: string | number) => {
      deliveries.push(dedupeKey)
      subscribers.push(subscriber)
      if (deliveries.length >= SENT_BATCH || Date.now() - since >= 1000) await flush()
    },
    flush,
  }
}
