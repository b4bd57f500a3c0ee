import type { Payload, Where } from 'payload'

export type ScheduledJob = { collection: string; id: string; type: 'publish' | 'unpublish'; at: string; locale?: string }

/** Payload's scheduled publish/unpublish jobs still to run (the same query as its schedule drawer), soonest first. */
export async function upcomingScheduled(payload: Payload, collection?: string, limit = 200): Promise<ScheduledJob[]> {
  if (!payload.collections['payload-jobs']) return []
  const and: Where[] = [{ taskSlug: { equals: 'schedulePublish' } }, { waitUntil: { greater_than: new Date().toISOString() } }, { completedAt: { exists: false } }]
  if (collection) and.push({ 'input.doc.relationTo': { equals: collection } })
  const { docs } = await payload.find({ collection: 'payload-jobs', where: { and }, sort: 'waitUntil', limit, depth: 0, overrideAccess: true })
  return docs.flatMap((job) => {
    const input = (job as { input?: { type?: string; locale?: string; doc?: { relationTo?: string; value?: unknown } } }).input
    const waitUntil = (job as { waitUntil?: string | null }).waitUntil
    if (!input?.doc?.relationTo || input.doc.value == null || !waitUntil) return []
    return [{ collection: input.doc.relationTo, id: String(input.doc.value), type: input.type === 'unpublish' ? 'unpublish' : 'publish', at: waitUntil, locale: input.locale }]
  })
}
