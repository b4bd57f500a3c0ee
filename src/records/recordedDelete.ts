import type { PayloadRequest, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'
import { writeAudit } from './audit.js'
import { mediaIdsOf, publishedVersions, titleOf } from './publishedVersions.js'

/** Set by the records delete endpoint on the one delete it has recorded. */
export const recordedDeleteKey = (slug: string, id: string | number) => `${slug}:${id}`

/**
 * Deletes a document the admin way, inside `req`'s transaction: its published versions are copied
 * to the retained versions, a "delete" row names what, who and why, then the document goes.
 */
export async function recordedDelete(req: PayloadRequest, options: ResolvedNewsroomOptions, collection: string, id: string | number, reason: string) {
  const done = await recordDeletion(req, options, collection, id, reason)
  if (!done) return null
  await req.payload.delete({ collection, id, req, overrideAccess: true, context: { newsroomRecordedDelete: recordedDeleteKey(collection, id) } })
  return done
}

/** The record of a deletion about to happen: retained published versions and the "delete" audit row. Null when there is no such document. */
export async function recordDeletion(req: PayloadRequest, { records, collections }: ResolvedNewsroomOptions, collection: string, id: string | number, reason: string) {
  const doc = (await req.payload.findByID({ collection, id, depth: 0, draft: true, overrideAccess: true, req, disableErrors: true })) as Record<string, any> | null
  if (!doc) return null
  const versions = req.payload.collections[collection]?.config.versions ? await publishedVersions(req.payload, collection, id, req) : []
  for (const v of versions) {
    await req.payload.create({
      collection: records.retainedVersions.slug,
      req,
      overrideAccess: true,
      depth: 0,
      data: {
        collection,
        document: String(id),
        version: String(v.id),
        title: titleOf(v.version),
        publishedAt: v.createdAt,
        publishedBy: v.version.publishedBy ?? null,
        media: mediaIdsOf(v.version, collections.media.slug),
        data: v.version,
      } as never,
    })
  }
  const title = doc.title ?? doc.alt ?? doc.filename ?? null
  await writeAudit(req, records.auditLog.slug, {
    action: 'delete',
    collection,
    document: id,
    title: typeof title === 'string' ? title : null,
    reason,
    details: { retainedVersions: versions.length, slug: doc.slug ?? null, filename: doc.filename ?? null, createdAt: doc.createdAt ?? null },
  })
  return { retainedVersions: versions.length }
}

/** Removes the retained versions of a deleted document under a retention rule, recorded as a "dispose" row. */
export async function recordedDisposal(req: PayloadRequest, { records }: ResolvedNewsroomOptions, collection: string, id: string | number, reason: string, rule: string) {
  const slug = records.retainedVersions.slug
  const where: Where = { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] }
  const { totalDocs } = await req.payload.db.count({ collection: slug, where, req })
  await writeAudit(req, records.auditLog.slug, { action: 'dispose', collection, document: id, reason, rule, details: { disposedVersions: totalDocs } })
  await req.payload.db.deleteMany({ collection: slug, where, req })
  return { disposedVersions: totalDocs }
}
