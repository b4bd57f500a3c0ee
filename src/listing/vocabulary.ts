import type { Payload } from 'payload'

import { type PostgresSql, type SqliteSql, type SqlRow, sqlQuery } from '../db/rawSql.js'
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
  return (await sqlQuery(payload, { sqlite: (sql) => pruneSqlite(sql, words), postgres: (sql) => prunePostgres(sql, words) })) ?? 0
}

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

async function pruneSqlite(sql: SqliteSql, words?: string[]): Promise<number> {
  if (!(await sql.hasTable('newsroom_fts'))) return 0
  const ids = (rows: SqlRow[]) => rows.map((r) => Number(r.id))
  const unusedOf = async (list: number[]) => ids(await sql.query(`SELECT id FROM newsroom_terms WHERE id IN (SELECT value FROM json_each(?)) AND ${SQLITE_UNUSED}`, [JSON.stringify(list)]))
  let pruned = 0
  for await (const chunk of chunks(
    words,
    async (after) => ids(await sql.query(`SELECT id FROM newsroom_terms WHERE id > ? ORDER BY id LIMIT ${CHUNK}`, [after])),
    async (list) => ids(await sql.query(`SELECT id FROM newsroom_terms WHERE term IN (SELECT value FROM json_each(?))`, [JSON.stringify(list)])),
  )) {
    const unused = chunk.length ? await unusedOf(chunk) : []
    if (unused.length) {
      const doomed = `id IN (SELECT value FROM json_each(?)) AND ${SQLITE_UNUSED}`
      const params = [JSON.stringify(unused)]
      // One write transaction: the trigram index is external-content, so it is told which rows go.
      const [, deleted] = await retryBusy(() =>
        sql.writeBatch([
          { text: `INSERT INTO newsroom_terms_trigram (newsroom_terms_trigram, rowid, term) SELECT 'delete', id, term FROM newsroom_terms WHERE ${doomed}`, params },
          { text: `DELETE FROM newsroom_terms WHERE ${doomed}`, params },
        ]),
      )
      pruned += deleted!
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

async function prunePostgres(sql: PostgresSql, words?: string[]): Promise<number> {
  if (!(await sql.hasTable('newsroom_search'))) return 0
  const terms = sql.table('newsroom_terms')
  const search = sql.table('newsroom_search')
  const unused = `NOT EXISTS (SELECT 1 FROM ${search} AS s WHERE s.terms @> ARRAY[t.id])`
  const ids = (rows: SqlRow[]) => rows.map((r) => Number(r.id))
  // The whole vocabulary: one pass over the term arrays (a GIN lookup per word cost 0.4 ms each here).
  const everyUnused = async function* () {
    const all = ids(await sql.query(`SELECT id FROM ${terms} EXCEPT SELECT unnest(terms) FROM ${search} ORDER BY 1`))
    for (let i = 0; i < all.length; i += 4 * CHUNK) yield all.slice(i, i + 4 * CHUNK) // each batch holds the lock ~0.3 s
  }
  const unusedOf = async function* (list: string[]) {
    for (let i = 0; i < list.length; i += CHUNK) {
      yield ids(await sql.query(`SELECT t.id FROM ${terms} AS t WHERE t.term = ANY($1::varchar[]) AND ${unused}`, [list.slice(i, i + CHUNK)]))
    }
  }
  let pruned = 0
  for await (const candidates of words ? unusedOf(words) : everyUnused()) {
    if (!candidates.length) continue
    try {
      pruned += await sql.transaction(async (query) => {
        // Waits for every transaction that wrote index rows to end, and holds new ones until COMMIT.
        // Given up after a short wait (below deadlock_timeout, so a deadlock always ends here, never
        // in an editor's request): the words stay for the next prune, which is harmless.
        await query(`SET LOCAL lock_timeout = '500ms'`)
        await query(`SELECT pg_advisory_xact_lock(${VOCABULARY_LOCK})`)
        // Checked again as a set: one GIN scan for the rows holding any candidate (normally none).
        const res = await query(`DELETE FROM ${terms} WHERE id = ANY($1::integer[]) AND id NOT IN (SELECT unnest(s.terms) FROM ${search} AS s WHERE s.terms && $1::integer[])`, [candidates])
        return res.rowCount
      })
    } catch (err) {
      if ((err as { code?: string }).code !== '55P03') throw err // lock_not_available
    }
  }
  return pruned
}
