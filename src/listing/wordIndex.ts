import type { ItemType } from './types'

/**
 * Facet counts for a search through the word index (see wordIndexSchema.ts): each query word is
 * expanded to the indexed words that contain it, and the counts come from the index, so a search
 * matching most items costs about what a narrow one does instead of reading every search text.
 */

export type Raw = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>

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
 * A word contained in more indexed words than this (a one-letter word, say) is not expanded: the
 * caller falls back to the plain LIKE count, which gives the same numbers more slowly.
 */
export const MAX_EXPANSION = 500

const TYPE_CODES: Record<number, ItemType> = { 1: 'news', 2: 'events', 3: 'press' }
const ROWID_MASK = 2 ** 40 - 1

export const localeTerm = (locale: string) => `§l${locale.toLowerCase().replace(/[-_]/g, '')}`
export const topicTerm = (id: string) => `§t${id}`

const zero = (): Record<ItemType, number> => ({ news: 0, events: 0, press: 0 })

/** `%word%` for LIKE; words never hold `%`, `_` or `\` (searchWords splits on them). */
const containing = (word: string) => `%${word}%`

export async function sqliteWordCounts(raw: Raw, f: WordFilter): Promise<Record<ItemType, number> | null> {
  const groups: string[] = []
  for (const word of f.words) {
    // The trigram index needs three characters; shorter words read the whole vocabulary.
    const vocabulary = [...word].length >= 3 ? 'newsroom_terms_trigram' : 'newsroom_terms'
    const rows = await raw(`SELECT term FROM ${vocabulary} WHERE term LIKE ? LIMIT ${MAX_EXPANSION + 1}`, [containing(word)])
    if (rows.length > MAX_EXPANSION) return null
    if (!rows.length) return zero()
    groups.push(`(${rows.map((r) => quote(String(r.term))).join(' OR ')})`)
  }
  const match = [quote(localeTerm(f.locale)), ...groups]
  if (f.topicIds.length) match.push(`(${f.topicIds.map((id) => quote(topicTerm(id))).join(' OR ')})`)

  const params: unknown[] = [match.join(' AND ')]
  const p = (value: unknown) => (params.push(value), '?')
  const where = ['newsroom_fts MATCH ?']
  let join = ''
  if (f.from || f.to || f.endsAfter) {
    join = ` JOIN newsroom_index AS i ON i.id = (newsroom_fts.rowid & ${ROWID_MASK})`
    if (f.from) where.push(`i.date >= ${p(f.from.toISOString())}`)
    if (f.to) where.push(`i.date <= ${p(f.to.toISOString())}`)
    if (f.endsAfter) where.push(`i.type = 'events' AND i.ends_at >= ${p(f.endsAfter.toISOString())}`)
  }
  const rows = await raw(`SELECT newsroom_fts.rowid >> 40 AS code, count(*) AS n FROM newsroom_fts${join} WHERE ${where.join(' AND ')} GROUP BY code`, params)
  const counts = zero()
  for (const row of rows) {
    const type = TYPE_CODES[Number(row.code)]
    if (type) counts[type] = Number(row.n)
  }
  return counts
}

/** An FTS5 string: a word is one token for the `ascii` tokenizer (see wordIndexSchema.ts). */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

/**
 * One count per type, side by side on their own connections (`newsroom_search` is partitioned by
 * type). `indexPlan` runs a statement with sequential scans and parallel workers off: at a broad match the
 * planner costs a scan of `newsroom_search` below the GIN bitmap, but the scan tests the array
 * overlap on every row and took 100–250 ms where the bitmap took 30–40.
 */
export async function postgresWordCounts(raw: Raw, indexPlan: Raw, schema: string, f: WordFilter): Promise<Record<ItemType, number> | null> {
  const meta = [localeTerm(f.locale), ...f.topicIds.map(topicTerm)]
  const [metaRows, ...expanded] = await Promise.all([
    raw(`SELECT id, term FROM ${schema}newsroom_terms WHERE term = ANY($1::varchar[])`, [meta]),
    ...f.words.map((word) => raw(`SELECT id FROM ${schema}newsroom_terms WHERE term LIKE $1 AND term NOT LIKE '§%' LIMIT ${MAX_EXPANSION + 1}`, [containing(word)])),
  ])
  if (expanded.some((rows) => rows.length > MAX_EXPANSION)) return null
  if (expanded.some((rows) => !rows.length)) return zero()
  const expansions = expanded.map((rows) => rows.map((r) => Number(r.id)))
  const ids = new Map(metaRows!.map((r) => [String(r.term), Number(r.id)]))
  const locale = ids.get(meta[0]!)
  const topics = f.topicIds.map((id) => ids.get(topicTerm(id))).filter((id) => id !== undefined)
  if (locale === undefined || (f.topicIds.length && !topics.length)) return zero()

  const params: unknown[] = [[locale]]
  const p = (value: unknown) => `$${params.push(value)}`
  const where = [`s.terms @> $1::integer[]`, ...expansions.map((e) => `s.terms && ${p(e)}::integer[]`)]
  if (topics.length) where.push(`s.terms && ${p(topics)}::integer[]`)
  let join = ''
  if (f.from || f.to || f.endsAfter) {
    join = ` JOIN ${schema}newsroom_index AS i ON i.id = s.id`
    if (f.from) where.push(`i.date >= ${p(f.from.toISOString())}`)
    if (f.to) where.push(`i.date <= ${p(f.to.toISOString())}`)
    if (f.endsAfter) where.push(`i.ends_at >= ${p(f.endsAfter.toISOString())}`)
  }
  const types: ItemType[] = f.endsAfter ? ['events'] : ['news', 'events', 'press']
  const counts = zero()
  await Promise.all(
    types.map(async (type) => {
      const rows = await indexPlan(`SELECT count(*) AS n FROM ${schema}newsroom_search_${type} AS s${join} WHERE ${where.join(' AND ')}`, params)
      counts[type] = Number(rows[0]?.n ?? 0)
    }),
  )
  return counts
}
