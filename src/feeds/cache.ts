import type { CollectionSlug, Payload } from 'payload'

import { NEWSROOM_INDEX_SLUG } from '../../collections/newsroomIndex'

export type CachedFeed = { body: string; etag: string; lastModified: Date; contentType: string }

/**
 * Rendered feeds, kept until the listing index changes. Any change to the index (publish,
 * update, unpublish, delete, scheduled publish) changes its fingerprint: the row count and the
 * newest row's timestamp. Changes in this process clear the cache at once (`invalidate`); changes
 * made by other instances on the same database are noticed within `recheckMs`.
 */
export class FeedCache {
  private entries = new Map<string, CachedFeed>()
  private fingerprint: string | null = null
  private checkedAt = 0
  private checking: Promise<void> | null = null

  constructor(private readonly recheckMs: number, private readonly maxEntries = 500) {}

  invalidate() {
    this.entries.clear()
    this.checkedAt = 0
  }

  private async refresh(payload: Payload) {
    const fingerprint = await indexFingerprint(payload)
    if (fingerprint !== this.fingerprint) {
      this.entries.clear()
      this.fingerprint = fingerprint
    }
    this.checkedAt = Date.now()
  }

  async get(payload: Payload, key: string, render: () => Promise<CachedFeed>): Promise<CachedFeed> {
    if (Date.now() - this.checkedAt >= this.recheckMs) {
      this.checking ??= this.refresh(payload).finally(() => (this.checking = null))
      await this.checking
    }
    const hit = this.entries.get(key)
    if (hit) return hit
    const fresh = await render()
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, fresh)
    return fresh
  }
}

/** Changes whenever a row of the listing index is added, replaced or removed. */
export async function indexFingerprint(payload: Payload): Promise<string> {
  const collection = NEWSROOM_INDEX_SLUG as CollectionSlug
  const [{ totalDocs }, newest] = await Promise.all([
    payload.count({ collection, overrideAccess: true }),
    payload.find({ collection, sort: '-updatedAt', limit: 1, pagination: false, depth: 0, overrideAccess: true, select: { updatedAt: true } as never }),
  ])
  return `${totalDocs}:${(newest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
}

/** One cache per Payload instance. */
const caches = new WeakMap<Payload, FeedCache>()
export const feedCacheFor = (payload: Payload, recheckMs: number) => {
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new FeedCache(recheckMs)))
  return cache
}
