import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'
import type { ItemType } from './types.js'

import { feedCacheFor } from '../feeds/cache.js'
import { afterCommit } from './afterCommit.js'
import { facetCacheFor } from './facetCache.js'
import { indexItem, removeItem } from './indexer.js'
import { queueTopicReindex } from './topicJob.js'
import { pruneVocabulary } from './vocabulary.js'

type Options = ResolvedNewsroomOptions

/** The rendered feeds and the facet counts: everything kept in this process until the index changes. */
export const invalidateFeeds = (payload: Payload, options: Options) => {
  feedCacheFor(payload, options).invalidate()
  facetCacheFor(payload, options).invalidate()
}

/**
 * Rendered feeds are dropped at once and again when the request's transaction has ended: a feed
 * rendered in between read the rows as they were before the commit.
 */
function afterIndexChange(req: PayloadRequest, options: Options, dropped: string[]) {
  invalidateFeeds(req.payload, options)
  afterCommit(req, 'feed cache and vocabulary', async () => {
    invalidateFeeds(req.payload, options)
    if (dropped.length) await pruneVocabulary(req.payload, dropped)
  })
}

/** Keeps the listing index in step on create, update, publish, unpublish, draft saves and scheduled publish. */
export const indexAfterChange =
  (options: Options, type: ItemType): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    afterIndexChange(req, options, await indexItem({ payload: req.payload, options, type, id: doc.id, req }))
    return doc
  }

export const indexAfterDelete =
  (options: Options, type: ItemType): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    afterIndexChange(req, options, await removeItem(req.payload, options, type, id, req))
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
export const topicAfterChange =
  (options: Options): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req, operation }) => {
    if (operation === 'update' && indexedPart(doc) !== indexedPart(previousDoc)) {
      await queueTopicReindex(req, doc.id)
      afterCommit(req, 'feed cache', async () => invalidateFeeds(req.payload, options)) // feed titles name topics
    }
    return doc
  }

export const topicAfterDelete =
  (options: Options): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await queueTopicReindex(req, id)
    afterCommit(req, 'feed cache', async () => invalidateFeeds(req.payload, options))
  }
