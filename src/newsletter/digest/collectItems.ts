import type { Payload, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../../options.js'
import { type Subscriber, topicIds } from '../common.js'
import type { DigestItem } from '../templates.js'

/** Items published after `since` (up to `until`) in the subscriber's locale and topics (with descendants). */
export async function collectItems(payload: Payload, options: ResolvedNewsroomOptions, s: Subscriber, since: Date, until: Date, max: number): Promise<DigestItem[]> {
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
  let { docs } = await payload.find({ collection: options.collections.newsroomIndex.slug, where, sort: '-date', limit: max, pagination: false, depth: 0, overrideAccess: true })
  // An event's index row is rewritten on every edit: keep only events first published in the window.
  const eventIds = docs.filter((r) => (r as unknown as { type: string }).type === 'events').map((r) => (r as unknown as { doc: string }).doc)
  if (eventIds.length) {
    const fresh = await payload.find({
      collection: options.collections.events.slug,
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
