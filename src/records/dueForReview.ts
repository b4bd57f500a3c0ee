import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

export type DueItem = {
  type: 'news' | 'events' | 'press'
  collection: string
  id: string
  title: string
  status: 'draft' | 'published'
  archived: boolean
  reviewBy: string
  editor: { id: string; email: string | null } | null
}

/**
 * Items whose review date (*Granska senast*) is today or earlier, oldest date first, with their
 * responsible editor: what the admin dashboard lists and the reminder job mails about.
 */
export async function dueForReview(payload: Payload, o: ResolvedNewsroomOptions, now = new Date()): Promise<DueItem[]> {
  const out: DueItem[] = []
  for (const type of ['news', 'events', 'press'] as const) {
    const collection = o.collections[type].slug
    const { docs } = await payload.find({
      collection,
      where: { reviewBy: { less_than_equal: now.toISOString() } },
      sort: 'reviewBy',
      depth: 1,
      limit: 0,
      pagination: false,
      draft: true,
      overrideAccess: true,
      locale: o.defaultLocale as 'all',
      select: { title: true, _status: true, archived: true, reviewBy: true, reviewEditor: true } as never,
    })
    for (const d of docs as Record<string, any>[]) {
      const ed = d.reviewEditor
      out.push({
        type,
        collection,
        id: String(d.id),
        title: d.title ?? '',
        status: d._status === 'published' ? 'published' : 'draft',
        archived: Boolean(d.archived),
        reviewBy: new Date(d.reviewBy).toISOString(),
        editor: ed == null ? null : typeof ed === 'object' ? { id: String(ed.id), email: ed.email ?? null } : { id: String(ed), email: null },
      })
    }
  }
  return out.sort((a, b) => a.reviewBy.localeCompare(b.reviewBy))
}
