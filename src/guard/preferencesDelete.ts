import type { Endpoint, Payload, Where } from 'payload'

import { NotFound, UnauthorizedError } from 'payload'

const PREFERENCES = 'payload-preferences'

/**
 * `DELETE /api/payload-preferences/:key` for a key the user has no preference under was a 500
 * on SQLite, not a 404 (Payload 3.90.1: when `db.deleteOne` finds no row it deletes by a
 * `user.value` condition whose join alias the statement lacks: "no such column"). Same answers
 * as Payload's handler, the row found with `find` (which joins) and deleted by id.
 */
export const deletePreferenceEndpoint: Endpoint = {
  path: '/:key',
  method: 'delete',
  handler: async (req) => {
    const { payload, user } = req
    if (!user) throw new UnauthorizedError(req.t)
    const key = req.routeParams?.key
    const where: Where = { and: [{ key: { equals: key } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] }
    const { docs } = await payload.find({ collection: PREFERENCES, where, limit: 1, depth: 0, overrideAccess: true, req })
    if (!docs[0]) throw new NotFound(req.t)
    const deleted = await payload.delete({ collection: PREFERENCES, id: docs[0].id, depth: 0, overrideAccess: true, req })
    return Response.json({ ...deleted, message: req.t('general:deletedSuccessfully') }, { status: 200 })
  },
}

/** Puts the fixed handler in front of Payload's (collections are sanitized after the plugins run). */
export function fixPreferenceDelete(payload: Payload) {
  const config = payload.collections[PREFERENCES]?.config
  if (!config || !Array.isArray(config.endpoints) || config.endpoints.includes(deletePreferenceEndpoint)) return
  config.endpoints.unshift(deletePreferenceEndpoint)
}
