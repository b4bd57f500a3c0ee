import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { SQLITE_WORD_INDEX_DOWN, SQLITE_WORD_INDEX_UP, searchText } from 'payload-plugin-newsroom/migrations'

/**
 * The listing's word index (see src/listing/wordIndexSchema.ts). Rows written before it hold the
 * search text as lower-cased prose; they are rewritten as word lists first, which is what the
 * index reads and what `indexItem` writes from now on.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  const rows = await db.all<{ id: number; search: string | null; title_search: string | null }>(sql`SELECT id, search, title_search FROM newsroom_index`)
  for (const row of rows) {
    const search = searchText(row.search)
    const title = searchText(row.title_search)
    if (search !== (row.search ?? '') || title !== (row.title_search ?? '')) {
      await db.run(sql`UPDATE newsroom_index SET search = ${search}, title_search = ${title} WHERE id = ${row.id}`)
    }
  }
  for (const statement of SQLITE_WORD_INDEX_UP) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of SQLITE_WORD_INDEX_DOWN) await db.run(sql.raw(statement))
}
