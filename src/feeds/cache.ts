import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { IndexCache } from '../listing/indexCache.js'

export type CachedFeed = { body: string; etag: string; lastModified: Date; contentType: string }

/** One cache per Payload instance. */
const caches = new WeakMap<Payload, IndexCache<CachedFeed>>()
export const feedCacheFor = (payload: Payload, options: ResolvedNewsroomOptions) => {
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new IndexCache<CachedFeed>(options.feeds.recheckMs, options.collections.newsroomIndex.slug)))
  return cache
}
