import type { GlobalSlug, Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { indexFingerprint } from '../listing/indexCache.js'

/** Row count and newest `updatedAt` of a collection: changes on every create, update and delete. */
async function collectionStamp(payload: Payload, collection: string): Promise<string> {
  const [{ totalDocs }, newest] = await Promise.all([
    payload.count({ collection: collection as never, overrideAccess: true }),
    payload.find({ collection: collection as never, sort: '-updatedAt', limit: 1, pagination: false, depth: 0, overrideAccess: true, select: { updatedAt: true } as never }),
  ])
  return `${totalDocs}:${(newest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
}

async function globalStamp(payload: Payload, slug: string): Promise<string> {
  const doc = (await payload.findGlobal({ slug: slug as GlobalSlug, depth: 0, overrideAccess: true, select: { updatedAt: true } as never })) as { updatedAt?: string } | null
  return doc?.updatedAt ?? ''
}

/**
 * What the public answers (feeds, listing, pages) are made of, as one string that changes when
 * any of it changes: the listing index (every publish, unpublish, edit and delete of an item, and
 * topic renames once re-indexed), the topics (descriptions and the filter tree on the pages),
 * the media (alt texts), and the two globals of the pages (site settings, accessibility statement).
 * Read by the HTTP cache in front of Next at most once a second, so five small queries are cheap.
 */
export async function siteFingerprint(payload: Payload, options: ResolvedNewsroomOptions): Promise<string> {
  const parts = await Promise.all([
    indexFingerprint(payload, options.collections.newsroomIndex.slug),
    collectionStamp(payload, options.collections.topics.slug),
    collectionStamp(payload, options.collections.media.slug),
    globalStamp(payload, options.globals.settings.slug),
    globalStamp(payload, options.globals.accessibility.slug),
  ])
  return parts.join('|')
}
