import type { Payload, TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

export const TASK_PRUNE_DRAFTS = 'newsroom-prune-draft-versions'
export const RECORDS_QUEUE = 'newsroom-records'

/**
 * Deletes draft versions beyond the newest `keep` per document. Published versions are never
 * touched, nor is a document's latest version. Returns how many versions were deleted.
 */
export async function pruneDraftVersions(payload: Payload, o: ResolvedNewsroomOptions, keep = o.records.keepDraftVersions): Promise<number> {
  let deleted = 0
  for (const type of ['news', 'events', 'press'] as const) {
    const collection = o.collections[type].slug
    const seen = new Map<string, number>()
    const doomed: (string | number)[] = []
    for (let page = 1; ; page++) {
      const res = await payload.db.findVersions({
        collection,
        where: { 'version._status': { not_equals: 'published' } },
        sort: '-createdAt',
        limit: 1000,
        page,
      })
      for (const v of res.docs as { id: string | number; parent: unknown; latest?: boolean; version?: { _status?: string } }[]) {
        if (v.version?._status === 'published') continue
        const parent = String(typeof v.parent === 'object' && v.parent ? (v.parent as { id: unknown }).id : v.parent)
        const n = (seen.get(parent) ?? 0) + 1
        seen.set(parent, n)
        if (n > keep && !v.latest) doomed.push(v.id)
      }
      if (!res.hasNextPage) break
    }
    for (let i = 0; i < doomed.length; i += 500) {
      await payload.db.deleteVersions({ collection, where: { id: { in: doomed.slice(i, i + 500) } } })
    }
    deleted += doomed.length
  }
  return deleted
}

export const pruneDraftsTask = (options: ResolvedNewsroomOptions): TaskConfig => {
  const cron = options.records.pruneSchedule
  return {
    slug: TASK_PRUNE_DRAFTS,
    label: 'Newsroom: prune old draft versions',
    retries: 1,
    schedule: cron ? [{ cron, queue: RECORDS_QUEUE }] : undefined,
    handler: async ({ req }) => ({ output: { deleted: await pruneDraftVersions(req.payload, options) } }),
  }
}
