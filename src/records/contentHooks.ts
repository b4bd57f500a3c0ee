import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { actorLabel, actorOf, writeAudit } from './audit.js'
import { recordDeletion, recordedDeleteKey } from './recordedDelete.js'
import { mediaUsedByPublished, wasEverPublished } from './wasEverPublished.js'

type Prev = { status?: string; archived?: boolean }
const prevStates = (req: PayloadRequest) => ((req.context.newsroomRecordsPrev ??= {}) as Record<string, Prev>)

/** The main row as stored (a draft save leaves it as it was; publish and unpublish write it). */
const mainRow = (req: PayloadRequest, slug: string, id: string | number) =>
  req.payload.db.findOne({ collection: slug, where: { id: { equals: id } }, req }) as Promise<{ _status?: string; archived?: boolean } | null>

/** Stamps `publishedBy` on a published save (it goes into that version) and notes the state before the change. */
export const recordsBeforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, collection }) => {
  if (data._status === 'published') data.publishedBy = actorLabel(actorOf(req))
  if (operation === 'update' && originalDoc?.id != null) {
    const main = await mainRow(req, collection.slug, originalDoc.id)
    prevStates(req)[`${collection.slug}:${originalDoc.id}`] = { status: main?._status, archived: Boolean(main?.archived) }
  }
  return data
}

/** Writes the audit rows of a publish, unpublish, scheduled run, archive or unarchive, in the change's transaction. */
export const recordsAfterChange =
  (options: ResolvedNewsroomOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req, collection }) => {
    const slug = collection.slug
    const key = `${slug}:${doc.id}`
    const prev: Prev = operation === 'create' ? {} : (prevStates(req)[key] ?? {})
    delete prevStates(req)[key]
    const published = doc._status === 'published'
    const unpublished = !published && prev.status === 'published' && (await mainRow(req, slug, doc.id))?._status !== 'published'
    if (!published && !unpublished) return doc
    const actor = actorOf(req)
    const { docs } = await req.payload.db.findVersions({ collection: slug, where: { parent: { equals: doc.id } }, sort: '-createdAt', limit: 1, pagination: false, req })
    const base = { collection: slug, document: doc.id, title: doc.title ?? null, version: (docs[0] as { id?: string | number } | undefined)?.id ?? null }
    const audit = options.records.auditLog.slug
    if (actor.job) await writeAudit(req, audit, { ...base, action: 'scheduledRun', details: { result: published ? 'publish' : 'unpublish' } }, actor)
    await writeAudit(req, audit, { ...base, action: published ? 'publish' : 'unpublish' }, actor)
    if (published && Boolean(doc.archived) !== Boolean(prev.archived)) await writeAudit(req, audit, { ...base, action: doc.archived ? 'archive' : 'unarchive' }, actor)
    return doc
  }

export const DELETE_ENDPOINT = '/api/newsroom/records/{collection}/{id}/delete'

const refuse = (what: string) =>
  new APIError(
    `${what} cannot be deleted here: it is a public record. Unpublish or archive it instead; an admin can delete it with a written reason through POST ${DELETE_ENDPOINT}.`,
    403,
    undefined,
    true,
  )

/** Server code (the Local API without a user: scripts, jobs) may delete; the deletion is recorded all the same. */
const SERVER_REASON = 'Deleted by server code (Local API without a user)'
const serverReason = (req: PayloadRequest) => (typeof req.context?.newsroomDeleteReason === 'string' ? req.context.newsroomDeleteReason : SERVER_REASON)

/**
 * A user's plain delete of a document that has ever been published is refused (they go through the
 * records delete endpoint); server code's is recorded as that endpoint would.
 */
export const refusePublishedDelete =
  (options: ResolvedNewsroomOptions): CollectionBeforeDeleteHook =>
  async ({ id, req, collection }) => {
    if (req.context?.newsroomRecordedDelete === recordedDeleteKey(collection.slug, id)) return
    if (!(await wasEverPublished(req.payload, options, collection.slug, id, req))) return
    if (req.user) throw refuse('A document that has been published')
    await recordDeletion(req, options, collection.slug, id, serverReason(req))
  }

/** Same for media shown by a published version. */
export const refuseUsedMediaDelete =
  (options: ResolvedNewsroomOptions): CollectionBeforeDeleteHook =>
  async ({ id, req, collection }) => {
    if (req.context?.newsroomRecordedDelete === recordedDeleteKey(collection.slug, id)) return
    const uses = await mediaUsedByPublished(req.payload, options, id, req)
    if (!uses.length) return
    if (req.user) throw refuse('A file used by a published version')
    await recordDeletion(req, options, collection.slug, id, serverReason(req))
  }
