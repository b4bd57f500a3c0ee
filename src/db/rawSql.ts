import type { Payload } from 'payload'

/**
 * Raw SQL through the database adapter's own connection: libsql's client on SQLite, the pg pool on
 * PostgreSQL. The one place that reaches into `payload.db` for them; MongoDB (or any other
 * adapter) gets null, and the caller goes through Payload instead.
 */

export type SqlRow = Record<string, unknown>
export type SqlStatement = { text: string; params?: unknown[] }

type Common = {
  /** One statement with its parameters bound (`?` on SQLite, `$1`, `$2`… on PostgreSQL); its rows. */
  query: (text: string, params?: unknown[]) => Promise<SqlRow[]>
  /** The n-th (1-based) parameter's placeholder. */
  placeholder: (n: number) => string
  /** A table's name as SQL: quoted, and on PostgreSQL qualified by the adapter's schema unless that is `public`. */
  table: (name: string) => string
  /** Whether a table (or view, or index) of that name exists. */
  hasTable: (name: string) => Promise<boolean>
}

export type SqliteSql = Common & {
  dialect: 'sqlite'
  /** The statements in one write transaction; rows affected by each. */
  writeBatch: (statements: SqlStatement[]) => Promise<number[]>
}

/** A statement inside a PostgreSQL transaction: its rows and how many rows it affected. */
export type PgTransactionQuery = (text: string, params?: unknown[]) => Promise<{ rows: SqlRow[]; rowCount: number }>

export type PostgresSql = Common & {
  dialect: 'postgres'
  /** `fn` on one pooled connection between BEGIN and COMMIT (ROLLBACK when it throws; the error is rethrown). */
  transaction: <T>(fn: (query: PgTransactionQuery) => Promise<T>) => Promise<T>
}

export type RawSql = SqliteSql | PostgresSql

type Rows = { rows: SqlRow[] }
type Adapter = {
  name: string
  schemaName?: string
  client?: {
    execute: (q: { sql: string; args: unknown[] }) => Promise<Rows>
    batch: (q: { sql: string; args: unknown[] }[], mode: 'write') => Promise<{ rowsAffected: number }[]>
  }
  pool?: {
    query: (text: string, params?: unknown[]) => Promise<Rows>
    connect: () => Promise<{ query: (text: string, params?: unknown[]) => Promise<Rows & { rowCount: number | null }>; release: () => void }>
  }
}

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`

const made = new WeakMap<object, RawSql | null>()

/** The raw SQL of the adapter, made once per adapter; null where it is not SQLite or PostgreSQL. */
export function rawSql(payload: Payload): RawSql | null {
  let sql = made.get(payload.db)
  if (sql === undefined) {
    sql = make(payload.db as unknown as Adapter)
    made.set(payload.db, sql)
  }
  return sql
}

/** The `sqlite` or `postgres` case for the adapter's dialect; null for other adapters. */
export function sqlQuery<T>(payload: Payload, cases: { sqlite: (sql: SqliteSql) => T; postgres: (sql: PostgresSql) => T }): T | null {
  const sql = rawSql(payload)
  if (!sql) return null
  return sql.dialect === 'sqlite' ? cases.sqlite(sql) : cases.postgres(sql)
}

function make(db: Adapter): RawSql | null {
  if (db.name === 'sqlite' && db.client) {
    const client = db.client
    const query = async (text: string, params: unknown[] = []) => (await client.execute({ sql: text, args: params })).rows
    return {
      dialect: 'sqlite',
      query,
      placeholder: () => '?',
      table: quoteIdentifier,
      hasTable: async (name) => (await query(`SELECT 1 FROM sqlite_master WHERE name = ?`, [name])).length > 0,
      writeBatch: async (statements) => (await client.batch(statements.map((s) => ({ sql: s.text, args: s.params ?? [] })), 'write')).map((r) => r.rowsAffected),
    }
  }
  if (db.name === 'postgres' && db.pool) {
    const pool = db.pool
    const schema = db.schemaName && db.schemaName !== 'public' ? `${quoteIdentifier(db.schemaName)}.` : ''
    const table = (name: string) => `${schema}${quoteIdentifier(name)}`
    const query = async (text: string, params: unknown[] = []) => (await pool.query(text, params)).rows
    return {
      dialect: 'postgres',
      query,
      placeholder: (n) => `$${n}`,
      table,
      hasTable: async (name) => (await query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table(name)]))[0]?.present === true,
      transaction: async (fn) => {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const result = await fn(async (text, params) => {
            const res = await client.query(text, params)
            return { rows: res.rows, rowCount: res.rowCount ?? 0 }
          })
          await client.query('COMMIT')
          return result
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {})
          throw err
        } finally {
          client.release()
        }
      },
    }
  }
  return null
}
