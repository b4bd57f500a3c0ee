import type { Payload } from 'payload'

import type { ItemType } from './types.js'

import { type PostgresSql, type RawSql, type SqliteSql, sqlQuery } from '../db/rawSql.js'
import { postgresWordCounts, sqliteWordCounts, sqlitePhaseRowIds, type WordFilter } from './wordIndex.js'

export type FacetFilter = WordFilter

type Driver = {
  sql: RawSql
  from: (f: FacetFilter) => Promise<string>
  /** Counts through the word index; null when there is none or it cannot answer this query. */
  words: (f: FacetFilter) => Promise<Record<ItemType, number> | null>
  /** Whether the database has the word index (made by the migrations; a database made with `push` has none). */
  indexed: () => Promise<boolean>
  /** For one page phase, ids of the matching index rows when there are at most `limit`; only where a page needs them. */
  rowIds?: (f: FacetFilter, types: ItemType[], limit: number, phase: number) => Promise<number[] | null>
}

const SQLITE_TOPIC_INDEX = 'locale_type_topicPath_idx'
const SQLITE_SEARCH_INDEX = 'newsroom_index_locale_type_search_idx'

const drivers = new WeakMap<object, Driver | null>()

/** The driver of the adapter, made once per adapter (so the SQLite index check runs once). */
function driver(payload: Payload): Driver | null {
  let d = drivers.get(payload.db)
  if (d === undefined) {
    d = sqlQuery(payload, { sqlite: sqliteDriver, postgres: postgresDriver })
    drivers.set(payload.db, d)
  }
  return d
}

function sqliteDriver(sql: SqliteSql): Driver {
  let indexes: Promise<Set<string>> | null = null
  // A database made with `push` instead of the migrations has no word index; checked once.
  let wordIndex: Promise<boolean> | null = null
  const hasWordIndex = () => (wordIndex ??= sql.hasTable('newsroom_fts'))
  return {
    sql,
    // Both covering indexes start (locale, type) and SQLite has no statistics to tell the small
    // one from the one holding every search text, so it is told which to read. Checked once,
    // because a database made with `push` instead of the migrations lacks the search index.
    from: async (f) => {
      indexes ??= sql.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'newsroom_index'`).then((rows) => new Set(rows.map((r) => String(r.name))))
      const wanted = f.words.length ? SQLITE_SEARCH_INDEX : SQLITE_TOPIC_INDEX
      return (await indexes).has(wanted) ? `"newsroom_index" INDEXED BY "${wanted}"` : '"newsroom_index"'
    },
    indexed: hasWordIndex,
    words: async (f) => ((await hasWordIndex()) ? sqliteWordCounts(sql.query, f) : null),
    rowIds: async (f, types, limit, phase) => ((await hasWordIndex()) ? sqlitePhaseRowIds(sql.query, f, types, limit, phase) : null),
  }
}

function postgresDriver(sql: PostgresSql): Driver {
  let wordIndex: Promise<boolean> | null = null
  const indexed = () => (wordIndex ??= sql.hasTable('newsroom_search'))
  return {
    sql,
    from: async () => sql.table('newsroom_index'),
    indexed,
    words: async (f) => ((await indexed()) ? postgresWordCounts(sql.query, sql.table, f) : null),
  }
}

/**
 * The three facet counts as ONE grouped count, or null where there is no SQL driver (the caller
 * then counts through Payload). With search words, the word index answers when it can; otherwise
 * (no index, or a word too short to expand) the index rows are read with LIKE.
 */
export async function groupedFacetCounts(payload: Payload, f: FacetFilter): Promise<{ counts: Record<ItemType, number>; via: SearchPath } | null> {
  const q = driver(payload)
  if (!q) return null
  const indexed = f.words.length ? await q.words(f) : null
  return indexed ? { counts: indexed, via: 'word-index' } : { counts: await likeCounts(q, f), via: 'like' }
}

/** How a search was counted: through the word index, or the plain LIKE scan over every search text. */
export type SearchPath = 'word-index' | 'like'

/** Whether the database has the word index; null without an SQL driver (MongoDB, which has none). */
export async function wordIndexPresent(payload: Payload): Promise<boolean | null> {
  const q = driver(payload)
  return q ? q.indexed() : null
}

/**
 * On SQLite, for one phase of a search page (0: title matches, 1: the rest), the ids of the index
 * rows it can show when they are few: a page for a word that almost no item (or no title)
 * holds would otherwise walk every row in date order (0.7–1.2 s at 100,000 items). PostgreSQL
 * finds such rows through its trigram indexes and gets null here.
 */
export async function searchRowIds(payload: Payload, f: FacetFilter, types: ItemType[], limit: number, phase: number): Promise<number[] | null> {
  const q = driver(payload)
  return q?.rowIds && f.words.length ? q.rowIds(f, types, limit, phase) : null
}

/** The LIKE count alone (the fallback; the bench compares it with the word index). */
export async function likeFacetCounts(payload: Payload, f: FacetFilter): Promise<Record<ItemType, number> | null> {
  const q = driver(payload)
  return q ? likeCounts(q, f) : null
}

/**
 * Payload's `contains` is ILIKE on PostgreSQL, which lower-cases every stored text on every row;
 * the stored search text is lower-cased already, so a plain LIKE gives the same answer and lets
 * PostgreSQL use the pg_trgm indexes.
 */
async function likeCounts(q: Driver, f: FacetFilter): Promise<Record<ItemType, number>> {
  const params: unknown[] = []
  const p = (value: unknown) => {
    params.push(value)
    return q.sql.placeholder(params.length)
  }
  const where = [`locale = ${p(f.locale)}`]
  if (f.topicIds.length) where.push(`(${f.topicIds.map((id) => `topic_path LIKE ${p(`%|${id}|%`)}`).join(' OR ')})`)
  for (const w of f.words) where.push(`search LIKE ${p(`%${w}%`)}`)
  if (f.from) where.push(`date >= ${p(f.from.toISOString())}`)
  if (f.to) where.push(`date <= ${p(f.to.toISOString())}`)
  if (f.endsAfter) where.push(`type = 'events' AND ends_at >= ${p(f.endsAfter.toISOString())}`)
  const rows = await q.sql.query(`SELECT type, count(*) AS n FROM ${await q.from(f)} WHERE ${where.join(' AND ')} GROUP BY type`, params)
  const counts: Record<ItemType, number> = { news: 0, events: 0, press: 0 }
  for (const row of rows) if (row.type === 'news' || row.type === 'events' || row.type === 'press') counts[row.type] = Number(row.n)
  return counts
}
