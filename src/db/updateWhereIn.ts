import type { CollectionSlug, Payload } from 'payload'

import { quoteIdentifier, rawSql } from './rawSql.js'

/** What the SQL adapters know of their tables: Payload's table names and, per field, the column (its SQL `name`). */
type SqlSchema = { tables?: Record<string, Record<string, { name?: unknown } | undefined>>; tableNameMap?: Map<string, string> }

/**
 * The same data on many rows. On SQL databases one `UPDATE … WHERE field IN (…)` (one commit, where
 * Payload's `updateMany` updates row by row); elsewhere Payload's `updateMany`. The fields are plain
 * columns of the collection's main table.
 */
export async function updateWhereIn(payload: Payload, collection: CollectionSlug, field: string, values: (string | number)[], data: Record<string, unknown>) {
  if (!values.length) return
  const sql = rawSql(payload)
  const schema = payload.db as unknown as SqlSchema
  const name = schema.tableNameMap?.get(collection.replace(/-/g, '_'))
  const columns = name ? schema.tables?.[name] : undefined
  const column = (key: string) => {
    const c = columns?.[key]?.name
    return typeof c === 'string' ? quoteIdentifier(c) : null
  }
  const keys = Object.keys(data)
  if (!sql || !name || !column(field) || !keys.every(column)) {
    await payload.db.updateMany({ collection, where: { [field]: { in: values } }, data, returning: false })
    return
  }
  const params: unknown[] = []
  const p = (value: unknown) => sql.placeholder(params.push(value))
  const set = keys.map((k) => `${column(k)} = ${p(data[k])}`).join(', ')
  await sql.query(`UPDATE ${sql.table(name)} SET ${set} WHERE ${column(field)} IN (${values.map(p).join(', ')})`, params)
}
