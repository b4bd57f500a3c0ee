import type { Payload, Where } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'
import type { FeedExtras, ItemType, ListingItem } from './types.js'

import { decodeCursor, encodeCursor } from './cursor.js'
import { type FacetFilter, groupedFacetCounts, searchRowIds, type SearchPath, wordIndexPresent } from './facets.js'
import { facetCacheFor, type FacetCounts } from './facetCache.js'
import { BadParameter, filterHash, type ListingParams } from './params.js'
import { searchWords } from './text.js'
import { TYPE_LABELS, type TypeFacet } from './typeLabels.js'

export type ListingOptions = {
  /** Skip the three facet counts (feeds do not show them). */
  facets?: boolean
  /** Attach each item's FeedExtras as `feed`. */
  withFeed?: boolean
  /** A search phase matching at most this many index rows reads its page by id on SQLite (see searchRowIds); 0: never. */
  pageRowIds?: number
}

export type ListingResult = {
  items: (ListingItem & { feed?: FeedExtras })[]
  facets: { all: number; news: number; events: number; press: number }
  /** The same counts as tabs, with their labels in both languages (`facets` stays numbers only). */
  types: TypeFacet[]
  total: number
  nextCursor: string | null
  /** With search words: how they were counted (the items endpoint says so in `x-newsroom-search`). */
  search?: SearchPath
}

/** Topic slugs → ids; an unknown slug is a 404 naming it. */
async function topicIds(payload: Payload, topicsSlug: string, slugs: string[]): Promise<string[]> {
  if (!slugs.length) return []
  const { docs } = await payload.find({
    collection: topicsSlug,
    where: { slug: { in: slugs } },
    depth: 0,
    limit: slugs.length,
    pagination: false,
    select: { slug: true } as never,
  })
  const missing = slugs.find((s) => !docs.some((d) => (d as { slug?: string }).slug === s))
  if (missing) throw new BadParameter('category', `no topic with slug "${missing}"`, 404)
  return (docs as { id: unknown }[]).map((d) => String(d.id))
}

/** Counts per type under every filter but the type: one grouped SQL count, or three Payload counts on MongoDB. */
async function facetCounts(payload: Payload, index: string, common: Where[], filter: FacetFilter): Promise<[number, number, number, SearchPath?]> {
  const grouped = await groupedFacetCounts(payload, filter)
  if (grouped) return [grouped.counts.news, grouped.counts.events, grouped.counts.press, filter.words.length ? grouped.via : undefined]
  const count = async (type: ItemType) => (await payload.count({ collection: index, where: { and: [...common, { type: { equals: type } }] }, overrideAccess: true })).totalDocs
  return (await Promise.all((['news', 'events', 'press'] as ItemType[]).map(count))) as [number, number, number]
}

/** Facet counts under the archived filter (see runListing). */
async function archivedAware(payload: Payload, index: string, common: Where[], filter: FacetFilter, archived: NonNullable<ListingParams['archived']>, archivedRows: Where): Promise<[number, number, number, SearchPath?]> {
  const count = (where: Where[]) => async (type: ItemType) =>
    (await payload.count({ collection: index, where: { and: [...where, { type: { equals: type } }] }, overrideAccess: true })).totalDocs
  const types = ['news', 'events', 'press'] as ItemType[]
  if (archived === 'only') {
    const [n, e, pr] = await Promise.all(types.map(count(common)))
    return [n!, e!, pr!, filter.words.length ? 'like' : undefined]
  }
  const all = await facetCounts(payload, index, common, filter)
  if (archived === 'include') return all
  const gone = await Promise.all(types.map(count([...common, archivedRows])))
  return [all[0] - gone[0]!, all[1] - gone[1]!, all[2] - gone[2]!, all[3]]
}

/**
 * The "Aktuellt" listing: one query over the index for the page, one grouped count for the facets.
 * With `q`, items whose title holds every word come first (phase 0), then the rest (phase 1);
 * the cursor carries the phase and the last (date, key) seen, so pages never overlap or skip.
 */
export async function runListing(payload: Payload, options: ResolvedNewsroomOptions, p: ListingParams, opts: ListingOptions = {}): Promise<ListingResult> {
  const index = options.collections.newsroomIndex.slug
  const hash = filterHash(p)
  const cursor = p.cursor ? decodeCursor(payload.secret, p.cursor, hash) : null
  if (typeof cursor === 'string') throw new BadParameter('cursor', cursor)

  const words = searchWords(p.q)
  const ids = await topicIds(payload, options.collections.topics.slug, p.categories)
  const common: Where[] = [{ locale: { equals: p.locale } }]
  if (ids.length) common.push({ or: ids.map((id) => ({ topicPath: { contains: `|${id}|` } })) })
  for (const w of words) common.push({ search: { contains: w } })
  if (p.from) common.push({ date: { greater_than_equal: p.from.toISOString() } })
  if (p.to) common.push({ date: { less_than_equal: p.to.toISOString() } })
  const now = new Date()
  if (p.upcoming) common.push({ type: { equals: 'events' } }, { endsAt: { greater_than_equal: now.toISOString() } })

  // Archived items: `only` narrows every query; `exclude` (the default) narrows the page, and the
  // facets are the full counts less the archived ones (few), so the word-index counts still apply.
  const archivedRows: Where = { archived: { equals: true } }
  const archived = p.archived ?? 'exclude'
  if (archived === 'only') common.push(archivedRows)
  const notArchived: Where[] = archived === 'exclude' ? [{ or: [{ archived: { equals: false } }, { archived: { exists: false } }] }] : []

  const typeFilter: Where = { type: { in: p.types } }
  const asc = p.upcoming
  // SQL adapters pass not_like through without wildcards (contains adds them); MongoDB's is already a substring test.
  const notContaining = (w: string) => (payload.db.name === 'mongoose' ? w : `%${w}%`)
  const phases: Where[] = words.length
    ? [
        { and: words.map((w) => ({ titleSearch: { contains: w } })) },
        { or: words.map((w) => ({ or: [{ titleSearch: { not_like: notContaining(w) } }, { titleSearch: { exists: false } }] })) },
      ]
    : [{}]

  /** `rowIds(phase)`: the only index rows that phase can show (few matches, on SQLite), or null: walk. */
  const readPage = async (rowIds?: (phase: number) => Promise<number[] | null>) => {
    const items: ListingResult['items'] = []
    let last: { p: number; d: string; k: string } | null = null
    for (let phase = cursor?.p ?? 0; phase < phases.length && items.length <= p.limit; phase++) {
      const only = rowIds ? await rowIds(phase) : null
      if (only?.length === 0) continue
      const where: Where[] = [...common, ...notArchived, typeFilter, phases[phase]]
      if (only) where.push({ id: { in: only } })
      if (cursor && phase === cursor.p) {
        const beyond = asc ? 'greater_than' : 'less_than'
        where.push({ or: [{ date: { [beyond]: cursor.d } }, { and: [{ date: { equals: cursor.d } }, { key: { [beyond]: cursor.k } }] }] })
      }
      const { docs } = await payload.find({
        collection: index,
        where: { and: where },
        sort: asc ? ['date', 'key'] : ['-date', '-key'],
        limit: p.limit + 1 - items.length,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { data: true, date: true, key: true, ...(opts.withFeed ? { feed: true } : {}) } as never,
      })
      for (const row of docs as unknown as { data: ListingItem; date: string; key: string; feed?: FeedExtras }[]) {
        const item = opts.withFeed ? { ...row.data, feed: row.feed } : row.data
        items.push(item)
        if (items.length > p.limit) break // the look-ahead row: there is a next page
        last = { p: phase, d: new Date(row.date).toISOString(), k: row.key }
      }
    }
    return { items, last }
  }

  const filter: FacetFilter = { locale: p.locale, topicIds: ids, words, from: p.from, to: p.to, endsAfter: p.upcoming ? now : undefined }
  // Later pages repeat the counts of the first, carried in the cursor; they were counted the way the database can.
  const carried = async (): Promise<FacetCounts> => {
    const [n, e, pr] = cursor!.c
    const present = words.length ? await wordIndexPresent(payload) : null
    return [n, e, pr, present === null ? undefined : present ? 'word-index' : 'like']
  }
  // Counts that depend on the clock (upcoming events) change without the index changing: never kept.
  const count = () => archivedAware(payload, index, common, filter, archived, archivedRows)
  const countKey = JSON.stringify([p.locale, [...ids].sort(), words, p.from?.toISOString() ?? null, p.to?.toISOString() ?? null, archived])
  const counting: Promise<FacetCounts> =
    opts.facets === false ? Promise.resolve([0, 0, 0]) : cursor ? carried() : p.upcoming ? count() : facetCacheFor(payload, options).get(payload, countKey, count)
  // A search phase with few matching rows reads just those on SQLite (searchRowIds); elsewhere it walks.
  const limit = opts.pageRowIds ?? 2000
  const rowIds = words.length && limit > 0 ? (phase: number) => searchRowIds(payload, filter, p.types, limit, phase) : undefined
  // The counts and the page do not depend on each other; on PostgreSQL they run on separate connections.
  const [[news, events, press, search], { items, last }] = await Promise.all([counting, readPage(rowIds)])
  const facets = { all: news + events + press, news, events, press }
  const total = p.types.reduce((sum, t) => sum + facets[t], 0)
  const hasMore = items.length > p.limit
  if (hasMore) items.pop()
  const nextCursor = hasMore && last ? encodeCursor(payload.secret, { f: hash, ...last, c: [news, events, press] }) : null
  const types = (['news', 'events', 'press'] as const).map((value) => ({ value, count: facets[value], selected: p.types.includes(value), label: TYPE_LABELS[value] }))
  return { items, facets, types, total, nextCursor, ...(search ? { search } : {}) }
}
