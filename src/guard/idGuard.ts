import type { Payload } from 'payload'

import { BadInput, show } from './badInput'

export type IdType = 'number' | 'text'

/** Numeric ids are PostgreSQL `integer` columns (serial): larger values make the query fail. */
const MAX_NUMBER_ID = 2_147_483_647

/** The id type of a collection: its custom `id` field's, else the database adapter's default. */
export function collectionIdType(payload: Payload, slug: string): IdType {
  const custom = (payload.collections[slug] as { customIDType?: IdType } | undefined)?.customIDType
  return custom ?? (payload.db.defaultIDType === 'number' ? 'number' : 'text')
}

/**
 * An id as the database will take it: a whole number in the integer range for numeric ids, a
 * 24-digit hex ObjectId on MongoDB, otherwise a string without NUL. Throws BadInput (`status`:
 * 400 in a query, 404 for a document path such as /api/news/abc).
 */
export function assertValidId(id: unknown, idType: IdType, label: string, collection: string, payload?: Payload, status = 400) {
  if (idType === 'number') {
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^-?\d{1,10}$/.test(id) ? Number(id) : NaN
    if (!Number.isInteger(n) || Math.abs(n) > MAX_NUMBER_ID) {
      throw new BadInput(`${label}: ${show(id)} is not an id of ${collection} (ids are whole numbers)`, status)
    }
    return
  }
  if (typeof id !== 'string' && typeof id !== 'number') throw new BadInput(`${label}: ${show(id)} is not an id of ${collection}`, status)
  const s = String(id)
  if (s.includes('\u0000') || s.length > 1000) throw new BadInput(`${label}: ${show(id)} is not an id of ${collection}`, status)
  if (payload?.db.name === 'mongoose' && !(payload.collections[collection] as { customIDType?: IdType } | undefined)?.customIDType && !/^[0-9a-f]{24}$/i.test(s)) {
    throw new BadInput(`${label}: ${show(id)} is not an id of ${collection} (a 24-digit hex ObjectId)`, status)
  }
}
