import type { Payload, PayloadRequest } from 'payload'

import { topicIdOf } from './topicAncestors.js'

/** Every topic's parent id (null for a root), read in one query: the map `topicAncestors` walks. */
export async function topicParents(payload: Payload, topicsSlug: string, req?: Partial<PayloadRequest>): Promise<Map<string, string | null>> {
  const { docs } = await payload.find({
    collection: topicsSlug,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { parent: true } as never,
    overrideAccess: true,
    req,
  })
  return new Map((docs as unknown as { id: string | number; parent?: unknown }[]).map((t) => [String(t.id), topicIdOf(t.parent)]))
}
