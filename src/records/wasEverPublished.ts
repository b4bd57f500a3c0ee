import type { Payload, PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { richTextUploadIds } from './richTextUploads.js'

/**
 * True when the document has had a published version: one of its versions is published, or (once
 * deleted) the audit log or the retained versions say so. Pass `req` inside a transaction.
 * (SQLite may give a new document the id of a deleted one; while a document exists, only its own
 * versions count.)
 */
export async function wasEverPublished(payload: Payload, { records }: ResolvedNewsroomOptions, collection: string, id: string | number, req?: Partial<PayloadRequest>): Promise<boolean> {
  const exists = (await payload.db.count({ collection, where: { id: { equals: id } }, req })).totalDocs > 0
  if (payload.collections[collection]?.config.versions) {
    const { docs } = await payload.db.findVersions({
      collection,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      limit: 1,
      pagination: false,
      req,
    })
    if (docs.length) return true
    if (exists) return false
  }
  const inLog = await payload.db.count({
    collection: records.auditLog.slug,
    where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }, { action: { in: ['publish', 'scheduledRun'] } }] },
    req,
  })
  if (inLog.totalDocs) return true
  const retained = await payload.db.count({
    collection: records.retainedVersions.slug,
    where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] },
    req,
  })
  return retained.totalDocs > 0
}

/** The published versions (content collections) that show the media: its id as hero image, attachment or embedded in the body, now or in a retained version. */
export async function mediaUsedByPublished(payload: Payload, o: ResolvedNewsroomOptions, mediaId: string | number, req?: Partial<PayloadRequest>): Promise<{ collection: string; document: string }[]> {
  const uses: { collection: string; document: string }[] = []
  for (const key of ['news', 'events', 'press'] as const) {
    const { slug } = o.collections[key]
    const refs: Where[] = [{ 'version.heroImage': { equals: mediaId } }, ...(key === 'press' ? [{ 'version.attachments': { equals: mediaId } }] : [])]
    const { docs } = await payload.db.findVersions({
      collection: slug,
      where: { and: [{ 'version._status': { equals: 'published' } }, { or: refs }] },
      limit: 10,
      pagination: false,
      req,
    })
    for (const d of docs) uses.push({ collection: slug, document: String((d as { parent: unknown }).parent) })
    // Embedded in the body: no query reaches inside the Lexical JSON on both databases, so the
    // published versions' bodies are read and walked (media deletes are rare; versions are many).
    for (let page = 1; ; page++) {
      const res = await payload.db.findVersions({
        collection: slug,
        where: { 'version._status': { equals: 'published' } },
        select: { parent: true, version: { body: true } } as never,
        locale: 'all',
        limit: 200,
        page,
        req,
      })
      for (const d of res.docs as unknown as { parent: unknown; version?: { body?: unknown } }[]) {
        if (richTextUploadIds(d.version?.body, o.collections.media.slug).has(String(mediaId))) uses.push({ collection: slug, document: String(d.parent) })
      }
      if (!res.hasNextPage) break
    }
  }
  const { docs } = await payload.db.find({
    collection: o.records.retainedVersions.slug,
    where: { media: { contains: `|${mediaId}|` } },
    limit: 10,
    pagination: false,
    req,
  })
  for (const d of docs as unknown as { collection: string; document: string }[]) uses.push({ collection: d.collection, document: d.document })
  return uses
}
