import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import type { ItemType } from './types.js'

import { feedCacheFor } from '../feeds/cache.js'
import { afterCommit } from './afterCommit.js'
import { indexItem, newsroomOptions, removeItem } from './indexer.js'
import { queueTopicReindex } from './topicJob.js'
import { pruneVocabulary } from './vocabulary.js'

export const invalidateFeeds = (payload: Payload) => feedCacheFor(payload, newsroomOptions(payload).feeds.recheckMs).invalidate()

/**
 * Rendered feeds are dropped at once and again when the request's transaction has ended: a feed
 * rendered in between read the rows as they were before the commit.
 */
function afterIndexChange(req: PayloadRequest, dropped: string[]) {
  invalidateFeeds(req.payload)
  afterCommit(req, 'feed cache and vocabulary', async () => {
    invalidateFeeds(req.payload)
    if (dropped.length) await pruneVocabulary(req.payload, dropped)
  })
}

/** Keeps the listing index in step on create, update, publish, unpublish, draft saves and scheduled publish. */
export const indexAfterChange =
  (type: ItemType): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    afterIndexChange(req, await indexItem({ payload: req.payload, type, id: doc.id, req }))
    return doc
  }

export const indexAfterDelete =
  (type: ItemType): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    afterIndexChange(req, await removeItem(req.payload, type, id, req))
  }

/** What of a topic the index holds: its title and slug (in the items' categories) and its parent (in topic paths). */
const indexedPart = (topic: Record<string, unknown> | undefined) => {
  const parent = topic?.parent as { id?: unknown } | string | number | null | undefined
  return JSON.stringify([topic?.title, topic?.slug, parent != null && typeof parent === 'object' ? parent.id : (parent ?? null)])
}

/**
 * A renamed or moved topic changes the categories and topic paths of the items under it: that is
 * a job (topicJob.ts), queued here and run right after the request, not done inside it.
 */
export const topicAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation === 'update' && indexedPart(doc) !== indexedPart(previousDoc)) {
    await queueTopicReindex(req, doc.id)
    afterCommit(req, 'feed cache', async () => invalidateFeeds(req.payload)) // feed titles name topics
  }
  return doc
}

export const topicAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  await queueTopicReindex(req, id)
  afterCommit(req, 'feed cache', async () => invalidateFeeds(req.payload))
}
