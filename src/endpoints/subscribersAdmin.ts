import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { isAdminUser } from '../access.js'
import { BadInput } from '../guard/badInput.js'
import { assertValidWhere } from '../guard/whereGuard.js'
import { isSubscriberStatus, resolveTopic, SUBSCRIBER_STATUSES, subscriberStats, subscriberWhere } from '../admin/subscriberFilter.js'
import { readTextLimited } from '../http/readBodyLimited.js'
import { BadParameter } from '../listing/params.js'
import { DIGEST_QUEUE, TASK_DIGEST } from '../newsletter/common.js'
import { stockholmDay } from '../stockholmDate.js'
import { badParameterResponse } from './items.js'

type Options = ResolvedNewsroomOptions

/** Subscribers read per database query by the CSV export; memory use does not grow with their number. */
export const CSV_PAGE_SIZE = 500

const noStore = { 'cache-control': 'no-store' }
const forbidden = () => Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403, headers: noStore })

type Row = {
  id: string | number
  email: string
  status: string
  topics?: (string | number | { id: string | number })[] | null
  locale?: string | null
  frequency?: string | null
  consent?: { at?: string | null; wordingVersion?: string | null; sourcePage?: string | null } | null
  confirmedAt?: string | null
  unsubscribedAt?: string | null
  lastDigestAt?: string | null
  createdAt: string
}

/** The CSV's columns, in order: header name and value. */
const COLUMNS: [string, (r: Row, topicSlugs: string) => unknown][] = [
  ['email', (r) => r.email],
  ['status', (r) => r.status],
  ['topics', (_, slugs) => slugs],
  ['locale', (r) => r.locale],
  ['frequency', (r) => r.frequency],
  ['consentAt', (r) => r.consent?.at],
  ['consentWordingVersion', (r) => r.consent?.wordingVersion],
  ['consentSourcePage', (r) => r.consent?.sourcePage],
  ['confirmedAt', (r) => r.confirmedAt],
  ['unsubscribedAt', (r) => r.unsubscribedAt],
  ['lastDigestAt', (r) => r.lastDigestAt],
  ['createdAt', (r) => r.createdAt],
]
export const CSV_HEADER = COLUMNS.map(([name]) => name)

/**
 * One RFC 4180 field. A value a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) gets a leading `'`; a value with a comma, quote or line break is quoted, quotes doubled.
 */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const csvLine = (fields: unknown[]) => `${fields.map(csvField).join(',')}\r\n`

/** Calendar date in Stockholm, YYYY-MM-DD (for the file name). */
const today = () => stockholmDay(new Date())

/** `status`, `topic` (slug), `where` (Payload's REST syntax) and `search` (part of the address), all optional and combined with AND. */
async function readFilter(req: PayloadRequest, options: Options): Promise<Where> {
  const { subscribers, topics } = options.collections
  const params = new URL(req.url!).searchParams
  const status = params.get('status') || undefined
  if (status !== undefined && !isSubscriberStatus(status)) throw new BadParameter('status', `must be one of ${SUBSCRIBER_STATUSES.join(', ')}`)
  const topicParam = params.get('topic') || undefined
  const topic = topicParam ? await resolveTopic(req.payload, topics.slug, topicParam) : null
  if (topicParam && !topic) throw new BadParameter('topic', `unknown topic "${topicParam}"`)
  const and: Where[] = []
  const own = subscriberWhere({ status, topicIds: topic?.ids })
  if (own) and.push(own)
  const where = (req.query as { where?: unknown } | undefined)?.where
  if (where !== undefined) {
    if (!where || typeof where !== 'object' || Array.isArray(where)) throw new BadParameter('where', 'must be a where query, e.g. where[status][equals]=active')
    // Checked here, before it is wrapped in the export's own conditions, so the message names the client's path.
    try {
      assertValidWhere(where, { payload: req.payload, collection: req.payload.collections[subscribers.slug]!.config, locale: req.locale, overrideAccess: false })
    } catch (err) {
      if (err instanceof BadInput) {
        const [, path, why] = /^(\S+): (.*)$/s.exec(err.message) ?? [null, 'where', err.message]
        throw new BadParameter('where', `${why} (${path})`)
      }
      throw err
    }
    and.push(where as Where)
  }
  const search = params.get('search')?.trim()
  if (search) and.push({ email: { like: search } })
  return { and }
}

/** Slugs of topic ids, looked up once per export and topic (topics are few; subscribers many). */
function topicSlugs(payload: Payload, topicsSlug: string) {
  const known = new Map<string, string>()
  return {
    load: async (rows: Row[]) => {
      const missing = [...new Set(rows.flatMap((r) => (r.topics ?? []).map((t) => String(typeof t === 'object' ? t.id : t))))].filter((id) => !known.has(id))
      if (!missing.length) return
      const { docs } = await payload.find({ collection: topicsSlug, where: { id: { in: missing } }, pagination: false, depth: 0, select: { slug: true } as never, overrideAccess: true })
      for (const d of docs as unknown as { id: string | number; slug?: string | null }[]) known.set(String(d.id), String(d.slug ?? d.id))
    },
    of: (r: Row) =>
      (r.topics ?? [])
        .map((t) => known.get(String(typeof t === 'object' ? t.id : t)))
        .filter(Boolean)
        .join(';'),
  }
}

/**
 * `GET /api/newsroom/subscribers.csv`: the subscribers as CSV, admins only. Streamed: one page of
 * CSV_PAGE_SIZE subscribers (keyset by id) is read when the client has taken the previous one.
 */
export const subscribersCsvEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/subscribers.csv',
  method: 'get',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return forbidden()
    const { payload } = req
    let filter: Where
    try {
      filter = await readFilter(req, options)
    } catch (err) {
      if (err instanceof BadParameter) return badParameterResponse(err)
      throw err
    }
    const user = req.user!
    const slugs = topicSlugs(payload, options.collections.topics.slug)
    const page = async (after: string | number | undefined) => {
      const where: Where = { and: [filter, ...(after !== undefined ? [{ id: { greater_than: after } }] : [])] }
      const { docs } = await payload.find({
        collection: options.collections.subscribers.slug,
        where,
        sort: 'id',
        limit: CSV_PAGE_SIZE,
        pagination: false,
        depth: 0,
        select: Object.fromEntries(['email', 'status', 'topics', 'locale', 'frequency', 'consent', 'confirmedAt', 'unsubscribedAt', 'lastDigestAt', 'createdAt'].map((f) => [f, true])) as never,
        user,
        overrideAccess: false,
      })
      const rows = docs as unknown as Row[]
      await slugs.load(rows)
      return { rows, text: rows.map((r) => csvLine(COLUMNS.map(([, value]) => value(r, slugs.of(r))))).join('') }
    }
    // The first page is read before answering, so a bad `where` is a 400 and not a cut-off download.
    let current = await page(undefined)
    const encoder = new TextEncoder()
    // highWaterMark 0: no read-ahead, the next page is read only when the client asks for more.
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          controller.enqueue(encoder.encode(csvLine(CSV_HEADER) + current.text))
          if (current.rows.length < CSV_PAGE_SIZE) controller.close()
        },
        async pull(controller) {
          try {
            current = await page(current.rows.at(-1)!.id)
            if (current.text) controller.enqueue(encoder.encode(current.text))
            if (current.rows.length < CSV_PAGE_SIZE) controller.close()
          } catch (err) {
            payload.logger.error({ err, msg: 'newsroom: subscribers CSV export failed' })
            controller.error(err)
          }
        },
      },
      { highWaterMark: 0 },
    )
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="subscribers-${today()}.csv"`,
        ...noStore,
      },
    })
  },
})

/** `GET /api/newsroom/subscribers/stats?topic=`: subscribers per status (within a topic: see README), admins only. */
export const subscriberStatsEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/subscribers/stats',
  method: 'get',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return forbidden()
    const topicParam = new URL(req.url!).searchParams.get('topic') || undefined
    const topic = topicParam ? await resolveTopic(req.payload, options.collections.topics.slug, topicParam) : null
    if (topicParam && !topic) return badParameterResponse(new BadParameter('topic', `unknown topic "${topicParam}"`))
    const stats = await subscriberStats(req.payload, options.collections.subscribers.slug, { topicIds: topic?.ids, user: req.user })
    return Response.json({ topic: topic?.slug ?? null, ...stats }, { headers: noStore })
  },
})

/**
 * `POST /api/newsroom/digest/run` with `{"frequency":"daily"|"weekly"}`: queues the digest job
 * (the admin's "Run digest now"), admins only. Safe to repeat: one mail per subscriber and period.
 */
export const runDigestEndpoint: Endpoint = {
  path: '/newsroom/digest/run',
  method: 'post',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return forbidden()
    const { payload } = req
    if (!payload.config.jobs?.tasks?.some((t) => t.slug === TASK_DIGEST)) {
      return Response.json({ error: 'not_found', message: 'the newsletter is disabled' }, { status: 404, headers: noStore })
    }
    // JSON only: a cross-site form cannot send it without a CORS preflight.
    if ((req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
      return badParameterResponse(new BadParameter('content-type', 'must be application/json', 415))
    }
    const read = await readTextLimited(req, 10_000)
    if (!read.ok) return badParameterResponse(new BadParameter('body', read.reason === 'too_large' ? 'must be at most 10000 bytes' : 'could not be read', read.reason === 'too_large' ? 413 : 400))
    let body: unknown
    try {
      body = JSON.parse(read.text)
    } catch {
      return badParameterResponse(new BadParameter('body', 'is not valid JSON'))
    }
    const frequency = (body as { frequency?: unknown } | null)?.frequency
    if (frequency !== 'daily' && frequency !== 'weekly') return badParameterResponse(new BadParameter('frequency', 'must be daily or weekly'))
    const job = (await payload.jobs.queue({ task: TASK_DIGEST as never, queue: DIGEST_QUEUE, input: { frequency } as never })) as unknown as { id: string | number }
    return Response.json({ ok: true, job: String(job.id), frequency }, { status: 202, headers: noStore })
  },
}

export const subscribersAdminEndpoints = (options: Options): Endpoint[] => [subscribersCsvEndpoint(options), subscriberStatsEndpoint(options), runDigestEndpoint]
