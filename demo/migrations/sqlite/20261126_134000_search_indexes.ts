import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * A covering index for the listing's search facets: `locale = ? AND search LIKE ? GROUP BY type`
 * then reads the narrow index entries instead of every wide row (the rows carry the item JSON and
 * the feed HTML). Not declared in the collection config because PostgreSQL cannot hold long texts
 * in a btree; there the same job is done by pg_trgm (see the postgres migration of the same name).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`newsroom_index_locale_type_search_idx\` ON \`newsroom_index\` (\`locale\`, \`type\`, \`search\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`newsroom_index_locale_type_search_idx\`;`)
}
