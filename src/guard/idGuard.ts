import type { Payload, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { BadInput, show } from './badInput.js'

/** `objectid`: MongoDB's default ids (24 hex digits). */
export type IdType = 'number' | 'text' | 'objectid'

/** Numeric ids are PostgreSQL `integer` columns (serial): larger values make the query fail. */
const MAX_NUMBER_ID = 2_147_483_647

type Db = { defaultIDType?: string; name?: string }
const defaultIdType = (db: Db): IdType => (db.defaultIDType === 'number' ? 'number' : db.name === 'mongoose' ? 'objectid' : 'text')

/** The id type of a collection: its custom `id` field's, else the database adapter's default. */
export function collectionIdType(payload: Payload, slug: string): IdType {
  const custom = (payload.collections[slug] as { customIDType?: 'number' | 'text' } | undefined)?.customIDType
  return custom ?? defaultIdType(payload.db as Db)
}

/** The same from the sanitized config (before a Payload instance is at hand). */
export function configIdType(config: SanitizedConfig, collection: SanitizedCollectionConfig): IdType {
  const idField = collection.flattenedFields.find((f) => f.name === 'id')
  if (idField) return idField.type === 'number' ? 'number' : 'text'
  return defaultIdType(config.db as Db)
}

/**
 * An id as the database will take it: a whole number in the integer range, a 24-digit hex
 * ObjectId, or a string without NUL. Throws BadInput (`status`: 400 in a query, 404 for a
 * document path such as /api/news/abc).
 */
export function assertValidId(id: unknown, idType: IdType, label: string, collection: string, status = 400) {
  if (idType === 'number') {
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^-?\d{1,10}$/.test(id) ? Number(id) : NaN
    if (!Number.isInteger(n) || Math.abs(n) > MAX_NUMBER_ID) {
      throw new BadInput(`${label}: ${show(id)} is not an id of ${collection} (ids are whole numbers)`, status)
    }
    return
  }
  const s = typeof id === 'string' || typeof id === 'number' ? String(id) : null
  if (s === null || s.includes('\u0000') || s.length > 1000 || (idType === 'objectid' && !/^[0-9a-f]{24}$/i.test(s))) {
    throw new BadInput(`${label}: ${show(id)} is not an id of ${collection}${idType === 'objectid' ? ' (24 hex digits)' : ''}`, status)
  }
}
