import { inArray } from '@payloadcms/db-sqlite/drizzle'
import type { CollectionSlug, Payload } from 'payload'

type SqlAdapter = {
  drizzle?: { update: (table: unknown) => { set: (values: Record<string, unknown>) => { where: (condition: unknown) => Promise<unknown> } } }
  tables?: Record<string, Record<string, unknown>>
  tableNameMap?: Map<string, string>
}

/**
 * The same data on many rows. On SQL databases one `UPDATE … WHERE field IN (…)` (one commit, where
 * Payload's `updateMany` updates row by row); elsewhere Payload's `updateMany`. The fields are plain
 * columns of the main table.
 */
export async function updateWhereIn(payload: Payload, collection: CollectionSlug, field: string, values: (string | number)[], data: Record<string, unknown>) {
  const db = payload.db as unknown as SqlAdapter
  const table = db.tables?.[db.tableNameMap?.get(collection.replace(/-/g, '_')) ?? '']
  if (db.drizzle && table?.[field] && Object.keys(data).every((k) => k in table)) {
    await db.drizzle.update(table).set(data).where(inArray(table[field] as never, values))
  } else {
    await payload.db.updateMany({ collection, where: { [field]: { in: values } }, data, returning: false })
  }
}
