import { randomBytes } from 'node:crypto'

import type { CollectionSlug, Payload, Where } from 'payload'

import { DIGEST_DELIVERIES_SLUG, DIGEST_RUNS_SLUG } from '../../collections/newsletterRuns'
import { NEWSROOM_INDEX_SLUG } from '../../collections/newsroomIndex'
import { SUBSCRIBERS_SLUG } from '../../collections/subscribers'
import { fromAddress, type Frequency, newsletterSettings, preferencesUrl, sleep, type Subscriber, topicIds, unsubscribeUrl } from './common'
import { ensureUnsubscribeNonce } from './sendMail'
import { type DigestItem, digestMail } from './templates'

const SUBS = SUBSCRIBERS_SLUG as CollectionSlug
const RUNS = DIGEST_RUNS_SLUG as CollectionSlug
const DELIVERIES = DIGEST_DELIVERIES_SLUG as CollectionSlug
const INDEX = NEWSROOM_INDEX_SLUG as CollectionSlug

type Delivery = { id: string | number; status: 'queued' | 'sending' | 'sent' | 'failed'; leaseUntil?: string | null; claimedBy?: string | null; attempts?: number | null }

/** Calendar date in Stockholm, YYYY-MM-DD. */
const stockholmDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d)

/** `daily:2026-11-24` or `weekly:2026-W48` (ISO week), by the Stockholm calendar. */
export function periodKey(frequency: Frequency, now: Date): string {
  const day = stockholmDate(now)
  if (frequency === 'daily') return `daily:${day}`
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3) // Thursday of this week decides the year
  const year = date.getUTCFullYear()
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86400_000 / 7)
  return `weekly:${year}-W${String(week).padStart(2, '0')}`
}

export type DigestResult = { runId: string | number; periodKey: string; sent: number; skipped: number; failed: number }

/**
 * One digest run for `frequency`: every active subscriber of that frequency, read in pages by id,
 * gets at most one mail per period. The UNIQUE `dedupeKey` of the delivery row is the claim.
 *
 * Crash window: a delivery is `queued` until it is handed to SMTP, then `sending` until marked
 * `sent`/`failed`. A worker killed while `queued` (or between retries) leaves a lease that expires
 * after `leaseMs`; the next run takes the row over and sends. A worker killed while `sending`
 * (after handing the mail to SMTP, before recording the answer — milliseconds) leaves an outcome we
 * cannot know: the next run marks it `failed` instead of resending, so a subscriber never gets two
 * mails for one period (at-most-once), at the price of possibly none in that rare case.
 */
export async function runDigest(payload: Payload, args: { frequency: Frequency; period?: string | null; now?: Date }): Promise<DigestResult> {
  const settings = newsletterSettings(payload)
  const startedAt = args.now ?? new Date()
  const key = args.period || periodKey(args.frequency, startedAt)
  const run = await payload.create({
    collection: RUNS,
    data: { periodKey: key, frequency: args.frequency, startedAt: startedAt.toISOString(), sent: 0, skipped: 0, failed: 0 } as never,
    overrideAccess: true,
    depth: 0,
  })
  const worker = `${run.id}:${randomBytes(6).toString('hex')}`
  const counts = { sent: 0, skipped: 0, failed: 0 }
  let lastId: string | number | undefined
  for (;;) {
    const where: Where = { and: [{ status: { equals: 'active' } }, { frequency: { equals: args.frequency } }, ...(lastId != null ? [{ id: { greater_than: lastId } }] : [])] }
    const page = await payload.find({ collection: SUBS, where, sort: 'id', limit: settings.batchSize, pagination: false, depth: 0, overrideAccess: true })
    for (const s of page.docs as unknown as Subscriber[]) {
      lastId = s.id
      const outcome = await deliver(payload, s, { key, startedAt, runId: run.id, worker }).catch((err) => {
        payload.logger.error({ err, msg: `newsletter: digest for subscriber ${s.id} failed` })
        return 'failed' as const
      })
      counts[outcome]++
    }
    if (page.docs.length < settings.batchSize) break
  }
  await payload.update({ collection: RUNS, id: run.id, data: { ...counts, finishedAt: new Date().toISOString() } as never, overrideAccess: true, depth: 0 })
  return { runId: run.id, periodKey: key, ...counts }
}

/** Items published after `since` (up to `until`) in the subscriber's locale and topics (with descendants). */
export async function collectItems(payload: Payload, s: Subscriber, since: Date, until: Date, max: number): Promise<DigestItem[]> {
  const topics = topicIds(s)
  const range = (field: string): Where[] => [{ [field]: { greater_than: since.toISOString() } }, { [field]: { less_than_equal: until.toISOString() } }]
  const where: Where = {
    and: [
      { locale: { equals: s.locale } },
      // News and press: their published date. Events are dated by their start, so: when they were indexed (published).
      { or: [{ and: [{ type: { not_equals: 'events' } }, ...range('date')] }, { and: [{ type: { equals: 'events' } }, ...range('createdAt')] }] },
      ...(topics.length ? [{ or: topics.map((id) => ({ topicPath: { contains: `|${id}|` } })) }] : []),
    ],
  }
  let { docs } = await payload.find({ collection: INDEX, where, sort: '-date', limit: max, pagination: false, depth: 0, overrideAccess: true })
  // An event's index row is rewritten on every edit: keep only events first published in the window.
  const eventIds = docs.filter((r) => (r as unknown as { type: string }).type === 'events').map((r) => (r as unknown as { doc: string }).doc)
  if (eventIds.length) {
    const fresh = await payload.find({
      collection: newsletterSettings(payload).eventsSlug as CollectionSlug,
      where: { and: [{ id: { in: eventIds } }, { publishedAt: { greater_than: since.toISOString() } }] },
      limit: eventIds.length,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const keep = new Set(fresh.docs.map((d) => String(d.id)))
    docs = docs.filter((r) => (r as unknown as { type: string }).type !== 'events' || keep.has((r as unknown as { doc: string }).doc))
  }
  return docs.map((row) => {
    const d = (row as unknown as { data: Record<string, unknown>; type: string }).data ?? {}
    return { title: String(d.title ?? ''), summary: (d.summary as string | null) ?? null, url: String(d.url ?? ''), date: String(d.date ?? ''), type: (row as unknown as { type: string }).type }
  })
}

type Ctx = { key: string; startedAt: Date; runId: string | number; worker: string }

async function deliver(payload: Payload, s: Subscriber, ctx: Ctx): Promise<'sent' | 'skipped' | 'failed'> {
  const settings = newsletterSettings(payload)
  const since = new Date(s.lastDigestAt ?? s.confirmedAt ?? ctx.startedAt)
  const items = await collectItems(payload, s, since, ctx.startedAt, settings.maxItems)
  if (!items.length) return 'skipped'

  const delivery = await claim(payload, s, items.length, ctx)
  if (!delivery) return 'skipped'

  const nonce = await ensureUnsubscribeNonce(payload, s)
  const unsubscribe = unsubscribeUrl(payload, nonce)
  const mail = digestMail(s.locale, items, { unsubscribe, preferences: preferencesUrl(payload, nonce) })
  const host = new URL(settings.serverURL).hostname
  const headers = {
    'List-Unsubscribe': `<${unsubscribe}>, <mailto:${settings.unsubscribeMailto ?? fromAddress(payload)}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': settings.listId ?? `<nyhetsbrev.${host}>`,
  }

  let lastError = ''
  for (let attempt = (delivery.attempts ?? 0) + 1, tries = 0; tries < settings.maxAttempts; attempt++, tries++) {
    await updateDelivery(payload, delivery.id, { status: 'sending', attempts: attempt })
    try {
      await payload.sendEmail({ to: s.email, subject: mail.subject, html: mail.html, text: mail.text, headers })
      await updateDelivery(payload, delivery.id, { status: 'sent', sentAt: new Date().toISOString(), lastError: null })
      await payload.update({ collection: SUBS, id: s.id, data: { lastDigestAt: ctx.startedAt.toISOString(), failedInRow: 0 } as never, overrideAccess: true, depth: 0 })
      return 'sent'
    } catch (err) {
      const code = Number((err as { responseCode?: number }).responseCode)
      lastError = `${Number.isFinite(code) ? `${code} ` : ''}${(err as Error).message}`.slice(0, 1000)
      const temporary = !(code >= 500 && code < 600) // 4xx, and connection errors without a code, are worth another try
      if (!temporary || tries + 1 >= settings.maxAttempts) break
      // Back to queued: if this worker dies while waiting, the next run may take the row over.
      await updateDelivery(payload, delivery.id, { status: 'queued', lastError })
      await sleep(settings.retryDelaysMs[Math.min(tries, settings.retryDelaysMs.length - 1)] ?? 0)
    }
  }
  await updateDelivery(payload, delivery.id, { status: 'failed', lastError })
  const failedInRow = (s.failedInRow ?? 0) + 1
  await payload.update({
    collection: SUBS,
    id: s.id,
    data: { failedInRow, ...(failedInRow >= settings.bounceAfter ? { status: 'bounced' } : {}) } as never,
    overrideAccess: true,
    depth: 0,
  })
  return 'failed'
}

const updateDelivery = (payload: Payload, id: string | number, data: Record<string, unknown>) =>
  payload.update({ collection: DELIVERIES, id, data: data as never, overrideAccess: true, depth: 0 })

/**
 * Inserts the delivery row (the claim). On a UNIQUE conflict another worker owns this period for
 * this subscriber, unless its lease ran out while the row was still `queued`: then take it over.
 */
async function claim(payload: Payload, s: Subscriber, items: number, ctx: Ctx): Promise<Delivery | null> {
  const settings = newsletterSettings(payload)
  const dedupeKey = `${s.id}:${ctx.key}`
  const lease = () => new Date(Date.now() + settings.leaseMs).toISOString()
  try {
    return (await payload.create({
      collection: DELIVERIES,
      data: { dedupeKey, run: ctx.runId, subscriber: s.id, periodKey: ctx.key, status: 'queued', attempts: 0, leaseUntil: lease(), claimedBy: ctx.worker, items } as never,
      overrideAccess: true,
      depth: 0,
    })) as unknown as Delivery
  } catch {
    // Conflict (or a transient error): look at the row that is there.
  }
  const existing = (await payload.find({ collection: DELIVERIES, where: { dedupeKey: { equals: dedupeKey } }, limit: 1, depth: 0, overrideAccess: true, pagination: false }))
    .docs[0] as unknown as Delivery | undefined
  if (!existing) return null
  const now = new Date().toISOString()
  const expired = !existing.leaseUntil || existing.leaseUntil < now
  if (!expired) return null
  if (existing.status === 'sending') {
    // Handed to SMTP by a worker that died before recording the answer: do not risk a second mail.
    await payload.db.updateMany({
      collection: DELIVERIES,
      where: { and: [{ id: { equals: existing.id } }, { status: { equals: 'sending' } }] },
      data: { status: 'failed', lastError: 'interrupted while sending; not retried to avoid a duplicate' },
    })
    return null
  }
  if (existing.status !== 'queued') return null
  // Conditional take-over, then read back who won.
  await payload.db.updateMany({
    collection: DELIVERIES,
    where: { and: [{ id: { equals: existing.id } }, { status: { equals: 'queued' } }, { leaseUntil: { less_than: now } }] },
    data: { leaseUntil: lease(), claimedBy: ctx.worker, run: ctx.runId },
  })
  const mine = (await payload.findByID({ collection: DELIVERIES, id: existing.id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as Delivery | null
  return mine && mine.claimedBy === ctx.worker && mine.status === 'queued' ? mine : null
}
