import type { Payload, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number }

/**
 * Counts one attempt for `key` in a sliding window, in the database (so every instance sharing it
 * agrees). Insert first, then count: of concurrent attempts, never more than `limit` are let through.
 * A refused attempt removes its own row, so a flood does not extend the block.
 */
export async function hitRateLimit(payload: Payload, options: ResolvedNewsroomOptions, key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const counters = options.collections.rateLimits.slug
  const now = Date.now()
  const row = await payload.create({ collection: counters, data: { key, expiresAt: new Date(now + windowMs).toISOString() } as never, overrideAccess: true, depth: 0 })
  const live: Where = { and: [{ key: { equals: key } }, { expiresAt: { greater_than: new Date(now).toISOString() } }] }
  const { totalDocs } = await payload.count({ collection: counters, where: live, overrideAccess: true })
  if (Math.random() < 0.02) void purgeRateLimits(payload, options).catch(() => {})
  if (totalDocs <= limit) return { ok: true }
  await payload.delete({ collection: counters, id: row.id, overrideAccess: true }).catch(() => {})
  const oldest = await payload.find({ collection: counters, where: live, sort: 'expiresAt', limit: 1, depth: 0, overrideAccess: true, pagination: false })
  const until = oldest.docs[0] ? new Date((oldest.docs[0] as unknown as { expiresAt: string }).expiresAt).getTime() : now + windowMs
  return { ok: false, retryAfter: Math.max(1, Math.ceil((until - now) / 1000)) }
}

/** Deletes expired counter rows. */
export async function purgeRateLimits(payload: Payload, options: ResolvedNewsroomOptions): Promise<void> {
  await payload.db.deleteMany({ collection: options.collections.rateLimits.slug, where: { expiresAt: { less_than: new Date().toISOString() } } })
}
