import type { CollectionBeforeChangeHook } from 'payload'

/**
 * `publishedAt` is set the first time a document is published (an editor may set it by hand,
 * e.g. for imported content). `lastModified` ("Senast ändrad") follows every save unless the
 * save itself sets it.
 */
export const stampDates: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const now = new Date().toISOString()
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) data.publishedAt = now
  const explicit = data.lastModified && data.lastModified !== originalDoc?.lastModified
  if (!explicit) data.lastModified = now
  return data
}
