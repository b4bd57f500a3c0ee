/** For apps on `@payloadcms/db-sqlite`: writes take turns per database file, so transactions work (see the README). */
export { type SqliteWriteLockOptions, withSqliteWriteLock } from '../db/sqliteWriteLock.js'
