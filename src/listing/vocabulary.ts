import type { Payload } from 'payload'

import { VOCABULARY_LOCK } from './wordIndexSchema.js'

/**
 * Prunes the word index's vocabulary (`newsroom_terms`, see wordIndexSchema.ts): removes the
 * given words, or with no list every word, that no index row uses any more. Counts never depend
 * on it (a word no row holds only makes a query's expansion one term longer), but without it the
 * vocabulary grows with every edit for ever, and every lookup reads it.
 *
 * Two steps, so writers are held up only by the few words that really go: first the unused
 * words are found without a lock; then, under the write lock (SQLite) or the vocabulary lock
 * (PostgreSQL, taken shared by every index write, see VOCABULARY_LOCK), each of them is checked
 * again and deleted. A word that a concurrent write has just taken up is therefore never deleted.
 * Returns how many words went.
 */
export async function pruneVocabulary(payload: Payload, words?: string[]): Promise<number> {
  const db = payload.db as unknown as SqlAdapter
  if (db.name === 'sqlite' && db.client) return pruneSqlite(db.client, words)
  if (db.name === 'postgres' && db.pool) return prunePostgres(db.pool, db.schemaName && db.schemaName !== 'public' ? `"${db.schemaName.replace(/"/g, '""')}".` : '', words)
  return 0
}

type Rows = { rows: Record<string, unknown>[] }
type SqlAdapter = {
  name: string
  schemaName?: string
  client?: SqliteClient
  pool?: { query: (text: string, params?: unknown[]) => Promise<Rows>; connect: () => Promise<PgClient> }
}
type SqliteClient = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<Rows>
  batch: (q: { sql: string; args: unknown[] }[], mode: 'write') => Promise<{ rowsAffected: number }[]>
}
type PgClient = { query: (text: string, params?: unknown[]) => Promise<Rows & { rowCount: number | null }>; release: () => void }

const CHUNK = 500
const yieldToOthers = () => new Promise((r) => setImmediate(r))

/** The candidates in chunks of ids: the given words, or the whole vocabulary in id order. */
async function* chunks(words: string[] | undefined, ids: (after: number) => Promise<number[]>, byWords: (list: string[]) => Promise<number[]>) {
  if (words) {
    for (let i = 0; i < words.length; i += CHUNK) yield await byWords(words.slice(i, i + CHUNK))
    return
  }
  for (let after = 0; ; ) {
    const list = await ids(after)
    if (!list.length) return
    yield list
    after = list[list.length - 1]!
  }
}

/** SQLite: a word is in use when the contentless FTS5 index still has a row with it (an exact token match). */
const SQLITE_UNUSED = `NOT EXISTS (SELECT 1 FROM newsroom_fts WHERE newsroom_fts MATCH ('"' || replace(newsroom_terms.term, '"', '""') || '"'))`

async function pruneSqlite(client: SqliteClient, words?: string[]): Promise<number> {
  const present = await client.execute({ sql: `SELECT 1 FROM sqlite_master WHERE name = 'newsroom_fts'`, args: [] })
  if (!present.rows.length) return 0
  const ids = (rows: Rows) => rows.rows.map((r) => Number(r.id))
  const unusedOf = async (list: number[]) =>
    ids(await client.execute({ sql: `SELECT id FROM newsroom_terms WHERE id IN (SELECT value FROM json_each(?)) AND ${SQLITE_UNUSED}`, args: [JSON.stringify(list)] }))
  let pruned = 0
  for await (const chunk of chunks(
    words,
    async (after) => ids(await client.execute({ sql: `SELECT id FROM newsroom_terms WHERE id > ? ORDER BY id LIMIT ${CHUNK}`, args: [after] })),
    async (list) => ids(await client.execute({ sql: `SELECT id FROM newsroom_terms WHERE term IN (SELECT value FROM json_each(?))`, args: [JSON.stringify(list)] })),
  )) {
    const unused = chunk.length ? await unusedOf(chunk) : []
    if (unused.length) {
      const doomed = `id IN (SELECT value FROM json_each(?)) AND ${SQLITE_UNUSED}`
      const args = [JSON.stringify(unused)]
      // One write transaction: the trigram index is external-content, so it is told which rows go.
      const [, deleted] = await retryBusy(() =>
        client.batch(
          [
            { sql: `INSERT INTO newsroom_terms_trigram (newsroom_terms_trigram, rowid, term) SELECT 'delete', id, term FROM newsroom_terms WHERE ${doomed}`, args },
            { sql: `DELETE FROM newsroom_terms WHERE ${doomed}`, args },
          ],
          'write',
        ),
      )
      pruned += deleted!.rowsAffected
    }
    await yieldToOthers()
  }
  return pruned
}

/** Another connection writing (`npm run seed` beside the server): try again shortly. */
async function retryBusy<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (err) {
      if (attempt >= 20 || !/SQLITE_BUSY|database is locked/i.test(String((err as { code?: string }).code ?? '') + String(err))) throw err
      await new Promise((r) => setTimeout(r, 50 * attempt))
    }
  }
}

async function prunePostgres(pool: NonNullable<SqlAdapter['pool']>, schema: string, words?: string[]): Promise<number> {
  const present = await pool.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${schema}newsroom_search`])
  if (present.rows[0]?.present !== true) return 0
  const unused = `NOT EXISTS (SELECT 1 FROM ${schema}newsroom_search AS s WHERE s.terms @> ARRAY[t.id])`
  const ids = (rows: Rows) => rows.rows.map((r) => Number(r.id))
  // The whole vocabulary: one pass over the term arrays (a GIN lookup per word cost 0.4 ms each here).
  const everyUnused = async function* () {
    const all = ids(await pool.query(`SELECT id FROM ${schema}newsroom_terms EXCEPT SELECT unnest(terms) FROM ${schema}newsroom_search ORDER BY 1`))
    for (let i = 0; i < all.length; i += 4 * CHUNK) yield all.slice(i, i + 4 * CHUNK) // each batch holds the lock ~0.3 s
  }
  const unusedOf = async function* (list: string[]) {
    for (let i = 0; i < list.length; i += CHUNK) {
      yield ids(await pool.query(`SELECT t.id FROM ${schema}newsroom_terms AS t WHERE t.term = ANY($1::varchar[]) AND ${unused}`, [list.slice(i, i + CHUNK)]))
    }
  }
  let pruned = 0
  for await (const candidates of words ? unusedOf(words) : everyUnused()) {
    if (!candidates.length) continue
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      // Waits for every transaction that wrote index rows to end, and holds new ones until COMMIT.
      // Given up after a short wait (below deadlock_timeout, so a deadlock always ends here, never
      // in an editor's request): the words stay for the next prune, which is harmless.
      await client.query(`SET LOCAL lock_timeout = '500ms'`)
      await client.query(`SELECT pg_advisory_xact_lock(${VOCABULARY_LOCK})`)
      // Checked again as a set: one GIN scan for the rows holding any candidate (normally none).
      const res = await client.query(
        `DELETE FROM ${schema}newsroom_terms WHERE id = ANY($1::integer[]) AND id NOT IN (SELECT unnest(s.terms) FROM ${schema}newsroom_search AS s WHERE s.terms && $1::integer[])`,
        [candidates],
      )
      await client.query('COMMIT')
      pruned += res.rowCount ?? 0
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      if ((err as { code?: string }).code !== '55P03') throw err // lock_not_available
    } finally {
      client.release()
    }
  }
  return pruned
}
