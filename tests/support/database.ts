import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { inject } from 'vitest'

export type TestDatabase = 'sqlite' | 'postgres' | 'mongodb'

/** Which database this vitest project runs the suite against (set per project in vitest.config.ts). */
export const testDatabase = (process.env.TEST_DB ?? 'sqlite') as TestDatabase

/** True when the server for this project is not reachable here; with CI=true that is a failure instead (see globalSetup). */
export const databaseUnavailable = (): string | null => {
  if (testDatabase === 'postgres' && !inject('postgresUrl')) return 'PostgreSQL binaries not installed'
  if (testDatabase === 'mongodb' && !process.env.MONGODB_URL) return 'MONGODB_URL not set'
  return null
}

let counter = 0

/** A fresh, empty database for one test file: a temp SQLite file, a new PostgreSQL database or a new MongoDB database. */
export async function freshDatabaseUrl(): Promise<string> {
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`
  switch (testDatabase) {
    case 'sqlite': {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-sqlite-'))
      return `file:${path.join(dir, 'test.db')}`
    }
    case 'postgres': {
      const base = inject('postgresUrl') as string
      const client = new pg.Client({ connectionString: `${base}/postgres` })
      await client.connect()
      await client.query(`CREATE DATABASE ${name}`)
      await client.end()
      return `${base}/${name}`
    }
    case 'mongodb': {
      const url = new URL(process.env.MONGODB_URL!)
      url.pathname = `/${name}`
      return url.toString()
    }
  }
}
