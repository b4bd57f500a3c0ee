/** The SQL the listing's search needs beside Payload's own schema, as migrations a consumer runs (see the README). */
export {
  POSTGRES_SEARCH_DOWN,
  POSTGRES_SEARCH_UP,
  postgresSearchMigration,
  SQLITE_SEARCH_DOWN,
  SQLITE_SEARCH_UP,
  sqliteSearchMigration,
} from '../migrations/searchMigrations.js'
export {
  POSTGRES_VOCABULARY_LOCK_DOWN,
  POSTGRES_VOCABULARY_LOCK_UP,
  POSTGRES_WORD_INDEX_DOWN,
  POSTGRES_WORD_INDEX_UP,
  SQLITE_WORD_INDEX_DOWN,
  SQLITE_WORD_INDEX_UP,
} from '../listing/wordIndexSchema.js'
export { searchText } from '../listing/text.js'
export { localeParentIndexName, postgresLocaleParentIndexMigration, sqliteLocaleParentIndexMigration } from '../migrations/localeParentIndexes.js'
