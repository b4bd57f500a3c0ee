import { randomBytes } from 'node:crypto'

import type { Payload, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../../options.js'
import { type Frequency, type Subscriber } from '../common.js'
import { deliverDigest } from './deliverDigest.js'
import { digestContentCache } from './digestContentCache.js'
import type { DigestRun } from './digestRun.js'
import { mutex } from './mutex.js'
import { periodKey } from './periodKey.js'
import { sentMarks } from './sentMarks.js'

export type DigestResult = { runId: string | number; periodKey: string; sent: number; skipped: number; failed: number }

/** What the digest reads of a subscriber. */
const SUBSCRIBER_FIELDS = ['email', 'status', 'locale', 'frequency', 'topics', 'confirmedAt', 'lastDigestAt', 'failedInRow', 'unsubscribeNonce', 'unsubscribeTokenHash'] as const

/** Subscribers being worked on at once: their mails wait for the SMTP answer together; one at a time is handed over. */
const IN_FLIGHT = 4

/**
 * One digest run for `frequency`: every active subscriber of that frequency, read in pages of
 * `batchSize` by id (memory does not grow with the list), gets at most one mail per period. The
 * UNIQUE `dedupeKey` of the delivery row is the claim (claimDelivery.ts).
 *
 * What each mail costs is kept small: the items and the rendered mail are made once per (locale,
 * topics, since), only the two personal links are filled in per subscriber (digestContentCache.ts);
 * the one write that must be durable before a mail can be delivered is a single INSERT through the
 * database adapter (the claim, already `sending`; no hooks, no document-lock checks). What happened
 * after it (`sent`, the subscriber's `lastDigestAt`) is written in batches: one UPDATE per table for
 * up to `SENT_BATCH` mails or a second, whichever comes first (sentMarks.ts). `IN_FLIGHT`
 * subscribers are worked on at once, but only one mail at a time is between its claim and the SMTP
 * answer (handOver.ts).
 *
 * Crash window: a delivery is `sending` from its claim until marked `sent`/`failed`; a row taken
 * over from a dead worker, or waiting between retries, is `queued`. A worker killed while `queued`
 * leaves a lease that expires after `leaseMs`; the next run takes the row over and sends. A worker
 * killed while `sending` leaves an outcome we cannot know: the next run marks it `failed` instead of
 * resending, so a subscriber never gets two mails for one period (at-most-once), at the price of
 * possibly none for the one mail that was being handed over. Mails the server had in full (their
 * answer outstanding, or their batched `sent` mark not yet written: at most the last second's) are
 * likewise marked `failed` and not resent: delivered, but recorded as failed.
 */
export async function runDigest(
  payload: Payload,
  options: ResolvedNewsroomOptions,
  args: { frequency: Frequency; period?: string | null; now?: Date },
): Promise<DigestResult> {
  const settings = options.newsletter
  const { subscribers, digestRuns } = options.collections
  const startedAt = args.now ?? new Date()
  const key = args.period || periodKey(args.frequency, startedAt)
  const created = await payload.create({
    collection: digestRuns.slug,
    data: { periodKey: key, frequency: args.frequency, startedAt: startedAt.toISOString(), sent: 0, skipped: 0, failed: 0 } as never,
    overrideAccess: true,
    depth: 0,
  })
  const run: DigestRun = {
    options,
    key,
    startedAt,
    runId: created.id,
    worker: `${created.id}:${randomBytes(6).toString('hex')}`,
    content: digestContentCache(payload, options, startedAt),
    sent: sentMarks(payload, options, startedAt),
    handoff: mutex(),
  }
  const counts = { sent: 0, skipped: 0, failed: 0 }
  const select = Object.fromEntries(SUBSCRIBER_FIELDS.map((f) => [f, true]))
  let lastId: string | number | undefined
  try {
    for (;;) {
      const where: Where = { and: [{ status: { equals: 'active' } }, { frequency: { equals: args.frequency } }, ...(lastId != null ? [{ id: { greater_than: lastId } }] : [])] }
      const page = await payload.find({ collection: subscribers.slug, where, sort: 'id', limit: settings.batchSize, pagination: false, depth: 0, overrideAccess: true, select: select as never })
      const docs = page.docs as unknown as Subscriber[]
      let next = 0
      const slot = async () => {
        for (let i = next++; i < docs.length; i = next++) {
          const s = docs[i]!
          const outcome = await deliverDigest(payload, s, run).catch((err) => {
            payload.logger.error({ err, msg: `newsletter: digest for subscriber ${s.id} failed` })
            return 'failed' as const
          })
          counts[outcome]++
        }
      }
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, docs.length) }, slot))
      lastId = docs.at(-1)?.id ?? lastId
      await run.sent.flush()
      if (page.docs.length < settings.batchSize) break
    }
  } finally {
    await run.sent.flush()
  }
  await payload.update({ collection: digestRuns.slug, id: created.id, data: { ...counts, finishedAt: new Date().toISOString() } as never, overrideAccess: true, depth: 0 })
  return { runId: created.id, periodKey: key, ...counts }
}
