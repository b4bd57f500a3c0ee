import fs from 'node:fs'
import path from 'node:path'

import type { DatabaseAdapterObj, Migration } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { withSqliteWriteLock } from 'payload-plugin-newsroom/sqlite'

import { migrations as postgresMigrations } from './migrations/postgres/index'
import { migrations as sqliteMigrations } from './migrations/sqlite/index'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const databaseKind = (url: string): DatabaseKind =>
  url.startsWith('file:') ? 'sqlite' : url.startsWith('mongodb') ? 'mongodb' : 'postgres'

/**
 * The adapter for DATABASE_URL. SQL databases never use dev-mode schema push: the committed
 * migrations are applied on start (see `migrateOnInit`), so what runs in tests is what runs in production.
 */
export function databaseAdapter(url: string, root: string): DatabaseAdapterObj {
  switch (databaseKind(url)) {
    case 'sqlite': {
      const file = url.slice('file:'.length)
      if (file && !file.startsWith(':')) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
      // Transactions on, so that a change and its audit row commit together; the lock makes them
      // (and every other write) take turns in this process instead of meeting SQLITE_BUSY.
      // WAL + the busy timeout let `npm run seed` write beside a running server.
      return withSqliteWriteLock(
        sqliteAdapter({
          client: { url },
          push: false,
          migrationDir: path.join(root, 'demo/migrations/sqlite'),
          wal: true,
          busyTimeout: 10_000,
          // libsql begins every write transaction IMMEDIATE (drizzle passes no mode), taking the write lock up front.
          transactionOptions: {},
        }),
        { busyTimeoutMs: 10_000, lockWaitMs: 30_000 },
      )
    }
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: url },
        push: false,
        migrationDir: path.join(root, 'demo/migrations/postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url })
  }
}

export const migrationsFor = (url: string): Migration[] => {
  const kind = databaseKind(url)
  const list = kind === 'sqlite' ? sqliteMigrations : kind === 'postgres' ? postgresMigrations : []
  return list as unknown as Migration[]
}
