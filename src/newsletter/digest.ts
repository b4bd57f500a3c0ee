import { randomBytes } from 'node:crypto'

import { inArray } from '@payloadcms/db-sqlite/drizzle'
import type { CollectionSlug, Payload, Where } from 'payload'

import { DIGEST_DELIVERIES_SLUG, DIGEST_RUNS_SLUG } from '../../collections/newsletterRuns.js'
import { NEWSROOM_INDEX_SLUG } from '../../collections/newsroomIndex.js'
import { SUBSCRIBERS_SLUG } from '../../collections/subscribers.js'
import { fromAddress, type Frequency, newsletterSettings, preferencesUrl, sleep, type Subscriber, topicIds, unsubscribeUrl } from './common.js'
import { ensureUnsubscribeNonce } from './sendMail.js'
import { type DigestItem, digestMail, esc, type Mail } from './templates.js'

const SUBS = SUBSCRIBERS_SLUG as CollectionSlug
const RUNS = DIGEST_RUNS_SLUG as CollectionSlug
const DELIVERIES = DIGEST_DELIVERIES_SLUG as CollectionSlug
const INDEX = NEWSROOM_INDEX_SLUG as CollectionSlug

type Delivery = { id?: string | number; dedupeKey: string; status: 'queued' | 'sending' | 'sent' | 'failed'; leaseUntil?: string | null; claimedBy?: string | null; attempts?: number | null }
type Outcome = 'sent' | 'skipped' | 'failed'

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

/** What the digest reads of a subscriber. */
const SUBSCRIBER_FIELDS = ['email', 'status', 'locale', 'frequency', 'topics', 'confirmedAt', 'lastDigestAt', 'failedInRow', 'unsubscribeNonce', 'unsubscribeTokenHash'] as const

/**
 * One digest run for `frequency`: every active subscriber of that frequency, read in pages of
 * `batchSize` by id (memory does not grow with the list), gets at most one mail per period. The
 * UNIQUE `dedupeKey` of the delivery row is the claim.
 *
 * What each mail costs is kept small: the items and the rendered mail are made once per (locale,
 * topics, since), only the two personal links are filled in per subscriber; the one write that must
 * be durable before a mail can be delivered is a single INSERT through the database adapter (the
 * claim, already `sending`; no hooks, no document-lock checks). What happened after it (`sent`, the
 * subscriber's `lastDigestAt`) is written in batches: one UPDATE per table for up to `SENT_BATCH`
 * mails or a second, whichever comes first. `IN_FLIGHT` subscribers are worked on at once, but
 * only one mail at a time is between its claim and the SMTP answer (see `handOver`).
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
  const ctx: Ctx = {
    key,
    startedAt,
    runId: run.id,
    worker: `${run.id}:${randomBytes(6).toString('hex')}`,
    content: contentCache(payload, startedAt, settings.maxItems),
    sent: sentMarks(payload, startedAt),
    handoff: mutex(),
  }
  const counts = { sent: 0, skipped: 0, failed: 0 }
  const select = Object.fromEntries(SUBSCRIBER_FIELDS.map((f) => [f, true]))
  let lastId: string | number | undefined
  try {
    for (;;) {
      const where: Where = { and: [{ status: { equals: 'active' } }, { frequency: { equals: args.frequency } }, ...(lastId != null ? [{ id: { greater_than: lastId } }] : [])] }
      const page = await payload.find({ collection: SUBS, where, sort: 'id', limit: settings.batchSize, pagination: false, depth: 0, overrideAccess: true, select: select as never })
      const docs = page.docs as unknown as Subscriber[]
      let next = 0
      const slot = async () => {
        for (let i = next++; i < docs.length; i = next++) {
          const s = docs[i]!
          const outcome = await deliver(payload, s, ctx).catch((err) => {
            payload.logger.error({ err, msg: `newsletter: digest for subscriber ${s.id} failed` })
            return 'failed' as const
          })
          counts[outcome]++
        }
      }
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, docs.length) }, slot))
      lastId = docs.at(-1)?.id ?? lastId
      await ctx.sent.flush()
      if (page.docs.length < settings.batchSize) break
    }
  } finally {
    await ctx.sent.flush()
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

type Links = { unsubscribe: string; preferences: string }
/** A digest rendered once for everyone with the same items; `personalize` puts in the subscriber's links. */
type Content = { items: number; personalize: (links: Links) => Mail }
type Ctx = {
  key: string
  startedAt: Date
  runId: string | number
  worker: string
  content: (s: Subscriber, since: Date) => Promise<Content | null>
  sent: ReturnType<typeof sentMarks>
  /** Waits for the handoff; resolves to its (idempotent) release. */
  handoff: () => Promise<() => void>
}

/** Subscribers being worked on at once: their mails wait for the SMTP answer together; one at a time is handed over. */
const IN_FLIGHT = 4

/** A FIFO lock; the release may be called more than once. */
function mutex(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve()
  return async () => {
    let open!: () => void
    const held = new Promise<void>((resolve) => (open = resolve))
    const before = tail
    tail = before.then(() => held)
    await before
    return open
  }
}

/** Stand-ins for the personal links while rendering: valid URLs that no item or text can contain. */
const PLACEHOLDER: Links = (() => {
  const tag = randomBytes(12).toString('hex')
  return { unsubscribe: `https://${tag}.invalid/unsubscribe`, preferences: `https://${tag}.invalid/preferences` }
})()

function render(locale: string, items: DigestItem[]): Content {
  const mail = digestMail(locale, items, PLACEHOLDER)
  const fill = (text: string, links: Links, encode: (s: string) => string) =>
    text.split(PLACEHOLDER.unsubscribe).join(encode(links.unsubscribe)).split(PLACEHOLDER.preferences).join(encode(links.preferences))
  const both = (text: string) => text.includes(PLACEHOLDER.unsubscribe) && text.includes(PLACEHOLDER.preferences)
  // Should the template ever transform the links, render per subscriber rather than send a stand-in.
  if (!both(mail.html) || !both(mail.text)) return { items: items.length, personalize: (links) => digestMail(locale, items, links) }
  return { items: items.length, personalize: (links) => ({ subject: mail.subject, html: fill(mail.html, links, esc), text: fill(mail.text, links, (x) => x) }) }
}

/**
 * Items and rendered mail per (locale, topics, since) for one run: subscribers who got the last
 * digest share its time as `since`, so a run queries and renders once per topic choice, not once
 * per subscriber. Bounded, so memory stays flat however many distinct keys there are.
 */
function contentCache(payload: Payload, until: Date, maxItems: number) {
  const cache = new Map<string, Promise<Content | null>>()
  return (s: Subscriber, since: Date) => {
    const key = `${s.locale}|${[...new Set(topicIds(s))].sort().join(',')}|${since.toISOString()}`
    let content = cache.get(key)
    if (!content) {
      if (cache.size >= 500) cache.clear()
      content = collectItems(payload, s, since, until, maxItems).then((items) => (items.length ? render(s.locale, items) : null))
      content.catch(() => cache.delete(key))
      cache.set(key, content)
    }
    return content
  }
}

async function deliver(payload: Payload, s: Subscriber, ctx: Ctx): Promise<Outcome> {
  const settings = newsletterSettings(payload)
  const since = new Date(s.lastDigestAt ?? s.confirmedAt ?? ctx.startedAt)
  const content = await ctx.content(s, since)
  if (!content) return 'skipped'

  const nonce = await ensureUnsubscribeNonce(payload, s)
  const unsubscribe = unsubscribeUrl(payload, nonce)
  const mail = content.personalize({ unsubscribe, preferences: preferencesUrl(payload, nonce) })
  const host = new URL(settings.serverURL).hostname
  const headers = {
    'List-Unsubscribe': `<${unsubscribe}>, <mailto:${settings.unsubscribeMailto ?? fromAddress(payload)}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': settings.listId ?? `<nyhetsbrev.${host}>`,
  }

  const dedupeKey = `${s.id}:${ctx.key}`
  let claimed = false
  let attempts = 0
  let tries = 0
  /** The durable `sending` mark: the claim on the first try. False: another worker owns this mail. */
  const markSending = async () => {
    if (!claimed) {
      const delivery = await claim(payload, s, { status: 'sending', items: content.items, attempts: tries }, ctx)
      claimed = delivery !== null
      attempts = delivery?.attempts ?? tries
      return claimed
    }
    await updateDelivery(payload, dedupeKey, { status: 'sending', attempts: ++attempts })
    return true
  }
  let lastError = ''
  while (tries < settings.maxAttempts) {
    tries++
    try {
      await handOver(ctx, markSending, () => payload.sendEmail({ to: s.email, subject: mail.subject, html: mail.html, text: mail.text, headers }))
    } catch (err) {
      if (err === OWNED_ELSEWHERE) return 'skipped'
      const code = Number((err as { responseCode?: number }).responseCode)
      lastError = `${Number.isFinite(code) ? `${code} ` : ''}${(err as Error).message}`.slice(0, 1000)
      const temporary = !(code >= 500 && code < 600) // 4xx, and connection errors without a code, are worth another try
      if (!temporary || tries >= settings.maxAttempts) break
      // Back to queued: if this worker dies while waiting, the next run may take the row over.
      if (claimed) await updateDelivery(payload, dedupeKey, { status: 'queued', lastError })
      await sleep(settings.retryDelaysMs[Math.min(tries - 1, settings.retryDelaysMs.length - 1)] ?? 0)
      continue
    }
    await ctx.sent.add(dedupeKey, s.id)
    return 'sent'
  }
  if (claimed) await updateDelivery(payload, dedupeKey, { status: 'failed', lastError })
  // Refused before the claim was due (e.g. at RCPT TO): the failure is recorded all the same, unless another worker has this mail.
  else if (!(await claim(payload, s, { status: 'failed', items: content.items, attempts: tries, lastError }, ctx))) return 'skipped'
  const failedInRow = (s.failedInRow ?? 0) + 1
  await updateSubscriber(payload, s.id, { failedInRow, ...(failedInRow >= settings.bounceAfter ? { status: 'bounced' } : {}) })
  return 'failed'
}

/** Thrown when another worker holds this period's mail for the subscriber. */
const OWNED_ELSEWHERE = new Error('another worker has this mail')

/**
 * Sends one mail such that it can only be delivered after `markSending` committed, with at most
 * one mail at a time between that commit and the SMTP answer (whose outcome a crash would leave
 * unknown): the claim comes first and the whole exchange is taken in turn. The other subscribers
 * in flight meanwhile read their content and links. The pooled transport keeps each exchange short
 * (no connection set-up, no Nagle delay): about 230 mails/s on this machine.
 */
async function handOver(ctx: Ctx, markSending: () => Promise<boolean>, send: () => Promise<unknown>) {
  const release = await ctx.handoff()
  try {
    if (!(await markSending())) throw OWNED_ELSEWHERE
    await send()
  } finally {
    release()
  }
}

/** Mails per batched `sent` UPDATE (or whatever was sent within a second). */
const SENT_BATCH = 100

/**
 * Sent deliveries not yet marked: one UPDATE of the deliveries and one of the subscribers
 * (`lastDigestAt`, `failedInRow` reset) per batch. A failed flush is logged: its rows stay
 * `sending`, which the next run treats as an unknown outcome (never resent).
 */
function sentMarks(payload: Payload, startedAt: Date) {
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
      await updateWhereIn(payload, DELIVERIES, 'dedupeKey', d, { status: 'sent', sentAt: now, lastError: null, updatedAt: now })
      await updateWhereIn(payload, SUBS, 'id', s, { lastDigestAt: startedAt.toISOString(), failedInRow: 0, updatedAt: now })
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

type SqlAdapter = {
  drizzle?: { update: (table: unknown) => { set: (values: Record<string, unknown>) => { where: (condition: unknown) => Promise<unknown> } } }
  tables?: Record<string, Record<string, unknown>>
  tableNameMap?: Map<string, string>
}

/**
 * The same data on many rows. On SQL databases one `UPDATE … WHERE field IN (…)` (one commit, where
 * Payload's `updateMany` updates row by row); elsewhere Payload's `updateMany`. The fields are plain
 * columns of the main table.
 */
async function updateWhereIn(payload: Payload, collection: CollectionSlug, field: string, values: (string | number)[], data: Record<string, unknown>) {
  const db = payload.db as unknown as SqlAdapter
  const table = db.tables?.[db.tableNameMap?.get(collection.replace(/-/g, '_')) ?? '']
  if (db.drizzle && table?.[field] && Object.keys(data).every((k) => k in table)) {
    await db.drizzle.update(table).set(data).where(inArray(table[field] as never, values))
  } else {
    await payload.db.updateMany({ collection, where: { [field]: { in: values } }, data, returning: false })
  }
}

/** Through the adapter: no hooks, no lock checks, nothing read back. */
const updateDelivery = (payload: Payload, dedupeKey: string, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: DELIVERIES, where: { dedupeKey: { equals: dedupeKey } }, data: { ...data, updatedAt: new Date().toISOString() }, returning: false })

const updateSubscriber = (payload: Payload, id: string | number, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: SUBS, id, data: { ...data, updatedAt: new Date().toISOString() }, returning: false })

/**
 * Inserts the delivery row (the claim), normally `sending` with its first attempt counted. On a
 * UNIQUE conflict another worker owns this period for this subscriber, unless its lease ran out
 * while the row was still `queued`: then take it over (as `sending`, the attempt counted).
 */
async function claim(
  payload: Payload,
  s: Subscriber,
  row: { status: 'sending' | 'failed'; items: number; attempts?: number; lastError?: string },
  ctx: Ctx,
): Promise<Delivery | null> {
  const settings = newsletterSettings(payload)
  const dedupeKey = `${s.id}:${ctx.key}`
  const lease = () => new Date(Date.now() + settings.leaseMs).toISOString()
  try {
    const now = new Date().toISOString()
    const data = {
      dedupeKey,
      run: ctx.runId,
      subscriber: s.id,
      periodKey: ctx.key,
      status: row.status,
      attempts: row.attempts ?? 1,
      leaseUntil: lease(),
      claimedBy: ctx.worker,
      items: row.items,
      lastError: row.lastError ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await payload.db.create({ collection: DELIVERIES, data, returning: false })
    return data
  } catch {
    // Conflict (or a transient error): look at the row that is there.
  }
  const existing = (await payload.find({ collection: DELIVERIES, where: { dedupeKey: { equals: dedupeKey } }, limit: 1, depth: 0, overrideAccess: true, pagination: false }))
    .docs[0] as unknown as (Delivery & { id: string | number }) | undefined
  if (!existing) return null
  const now = new Date().toISOString()
  const expired = !existing.leaseUntil || existing.leaseUntil < now
  if (!expired) return null
  if (existing.status === 'sending') {
    // Handed to SMTP by a worker that died before recording the answer: do not risk a second mail.
    await payload.db.updateOne({
      collection: DELIVERIES,
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
    collection: DELIVERIES,
    where: { and: [{ id: { equals: existing.id } }, { status: { equals: 'queued' } }, { leaseUntil: { less_than: now } }] },
    data: { status: 'sending', attempts, leaseUntil: lease(), claimedBy: ctx.worker, run: ctx.runId, updatedAt: now },
    returning: false,
  })
  const mine = (await payload.findByID({ collection: DELIVERIES, id: existing.id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as Delivery | null
  return mine && mine.claimedBy === ctx.worker && mine.status === 'sending' ? mine : null
}
