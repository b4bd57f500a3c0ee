import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { POSTGRES_WORD_INDEX_DOWN, POSTGRES_WORD_INDEX_UP, searchText } from 'payload-plugin-newsroom/migrations'

/**
 * The listing's word index (see src/listing/wordIndexSchema.ts). Rows written before it hold the
 * search text as lower-cased prose; they are rewritten as word lists first, which is what the
 * index reads and what `indexItem` writes from now on.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  const { rows } = await db.execute<{ id: number; search: string | null; title_search: string | null }>(sql`SELECT id, search, title_search FROM newsroom_index`)
  const changed = rows
    .map((row) => ({ id: row.id, search: searchText(row.search), title: searchText(row.title_search), row }))
    .filter((r) => r.search !== (r.row.search ?? '') || r.title !== (r.row.title_search ?? ''))
  for (let i = 0; i < changed.length; i += 1000) {
    const batch = changed.slice(i, i + 1000)
    const values = sql.join(
      batch.map((r) => sql`(${r.id}::integer, ${r.search}, ${r.title})`),
      sql`, `,
    )
    await db.execute(sql`UPDATE newsroom_index AS i SET search = v.search, title_search = v.title FROM (VALUES ${values}) AS v (id, search, title) WHERE i.id = v.id`)
  }
  await db.execute(sql.raw(POSTGRES_WORD_INDEX_UP))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(POSTGRES_WORD_INDEX_DOWN))
}
