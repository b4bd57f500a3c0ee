import type { ItemType } from './types.js'

/**
 * Facet counts for a search through the word index (see wordIndexSchema.ts): each query word is
 * expanded to the indexed words that contain it, and the counts come from the index, so a search
 * matching most items no longer reads every search text. On SQLite the index also names the rows
 * of a page phase that few items match.
 */

/** One SQL statement with its parameters bound; its rows (`RawSql.query`, src/db/rawSql.ts). */
export type Raw = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

export type WordFilter = {
  locale: string
  topicIds: string[]
  /** Query words as `searchWords` returns them. */
  words: string[]
  from?: Date | null
  to?: Date | null
  endsAfter?: Date
}

/**
 * A word contained in more indexed words than this (a one-letter word, say) is not expanded: it is
 * tested with LIKE on the rows the other words match. When every word is like that, the caller
 * falls back to the plain LIKE count, which gives the same numbers more slowly.
 */
export const MAX_EXPANSION = 500

const TYPE_CODES: Record<number, ItemType> = { 1: 'news', 2: 'events', 3: 'press' }
const ROWID_MASK = 2 ** 40 - 1

export const localeTerm = (locale: string) => `§l${locale.toLowerCase().replace(/[-_]/g, '')}`
export const topicTerm = (id: string) => `§t${id}`
const TITLE = '§h'

const zero = (): Record<ItemType, number> => ({ news: 0, events: 0, press: 0 })

/** `%word%` for LIKE; words never hold `%`, `_` or `\` (searchWords splits on them). */
const containing = (word: string) => `%${word}%`

/**
 * Each query word's indexed words (`%word%` in the vocabulary). A word inside more than
 * MAX_EXPANSION of them (a one-letter word) is not expanded but `scanned`: tested with LIKE on the
 * rows the other words leave. `zero` when a word is in no indexed word; null when no word can use
 * the index.
 */
function sqliteExpand(raw: Raw, f: WordFilter): Promise<Expanded<string> | 'zero' | null> {
  // One listing asks for its counts and for each page phase with the same filter: look words up once.
  let expanded = expansionsOf.get(f)
  if (!expanded) expansionsOf.set(f, (expanded = lookUp(raw, f)))
  return expanded
}

const expansionsOf = new WeakMap<WordFilter, Promise<Expanded<string> | 'zero' | null>>()

async function lookUp(raw: Raw, f: WordFilter): Promise<Expanded<string> | 'zero' | null> {
  const expanded: Expanded<string> = { indexed: [], scanned: [] }
  for (const word of f.words) {
    // The trigram index needs three characters; shorter words read the whole vocabulary.
    const vocabulary = [...word].length >= 3 ? 'newsroom_terms_trigram' : 'newsroom_terms'
    const rows = await raw(`SELECT term FROM ${vocabulary} WHERE term LIKE ? LIMIT ${MAX_EXPANSION + 1}`, [containing(word)])
    if (!rows.length) return 'zero'
    if (rows.length > MAX_EXPANSION) expanded.scanned.push(word)
    else expanded.indexed.push(rows.map((r) => String(r.term)))
  }
  return expanded.indexed.length ? expanded : null
}

type Expanded<T> = { indexed: T[][]; scanned: string[] }

/** FTS5 query text: every word (any of its expansions), as a word of the text or (`§h`) of the title. */
const allWords = (expansions: string[][], prefix = '') => expansions.map((terms) => `(${terms.map((t) => quote(prefix + t)).join(' OR ')})`).join(' AND ')

/** FROM … WHERE for an FTS5 query under the filter's locale, topics and dates, and LIKE for `scanned` words. */
function sqliteFrom(f: WordFilter, words: string, scanned: string[] = []): { from: string; params: unknown[] } {
  const match = [quote(localeTerm(f.locale)), `(${words})`]
  if (f.topicIds.length) match.push(`(${f.topicIds.map((id) => quote(topicTerm(id))).join(' OR ')})`)
  const params: unknown[] = [match.join(' AND ')]
  const p = (value: unknown) => (params.push(value), '?')
  const where = ['newsroom_fts MATCH ?']
  let join = ''
  if (f.from || f.to || f.endsAfter || scanned.length) {
    join = ` JOIN newsroom_index AS i ON i.id = (newsroom_fts.rowid & ${ROWID_MASK})`
    if (f.from) where.push(`i.date >= ${p(f.from.toISOString())}`)
    if (f.to) where.push(`i.date <= ${p(f.to.toISOString())}`)
    if (f.endsAfter) where.push(`i.type = 'events' AND i.ends_at >= ${p(f.endsAfter.toISOString())}`)
    for (const word of scanned) where.push(`i.search LIKE ${p(containing(word))}`)
  }
  return { from: `newsroom_fts${join} WHERE ${where.join(' AND ')}`, params }
}

export async function sqliteWordCounts(raw: Raw, f: WordFilter): Promise<Record<ItemType, number> | null> {
  const expanded = await sqliteExpand(raw, f)
  if (expanded === null || expanded === 'zero') return expanded && zero()
  const q = sqliteFrom(f, allWords(expanded.indexed), expanded.scanned)
  const rows = await raw(`SELECT newsroom_fts.rowid >> 40 AS code, count(*) AS n FROM ${q.from} GROUP BY code`, q.params)
  const counts = zero()
  for (const row of rows) {
    const type = TYPE_CODES[Number(row.code)]
    if (type) counts[type] = Number(row.n)
  }
  return counts
}

/**
 * For one page phase of a search (0: every word in the title; 1: the rest), the ids of the
 * matching `newsroom_index` rows of the given types when there are at most `limit`, else null (the
 * page then walks the rows in date order, which finds matches quickly when they are that many).
 */
export async function sqlitePhaseRowIds(raw: Raw, f: WordFilter, types: ItemType[], limit: number, phase: number): Promise<number[] | null> {
  const expanded = await sqliteExpand(raw, f)
  if (expanded === 'zero') return []
  // A scanned word has no title terms to exclude in FTS5; such a page walks.
  if (expanded === null || expanded.scanned.length) return null
  const expansions = expanded.indexed
  const codes = Object.entries(TYPE_CODES)
    .filter(([, type]) => types.includes(type))
    .map(([code]) => code)
  const inTitle = allWords(expansions, TITLE)
  const q = sqliteFrom(f, phase === 0 ? inTitle : `(${allWords(expansions)}) NOT (${inTitle})`)
  const rows = await raw(`SELECT newsroom_fts.rowid & ${ROWID_MASK} AS id FROM ${q.from} AND (newsroom_fts.rowid >> 40) IN (${codes.join(', ')}) LIMIT ${limit + 1}`, q.params)
  return rows.length > limit ? null : rows.map((r) => Number(r.id))
}

/** An FTS5 string: a word is one token for the `ascii` tokenizer (see wordIndexSchema.ts). */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

/**
 * One count per type, side by side on their own connections (`newsroom_search` is partitioned by
 * type). The term arrays are passed as sub-selects on purpose: PostgreSQL then cannot estimate the
 * match, and plans the GIN bitmap scan. Given the arrays, it costs a broad match's sequential scan
 * below the bitmap, but the scan tests the overlap on every row and took 100–250 ms where the
 * bitmap took 30–40.
 */
export async function postgresWordCounts(raw: Raw, table: (name: string) => string, f: WordFilter): Promise<Record<ItemType, number> | null> {
  const meta = [localeTerm(f.locale), ...f.topicIds.map(topicTerm)]
  const [metaRows, ...expanded] = await Promise.all([
    raw(`SELECT id, term FROM ${table('newsroom_terms')} WHERE term = ANY($1::varchar[])`, [meta]),
    ...f.words.map((word) => raw(`SELECT id FROM ${table('newsroom_terms')} WHERE term LIKE $1 AND term NOT LIKE '§%' LIMIT ${MAX_EXPANSION + 1}`, [containing(word)])),
  ])
  if (expanded.some((rows) => !rows.length)) return zero()
  const expansions = expanded.filter((rows) => rows.length <= MAX_EXPANSION).map((rows) => rows.map((r) => Number(r.id)))
  const scanned = f.words.filter((_, k) => expanded[k]!.length > MAX_EXPANSION)
  if (!expansions.length) return null
  const ids = new Map(metaRows!.map((r) => [String(r.term), Number(r.id)]))
  const locale = ids.get(meta[0]!)
  const topics = f.topicIds.map((id) => ids.get(topicTerm(id))).filter((id) => id !== undefined)
  if (locale === undefined || (f.topicIds.length && !topics.length)) return zero()

  const params: unknown[] = []
  const p = (value: unknown) => `$${params.push(value)}`
  const terms = (list: number[]) => `(SELECT ${p(list)}::integer[])`
  const where = [`s.terms @> ${terms([locale])}`, ...expansions.map((e) => `s.terms && ${terms(e)}`)]
  if (topics.length) where.push(`s.terms && ${terms(topics)}`)
  let join = ''
  if (f.from || f.to || f.endsAfter || scanned.length) {
    join = ` JOIN ${table('newsroom_index')} AS i ON i.id = s.id`
    if (f.from) where.push(`i.date >= ${p(f.from.toISOString())}`)
    if (f.to) where.push(`i.date <= ${p(f.to.toISOString())}`)
    if (f.endsAfter) where.push(`i.ends_at >= ${p(f.endsAfter.toISOString())}`)
    for (const word of scanned) where.push(`i.search LIKE ${p(containing(word))}`)
  }
  const types: ItemType[] = f.endsAfter ? ['events'] : ['news', 'events', 'press']
  const counts = zero()
  await Promise.all(
    types.map(async (type) => {
      const rows = await raw(`SELECT count(*) AS n FROM ${table(`newsroom_search_${type}`)} AS s${join} WHERE ${where.join(' AND ')}`, params)
      counts[type] = Number(rows[0]?.n ?? 0)
    }),
  )
  return counts
}
