import { POSTGRES_VOCABULARY_LOCK_UP, POSTGRES_WORD_INDEX_DOWN, POSTGRES_WORD_INDEX_UP, SQLITE_WORD_INDEX_DOWN, SQLITE_WORD_INDEX_UP } from '../listing/wordIndexSchema.js'

/** The `db` of a SQLite migration (`MigrateUpArgs` of @payloadcms/db-sqlite): drizzle runs a string as is. */
type SqliteDb = { run: (query: string) => Promise<unknown> }
/** The `db` of a PostgreSQL migration (`MigrateUpArgs` of @payloadcms/db-postgres). */
type PostgresDb = { execute: (query: string) => Promise<unknown> }

/**
 * What the listing's search needs beside the tables Payload's own migrations create: a covering
 * `(locale, type, search)` index on SQLite, the pg_trgm indexes on PostgreSQL, and the word index
 * with its triggers on both (src/listing/wordIndexSchema.ts). Run it in a migration of your own,
 * after the one that creates the plugin's collections, whose whole content is then
 * `export const { up, down } = sqliteSearchMigration` (see the README).
 */
export const SQLITE_SEARCH_UP: string[] = [
  'CREATE INDEX IF NOT EXISTS `newsroom_index_locale_type_search_idx` ON `newsroom_index` (`locale`, `type`, `search`)',
  ...SQLITE_WORD_INDEX_UP,
]
export const SQLITE_SEARCH_DOWN: string[] = [...SQLITE_WORD_INDEX_DOWN, 'DROP INDEX IF EXISTS `newsroom_index_locale_type_search_idx`']

/** pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it. */
export const POSTGRES_SEARCH_UP: string[] = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  'CREATE INDEX IF NOT EXISTS "newsroom_index_search_trgm_idx" ON "newsroom_index" USING gin ("search" gin_trgm_ops)',
  'CREATE INDEX IF NOT EXISTS "newsroom_index_title_search_trgm_idx" ON "newsroom_index" USING gin ("title_search" gin_trgm_ops)',
  POSTGRES_WORD_INDEX_UP,
  POSTGRES_VOCABULARY_LOCK_UP,
]
export const POSTGRES_SEARCH_DOWN: string[] = [
  POSTGRES_WORD_INDEX_DOWN,
  'DROP INDEX IF EXISTS "newsroom_index_title_search_trgm_idx"',
  'DROP INDEX IF EXISTS "newsroom_index_search_trgm_idx"',
]

export const sqliteSearchMigration = {
  up: async ({ db }: { db: SqliteDb }): Promise<void> => {
    for (const statement of SQLITE_SEARCH_UP) await db.run(statement)
  },
  down: async ({ db }: { db: SqliteDb }): Promise<void> => {
    for (const statement of SQLITE_SEARCH_DOWN) await db.run(statement)
  },
}

export const postgresSearchMigration = {
  up: async ({ db }: { db: PostgresDb }): Promise<void> => {
    for (const statement of POSTGRES_SEARCH_UP) await db.execute(statement)
  },
  down: async ({ db }: { db: PostgresDb }): Promise<void> => {
    for (const statement of POSTGRES_SEARCH_DOWN) await db.execute(statement)
  },
}
