import { createHash } from 'node:crypto'

/** The `db` of a SQLite migration (`MigrateUpArgs` of @payloadcms/db-sqlite). */
type SqliteDb = { all: (query: string) => Promise<unknown[]>; run: (query: string) => Promise<unknown> }
/** The `db` of a PostgreSQL migration (`MigrateUpArgs` of @payloadcms/db-postgres). */
type PostgresDb = { execute: (query: string) => Promise<{ rows: unknown[] }> }

/**
 * Payload keeps localized fields in `<table>_locales` with one index, unique on
 * (`_locale`, `_parent_id`), but reads them with `WHERE _parent_id = ?` alone (every language
 * at once): that cannot use the index, so each read of one item scans the whole locales table,
 * bodies included (33 ms for one news item among 63,000 on SQLite). An index on `_parent_id`
 * makes it a lookup. These migrations add one to every locales table that exists when they run
 * (collections, their versions, globals and arrays); a localized collection added later needs
 * them run again in a later migration (they skip what exists).
 */
const SQLITE_LOCALE_TABLES = `SELECT m.name AS name FROM sqlite_master m WHERE m.type = 'table' AND m.name LIKE '%\\_locales' ESCAPE '\\' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = '_parent_id') ORDER BY m.name`
const POSTGRES_LOCALE_TABLES = `SELECT table_name AS name FROM information_schema.columns WHERE column_name = '_parent_id' AND table_schema = current_schema() AND table_name LIKE '%\\_locales' ESCAPE '\\' ORDER BY table_name`

/** PostgreSQL cuts identifiers at 63 bytes: a long table name gets a short hash instead of its tail. */
export function localeParentIndexName(table: string): string {
  const name = `${table}_parent_id_idx`
  return name.length <= 63 ? name : `${table.slice(0, 46)}_${createHash('sha1').update(table).digest('hex').slice(0, 8)}_pidx`
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`
const names = (rows: unknown[]) => rows.map((r) => String((r as { name: unknown }).name))

export const sqliteLocaleParentIndexMigration = {
  up: async ({ db }: { db: SqliteDb }): Promise<void> => {
    for (const t of names(await db.all(SQLITE_LOCALE_TABLES))) await db.run(`CREATE INDEX IF NOT EXISTS ${q(localeParentIndexName(t))} ON ${q(t)} ("_parent_id")`)
  },
  down: async ({ db }: { db: SqliteDb }): Promise<void> => {
    for (const t of names(await db.all(SQLITE_LOCALE_TABLES))) await db.run(`DROP INDEX IF EXISTS ${q(localeParentIndexName(t))}`)
  },
}

export const postgresLocaleParentIndexMigration = {
  up: async ({ db }: { db: PostgresDb }): Promise<void> => {
    for (const t of names((await db.execute(POSTGRES_LOCALE_TABLES)).rows)) await db.execute(`CREATE INDEX IF NOT EXISTS ${q(localeParentIndexName(t))} ON ${q(t)} ("_parent_id")`)
  },
  down: async ({ db }: { db: PostgresDb }): Promise<void> => {
    for (const t of names((await db.execute(POSTGRES_LOCALE_TABLES)).rows)) await db.execute(`DROP INDEX IF EXISTS ${q(localeParentIndexName(t))}`)
  },
}
