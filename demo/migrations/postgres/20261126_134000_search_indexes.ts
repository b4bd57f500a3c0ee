import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Trigram indexes so the listing's `search LIKE '%word%'` and `title_search LIKE '%word%'` can use
 * an index instead of reading every row. pg_trgm ships with PostgreSQL (contrib) and is a trusted
 * extension, so the database owner may create it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS "newsroom_index_search_trgm_idx" ON "newsroom_index" USING gin ("search" gin_trgm_ops);
  CREATE INDEX IF NOT EXISTS "newsroom_index_title_search_trgm_idx" ON "newsroom_index" USING gin ("title_search" gin_trgm_ops);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "newsroom_index_title_search_trgm_idx";
  DROP INDEX IF EXISTS "newsroom_index_search_trgm_idx";`)
}
