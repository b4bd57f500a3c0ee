import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { ItemType } from './types'

import { feedCacheFor } from '../feeds/cache'
import { indexItem, newsroomOptions, reindexTopic, removeItem } from './indexer'

const invalidateFeeds = (payload: Parameters<typeof newsroomOptions>[0]) => feedCacheFor(payload, newsroomOptions(payload).feeds.recheckMs).invalidate()

/** Keeps the listing index in step on create, update, publish, unpublish, draft saves and scheduled publish. */
export const indexAfterChange =
  (type: ItemType): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await indexItem({ payload: req.payload, type, id: doc.id, req })
    invalidateFeeds(req.payload)
    return doc
  }

export const indexAfterDelete =
  (type: ItemType): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await removeItem(req.payload, type, id, req)
    invalidateFeeds(req.payload)
  }

/** A renamed or moved topic changes the categories and topic paths of the items under it. */
export const topicAfterChange: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation === 'update') {
    await reindexTopic(req.payload, doc.id, req)
    invalidateFeeds(req.payload)
  }
  return doc
}

export const topicAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  await reindexTopic(req.payload, id, req)
  invalidateFeeds(req.payload)
}
