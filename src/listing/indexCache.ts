import type { Payload } from 'payload'

/**
 * Answers made from the listing index (rendered feeds, facet counts), kept until the index changes. Any change to the index (publish,
 * update, unpublish, delete, scheduled publish) changes its fingerprint: the row count and the
 * newest row's timestamp. Changes in this process clear the cache at once (`invalidate`); changes
 * made by other instances on the same database are noticed within `recheckMs`.
 *
 * Single flight: concurrent misses for one key share one render, also right after a change,
 * when every entry is stale at once (one fingerprint check, then one render per key). A render
 * that began before a change is handed to the requests that were waiting for it, but not stored
 * and not shared with requests that came after the change.
 */
export class IndexCache<T> {
  private entries = new Map<string, T>()
  private inflight = new Map<string, { generation: number; feed: Promise<T> }>()
  private fingerprint: string | null = null
  private checkedAt = 0
  private checking: Promise<void> | null = null
  /** Bumped whenever the entries are dropped. */
  private generation = 0

  /** `indexSlug`: the listing index's collection (collections.newsroomIndex.slug). */
  constructor(private readonly recheckMs: number, private readonly indexSlug: string, private readonly maxEntries = 500) {}

  invalidate() {
    this.entries.clear()
    this.generation++
    this.checkedAt = 0
  }

  private async refresh(payload: Payload) {
    const fingerprint = await indexFingerprint(payload, this.indexSlug)
    if (fingerprint !== this.fingerprint) {
      this.entries.clear()
      this.generation++
      this.fingerprint = fingerprint
    }
    this.checkedAt = Date.now()
  }

  async get(payload: Payload, key: string, render: () => Promise<T>): Promise<T> {
    if (Date.now() - this.checkedAt >= this.recheckMs) {
      this.checking ??= this.refresh(payload).finally(() => (this.checking = null))
      await this.checking
    }
    const hit = this.entries.get(key)
    if (hit) return hit
    const flight = this.inflight.get(key)
    if (flight && flight.generation === this.generation) return flight.feed
    const generation = this.generation
    const feed = render().then((fresh) => {
      if (generation === this.generation) {
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
        this.entries.set(key, fresh)
      }
      return fresh
    })
    const settled = () => {
      if (this.inflight.get(key)?.feed === feed) this.inflight.delete(key)
    }
    feed.then(settled, settled)
    this.inflight.set(key, { generation, feed })
    return feed
  }
}

/** Changes whenever a row of the listing index is added, replaced or removed. */
export async function indexFingerprint(payload: Payload, collection: string): Promise<string> {
  const [{ totalDocs }, newest] = await Promise.all([
    payload.count({ collection, overrideAccess: true }),
    payload.find({ collection, sort: '-updatedAt', limit: 1, pagination: false, depth: 0, overrideAccess: true, select: { updatedAt: true } as never }),
  ])
  return `${totalDocs}:${(newest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
}

