import path from 'node:path'

import type { DatabaseAdapterObj } from 'payload'

/**
 * Makes Payload's transactions usable on SQLite through libsql's local client, which fails them in
 * two ways when requests overlap in one process:
 *
 * 1. `client.transaction()` hands the client's connection to the transaction and opens a new one
 *    for everything after it, with SQLite's default busy timeout of 0: the adapter's
 *    `PRAGMA busy_timeout` applies only to the very first connection.
 * 2. libsql's calls are synchronous. While one request's transaction holds SQLite's write lock,
 *    another request's write on another connection of the same process (a login's throttle row,
 *    a second transaction's BEGIN IMMEDIATE) meets SQLITE_BUSY at once, or with a busy timeout
 *    blocks the event loop, so the holder can never get to its COMMIT, and meets it anyway.
 *
 * So writes wait for each other here, asynchronously: one write transaction or autocommit write
 * statement at a time per database file in this process (a FIFO lock). Reads take no lock: in WAL
 * mode they read the last commit beside a writer. Every new connection gets the busy timeout,
 * which is then only for other processes (a seed or migrate script beside a running server).
 *
 * A transaction takes the lock at its first statement (see `lazyTransaction`).
 *
 * A write made without the transaction's `req` while that transaction is open (the same request
 * waiting for itself) can never get the lock; it fails after `lockWaitMs` with a message saying so.
 */
export type SqliteWriteLockOptions = {
  /** `PRAGMA busy_timeout` on every connection: how long to wait for another process's write. */
  busyTimeoutMs: number
  /** How long a write waits for this process's lock before it fails. */
  lockWaitMs: number
}

type Statement = string | { sql: string; args?: unknown }
type Tx = { commit: () => Promise<void>; rollback: () => Promise<void>; close: () => void }
type LibsqlClient = {
  execute: (stmt: Statement, args?: unknown) => Promise<unknown>
  batch: (stmts: Statement[], mode?: string) => Promise<unknown>
  executeMultiple: (sql: string) => Promise<unknown>
  migrate?: (stmts: Statement[]) => Promise<unknown>
  transaction: (mode?: string) => Promise<Tx>
}
type SqliteAdapter = { client?: LibsqlClient; clientConfig: { url: string }; connect?: (...args: unknown[]) => Promise<void> }

type Release = () => void
type Lock = { acquire: (waitMs: number, what: string) => Promise<Release> }

function fifoLock(): Lock {
  let held = false
  const waiting: Array<() => void> = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else held = false
  }
  const once = (): Release => {
    let done = false
    return () => {
      if (!done) (done = true), release()
    }
  }
  return {
    acquire: async (waitMs, what) => {
      if (!held) {
        held = true
        return once()
      }
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(grant), 1)
          const err = new Error(
            `SQLITE_BUSY: ${what} waited ${waitMs} ms for this process's write lock. ` +
              'Is a write made without the open transaction’s req (it would wait for itself)?',
          ) as Error & { code: string }
          err.code = 'SQLITE_BUSY'
          reject(err)
        }, waitMs)
        waiting.push(grant)
      })
      return once()
    },
  }
}

/** One lock per database file, shared by every client of this process that opens it. */
const locks = new Map<string, Lock>()
const lockFor = (url: string): Lock => {
  const file = url.slice('file:'.length).split('?')[0]!
  if (file === '' || file.startsWith(':')) return fifoLock() // in memory: no other client sees it
  const key = path.resolve(file)
  let lock = locks.get(key)
  if (!lock) locks.set(key, (lock = fifoLock()))
  return lock
}

const sqlOf = (s: Statement) => (typeof s === 'string' ? s : s.sql)
/** Statements that cannot write: they need no lock. Anything else is taken as a write. */
const isRead = (s: Statement) => {
  const sql = sqlOf(s).trimStart()
  if (/^(select|explain)\b/i.test(sql)) return true
  if (/^with\b/i.test(sql)) return !/\b(insert|update|delete|replace)\b/i.test(sql)
  return /^pragma\s+[\w.]+\s*(\([^)]*\))?\s*;?\s*$/i.test(sql)
}

/** Wraps the client's methods in place (drizzle holds this very object). */
function guardClient(client: LibsqlClient, lock: Lock, o: SqliteWriteLockOptions): void {
  const orig = {
    execute: client.execute.bind(client),
    batch: client.batch.bind(client),
    executeMultiple: client.executeMultiple.bind(client),
    migrate: client.migrate?.bind(client),
    transaction: client.transaction.bind(client),
  }
  // The client's next call opens a new connection after each transaction (1. above).
  let fresh = true
  const prepare = async () => {
    if (!fresh) return
    fresh = false
    await orig.execute(`PRAGMA busy_timeout = ${o.busyTimeoutMs}`)
  }
  const locked = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire(o.lockWaitMs, what)
    try {
      await prepare()
      return await run()
    } finally {
      release()
    }
  }

  client.execute = async (stmt, args) => {
    if (isRead(stmt)) {
      await prepare()
      return orig.execute(stmt, args)
    }
    return locked(`"${sqlOf(stmt).slice(0, 60)}"`, () => orig.execute(stmt, args))
  }
  client.batch = async (stmts, mode) => {
    if (mode === 'read' || stmts.every(isRead)) {
      await prepare()
      return orig.batch(stmts, mode)
    }
    return locked('a write batch', () => orig.batch(stmts, mode))
  }
  client.executeMultiple = (sql) => locked('a multi-statement script', () => orig.executeMultiple(sql))
  if (orig.migrate) client.migrate = (stmts) => locked('a migration', () => orig.migrate!(stmts))

  client.transaction = async (mode) => {
    if (mode === 'read') {
      await prepare()
      const tx = await orig.transaction(mode)
      fresh = true
      return tx
    }
    return lazyTransaction(async () => {
      const release = await lock.acquire(o.lockWaitMs, 'a transaction')
      try {
        await prepare()
        const tx = await orig.transaction(mode)
        fresh = true
        return { tx, release }
      } catch (err) {
        release()
        throw err
      }
    })
  }
}

/**
 * A transaction that takes the lock and runs BEGIN at its first statement, not when it is
 * opened: Payload opens some operations' transactions and then first writes outside them
 * (forgotPassword's "reservation" of the user row), which must not wait for the lock the
 * transaction would already hold. Nothing runs in between, so it is the same as a later BEGIN.
 */
function lazyTransaction(begin: () => Promise<{ tx: Tx; release: Release }>): Tx {
  let started: Promise<{ tx: Tx; release: Release }> | null = null
  const real = () => (started ??= begin())
  /** The begun transaction, or null when none began (or BEGIN failed: then nothing is held). */
  const begun = async () => (started ? started.catch(() => null) : null)
  const on = (method: 'execute' | 'batch' | 'executeMultiple') => async (...args: unknown[]) => {
    const { tx } = await real()
    return (tx as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(...args)
  }
  return {
    execute: on('execute'),
    batch: on('batch'),
    executeMultiple: on('executeMultiple'),
    // A failed COMMIT leaves the connection in its transaction: drizzle then calls rollback, which releases.
    commit: async () => {
      const b = await begun()
      if (!b) return
      await b.tx.commit()
      b.release()
    },
    rollback: async () => {
      const b = await begun()
      if (!b) return
      try {
        await b.tx.rollback()
      } finally {
        b.release()
      }
    },
    close: () => {
      void begun().then((b) => {
        if (!b) return
        try {
          b.tx.close()
        } finally {
          b.release()
        }
      })
    },
  } as unknown as Tx
}

/** The sqlite adapter, with its libsql client's writes serialised per database file (see above). */
export function withSqliteWriteLock(adapterObj: DatabaseAdapterObj, o: SqliteWriteLockOptions): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args) as unknown as SqliteAdapter
      const connect = adapter.connect!
      adapter.connect = async function (this: SqliteAdapter, ...rest: unknown[]) {
        const guarded = this.client
        await connect.apply(this, rest)
        if (this.client && this.client !== guarded) guardClient(this.client, lockFor(this.clientConfig.url), o)
      }
      return adapter as never
    },
  }
}
