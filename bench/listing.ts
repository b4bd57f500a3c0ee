/**
 * Listing benchmark on one SQL database (SQLite or PostgreSQL): boots the real config on a fresh
 * database, creates the topic tree and a small set of real items through the Local API, then
 * bulk-loads the rest straight into the tables, and times `runListing` against the naive
 * "three finds + three counts" first page.
 *
 * What is bulk-loaded (raw drizzle INSERTs, no hooks): the real documents of news, events and
 * press (main table, `_locales` row for sv, `_rels` rows for topics — no version rows) and their
 * `newsroom_index` rows, built like `indexItem` does (two locales per item, topic path with
 * ancestors, lower-cased search text, the ListingItem JSON). A few bulk-loaded items are then
 * re-indexed with the real `indexItem` and compared field by field, so drift between this loader
 * and the product shows up in the output.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'

import { sql } from '@payloadcms/db-sqlite'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { getPayload, handleEndpoints, type Payload, type SanitizedConfig, type Where } from 'payload'

import type { ListingItem } from '../src/listing/types'

import { createConfig } from '../payload.config'
import { indexItem, itemUrl } from '../src/listing/indexer'
import { pluginOptions } from '../src/pluginOptions'
import { parseListingParams } from '../src/listing/params'
import { groupedFacetCounts, likeFacetCounts } from '../src/listing/facets'
import { type ListingOptions, runListing } from '../src/listing/query'
import { lexicalToText, searchText, searchWords } from '../src/listing/text'
import { readEnv } from '../demo/env'
import { generatedItemData, generatedTopics, generateItem } from '../demo/seed/generate'
import { lexicalFromParagraphs } from '../demo/seed/lexical'
import { median, ms, ratio, seconds, type Summary, table, timeCases } from './stats'

export type DbKind = 'sqlite' | 'postgres'
type Collection = 'news' | 'events' | 'press'
const COLLECTIONS: Collection[] = ['news', 'events', 'press']
const INDEX = 'newsroom-index'
export const TARGET_P95_MS = 50

export type ListingBenchOptions = {
  kind: DbKind
  url: string
  /** Published items wanted in the index (drafts come on top, as generated). */
  items: number
  /** Items created through the Local API first (the naive comparison's small set). */
  realItems: number
  runs: number
  warmup: number
  /** Re-time the cases with candidate SQL indexes added (bench only). */
  tryIndexes: boolean
  /** Print the SQL of every case with its plan and raw execution time. */
  explain: boolean
  http: boolean
  /** An empty directory for uploads (none are made); the caller removes it. */
  mediaDir: string
  log: (line: string) => void
}

export type CaseRow = { id: string; label: string; n: number; summary: Summary; matched?: number }

export type ListingBenchReport = {
  kind: DbKind
  label: string
  published: number
  generated: number
  indexRows: number
  setup: { bootMs: number; localApi: { items: number; published: number; ms: number }; bulk: { items: number; rows: number; ms: number }; verify: string }
  small: { n: number; naive: Summary; index: Summary }
  cases: CaseRow[]
  naiveAtN: Summary
  walk: { pages: number; ms: number }
  http?: Summary
  prototypes: CaseRow[]
  withIndexes?: { description: string[]; cases: CaseRow[]; naiveAtN: Summary; prototypes: CaseRow[] }
}

/** The drizzle side of Payload's SQL adapters, as far as the benches use it. */
export type SqlAdapter = {
  drizzle: {
    transaction: <T>(fn: (tx: SqlAdapter['drizzle']) => Promise<T>) => Promise<T>
    insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => Promise<unknown> }
    run?: (query: unknown) => Promise<unknown>
  }
  tables: Record<string, Record<string, unknown>>
  client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
  pool?: { query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
}

/** Drizzle logger that records statements while `on` (for EXPLAIN). */
class SqlCapture {
  on = false
  queries: { sql: string; params: unknown[] }[] = []
  logQuery(query: string, params: unknown[]) {
    if (this.on) this.queries.push({ sql: query, params })
  }
}

/**
 * `payload.destroy()`, then the end of its PostgreSQL pool, which Payload's destroy leaves open.
 * Its idle connections would otherwise error when the bench stops the server, on a pool with no
 * listener, and end the whole run (seen in the newsletter section after the PostgreSQL listing).
 * Not awaited: `end()` waits for every checked-out client, and after the listing bench one was still out (the run hung there).
 */
export async function closePayload(payload: Payload) {
  await payload.destroy()
  const pool = (payload.db as { pool?: { on: (event: 'error', listener: () => void) => void; end: () => Promise<void> } }).pool
  pool?.on('error', () => {}) // the server is stopped next: its connections' errors say nothing then
  void pool?.end()
}

/** libsql answers synchronously, so long loops never reach the event loop (Ctrl-C would wait). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const LABEL: Record<DbKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' }
const fmt = (n: number) => n.toLocaleString('en-US')

type Ctx = {
  kind: DbKind
  key: string
  payload: Payload
  config: SanitizedConfig
  db: SqlAdapter
  capture: SqlCapture
  topics: Map<string, { id: string; raw: number | string; title: string }>
  parents: Map<string, string | null>
  log: (line: string) => void
}

async function boot(kind: DbKind, url: string, mediaDir: string): Promise<Omit<Ctx, 'topics' | 'parents' | 'log'>> {
  const env = readEnv({
    DATABASE_URL: url,
    PAYLOAD_SECRET: 'bench-secret-0123456789abcdef',
    SERVER_URL: 'http://bench.test',
    MEDIA_DIR: mediaDir,
    SEED: 'false',
    RUN_JOBS: 'false',
  })
  const config = await createConfig(env)
  const capture = new SqlCapture()
  const init = config.db.init
  // The adapter hands `logger` to drizzle when it connects, i.e. after init: record SQL on demand.
  config.db = { ...config.db, init: (args) => Object.assign(init(args), { logger: capture }) }
  // Own cache key per database (getPayload caches instances for good); handleEndpoints gets the same key.
  const key = `bench-${kind}-${Date.now()}`
  const payload = await getPayload({ config, key, cron: true })
  return { kind, key, payload, config, db: payload.db as unknown as SqlAdapter, capture }
}

async function createTopics(payload: Payload) {
  const topics = new Map<string, { id: string; raw: number | string; title: string }>()
  const parents = new Map<string, string | null>()
  for (const t of generatedTopics) {
    const parent = t.parent ? topics.get(t.parent)! : undefined
    const doc = await payload.create({ collection: 'topics', data: { title: t.title, slug: t.slug, parent: parent?.raw } as never })
    topics.set(t.slug, { id: String(doc.id), raw: doc.id, title: t.title })
    parents.set(String(doc.id), parent?.id ?? null)
  }
  return { topics, parents }
}

/** Items [from, to) through the Local API, exactly like `npm run seed` (hooks index them). */
async function createViaLocalApi(ctx: Ctx, from: number, to: number) {
  let published = 0
  for (let i = from; i < to; i++) {
    const item = generateItem(i)
    await ctx.payload.create({
      collection: item.collection,
      depth: 0,
      data: generatedItemData(item, i, (slug) => ctx.topics.get(slug)!.raw) as never,
    })
    if (item.status === 'published') published++
    if (i % 50 === 0) await yieldToEventLoop()
  }
  return published
}

function topicPath(ids: string[], parents: Map<string, string | null>) {
  const all = new Set<string>()
  for (const id of ids) for (let cur: string | null | undefined = id; cur && !all.has(cur); cur = parents.get(cur)) all.add(cur)
  return all.size ? `|${[...all].join('|')}|` : ''
}

async function maxId(payload: Payload, collection: Collection): Promise<number> {
  const { docs } = await payload.find({ collection: collection, sort: '-id', limit: 1, depth: 0, pagination: false })
  return docs.length ? Number(docs[0]!.id) : 0
}

/**
 * Generates items from `from` on until `targetPublished` items are published, inserting real rows
 * and index rows in transactions of 5,000 items. Returns the next generator index.
 */
async function bulkLoad(ctx: Ctx, from: number, publishedSoFar: number, targetPublished: number) {
  const { payload, db, kind } = ctx
  const options = pluginOptions(payload)
  const T = db.tables
  const indexTable = T.newsroom_index!
  const withFeed = 'feed' in indexTable
  const ids: Record<Collection, number> = { news: await maxId(payload, 'news'), events: await maxId(payload, 'events'), press: await maxId(payload, 'press') }
  type Buffers = Record<string, Record<string, unknown>[]>
  let buf: Buffers = {}
  const push = (table: string, row: Record<string, unknown>) => (buf[table] ??= []).push(row)
  let inBuffer = 0
  let docs = 0
  let rows = 0
  const order = [...COLLECTIONS, ...COLLECTIONS.map((c) => `${c}_locales`), ...COLLECTIONS.map((c) => `${c}_rels`), 'newsroom_index']
  const flush = async () => {
    const pending = buf
    buf = {}
    inBuffer = 0
    await db.drizzle.transaction(async (tx) => {
      // A bigger page cache while loading only (index B-trees); back to SQLite's default before timing.
      if (kind === 'sqlite') await tx.run!(sql.raw('PRAGMA cache_size = -262144'))
      for (const name of order) {
        const list = pending[name]
        if (!list?.length) continue
        const chunk = Math.max(1, Math.floor(20_000 / Object.keys(list[0]!).length))
        for (let k = 0; k < list.length; k += chunk) await tx.insert(T[name]).values(list.slice(k, k + chunk))
      }
      if (kind === 'sqlite') await tx.run!(sql.raw('PRAGMA cache_size = -2000'))
    })
  }

  let i = from
  let published = publishedSoFar
  for (; published < targetPublished; i++) {
    const item = generateItem(i)
    const c = item.collection
    const id = ++ids[c]
    const slug = `${c}-${i + 1}`
    const body = lexicalFromParagraphs(item.paragraphs)
    const topicIds = item.topics.map((s) => ctx.topics.get(s)!.id)
    const at = item.publishedAt
    const ev = item.event
    push(c, {
      id,
      slug,
      publishedAt: at,
      lastModified: at,
      updatedAt: at,
      createdAt: at,
      _status: item.status,
      ...(ev ? { start: ev.start, end: ev.end, allDay: ev.allDay, location_address: ev.location.address, organizer: ev.organizer } : {}),
    })
    push(`${c}_locales`, { title: item.title, summary: item.summary, body, _locale: 'sv', _parentID: id, ...(ev ? { location_name: ev.location.name } : {}) })
    topicIds.forEach((topicId, k) => push(`${c}_rels`, { order: k + 1, parent: id, path: 'topics', topicsID: Number(topicId) }))
    docs++
    inBuffer++
    if (item.status === 'published') {
      published++
      const data: ListingItem = {
        type: c,
        id: String(id),
        slug,
        title: item.title,
        summary: item.summary,
        url: itemUrl(options, c, slug),
        date: new Date(ev ? ev.start : at).toISOString(),
        updatedAt: at,
        categories: item.topics.map((s) => ({ slug: s, title: ctx.topics.get(s)!.title })),
        image: null,
      }
      if (ev) Object.assign(data, { start: ev.start, end: ev.end, allDay: ev.allDay, location: { name: ev.location.name, address: ev.location.address }, cancelled: false })
      const text = lexicalToText(body)
      const row = {
        key: `${c}:${id}`,
        type: c,
        doc: String(id),
        date: data.date,
        endsAt: ev ? ev.end : null,
        topicPath: topicPath(topicIds, ctx.parents),
        titleSearch: searchText(item.title),
        search: searchText(item.title, item.summary, text),
        data,
        ...(withFeed
          ? { feed: { html: convertLexicalToHTML({ data: body as never, disableContainer: true }), text, image: null, createdAt: at } }
          : {}),
      }
      for (const locale of options.locales) push('newsroom_index', { ...row, locale })
      rows += options.locales.length
    }
    if (inBuffer >= 5_000) {
      await flush()
      await yieldToEventLoop()
    }
  }
  await flush()
  if (kind === 'postgres') {
    // Explicit ids leave the serial sequences behind; keep them usable.
    for (const c of COLLECTIONS) await rawQuery(ctx, `SELECT setval(pg_get_serial_sequence('${c}', 'id'), GREATEST((SELECT max(id) FROM "${c}"), 1))`)
  }
  return { next: i, docs, rows, published }
}

const INDEX_FIELDS = ['key', 'type', 'doc', 'locale', 'date', 'endsAt', 'topicPath', 'titleSearch', 'search', 'data', 'feed']
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  ) ?? 'undefined'

async function indexRows(payload: Payload, key: string) {
  const { docs } = await payload.find({ collection: INDEX, where: { key: { equals: key } }, depth: 0, pagination: false, overrideAccess: true })
  return new Map((docs as unknown as Record<string, unknown>[]).map((d) => [String(d.locale), d]))
}

/** Re-indexes a few bulk-loaded items with the product's `indexItem` and compares the rows. */
async function verifyBulk(ctx: Ctx, samples: { type: Collection; id: number }[]) {
  const diffs: string[] = []
  for (const { type, id } of samples) {
    const key = `${type}:${id}`
    const mine = await indexRows(ctx.payload, key)
    await indexItem({ payload: ctx.payload, options: pluginOptions(ctx.payload), type, id })
    const theirs = await indexRows(ctx.payload, key)
    if (mine.size !== theirs.size) diffs.push(`${key}: ${mine.size} bulk rows vs ${theirs.size} from indexItem`)
    for (const [locale, row] of theirs) {
      const other = mine.get(locale)
      for (const f of INDEX_FIELDS) {
        if (!other || canonical(other[f]) !== canonical(row[f])) {
          diffs.push(`${key} ${locale} ${f}: bulk ${canonical(other?.[f]).slice(0, 120)} ≠ indexItem ${canonical(row[f]).slice(0, 120)}`)
        }
      }
    }
  }
  return diffs
}

/** The naive first page: three finds and three counts on the real collections. */
async function naiveFirstPage(payload: Payload) {
  const where: Where = { _status: { equals: 'published' } }
  const [finds, counts] = await Promise.all([
    Promise.all(
      COLLECTIONS.map((c) =>
        payload.find({ collection: c, where, sort: '-publishedAt', limit: 10, depth: 0, locale: 'sv', pagination: false }),
      ),
    ),
    Promise.all(COLLECTIONS.map((c) => payload.count({ collection: c, where }))),
  ])
  const docs = finds
    .flatMap((f) => f.docs as unknown as { publishedAt: string }[])
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, 10)
  return { docs, total: counts.reduce((s, c) => s + c.totalDocs, 0) }
}

async function serve(config: SanitizedConfig, payloadInstanceCacheKey: string) {
  const server = http.createServer(async (req, res) => {
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method })
    const response = await handleEndpoints({ config, request, payloadInstanceCacheKey })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

type Cases = { id: string; label: string; query: string }[]
const CASES: Cases = [
  { id: 'a', label: 'first page + facets, no filter', query: '' },
  { id: 'b', label: 'topic psykisk-halsa (parent, 5 subtopics)', query: 'category=psykisk-halsa' },
  { id: 'c', label: 'search q=psykisk hälsa', query: 'q=psykisk hälsa' },
]
/** Beyond the four cases: the other ends of search (a word almost nothing holds; a word no title holds, so the title-first phase finds nothing). */
const EXTRA_CASES: Cases = [
  { id: 'e', label: 'search for a rare word q=13718 (one item at 100k)', query: 'q=13718' },
  { id: 'f', label: 'search for a word in no title q=brukarmedverkan', query: 'q=brukarmedverkan' },
]

/** Candidate indexes tried when `tryIndexes` is on: see the report for the reasoning. */
function candidateIndexes(kind: DbKind): { description: string; statements: string[] }[] {
  // The covering (locale, type, topic_path) and (locale, type, search) indexes on SQLite and the
  // pg_trgm indexes on search and title_search on PostgreSQL are in the product's migrations now.
  if (kind === 'sqlite') return [{ description: 'ANALYZE (planner statistics; Payload never runs it on SQLite)', statements: ['ANALYZE'] }]
  return [
    {
      description: 'pg_trgm GIN on topic_path; VACUUM ANALYZE',
      statements: [
        'CREATE INDEX bench_topic_path_trgm ON newsroom_index USING gin (topic_path gin_trgm_ops)',
        'VACUUM ANALYZE newsroom_index',
      ],
    },
  ]
}

/**
 * The parts of case (c), timed alone: the product's facet count (word index), the same counts by
 * the LIKE fallback (what (c) cost before the word index), and the page without facets.
 */
function facetPrototypes(ctx: Ctx, listing: (query: string, opts?: ListingOptions) => Promise<unknown>): { id: string; label: string; run: () => Promise<unknown> }[] {
  const filter = { locale: 'sv', topicIds: [], words: searchWords('psykisk hälsa') }
  return [
    { id: 'c', label: 'facets: word index (the product)', run: async () => (await groupedFacetCounts(ctx.payload, filter))?.counts },
    { id: 'c', label: 'facets: LIKE over every search text (fallback)', run: () => likeFacetCounts(ctx.payload, filter) },
    { id: 'c', label: 'page without facets', run: () => listing('q=psykisk hälsa', { facets: false }) },
  ]
}

async function rawQuery(ctx: Ctx, text: string, params: unknown[] = []) {
  if (ctx.kind === 'sqlite') return (await ctx.db.client!.execute({ sql: text, args: params })).rows
  return (await ctx.db.pool!.query(text, params)).rows
}

/** Runs each captured statement alone (median of 5) and prints its plan. */
async function explainCase(ctx: Ctx, label: string, run: () => Promise<unknown>) {
  ctx.capture.queries = []
  ctx.capture.on = true
  await run()
  ctx.capture.on = false
  ctx.log(`  ${label}: ${ctx.capture.queries.length} statements`)
  for (const q of ctx.capture.queries) {
    const times: number[] = []
    for (let k = 0; k < 5 && !(times[0]! > 500); k++) {
      const start = performance.now()
      await rawQuery(ctx, q.sql, q.params)
      times.push(performance.now() - start)
    }
    const plan =
      ctx.kind === 'sqlite'
        ? (await rawQuery(ctx, `EXPLAIN QUERY PLAN ${q.sql}`, q.params)).map((r) => String(r.detail)).join(' ; ')
        : (await rawQuery(ctx, `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${q.sql}`, q.params))
            .map((r) => String(r['QUERY PLAN']).trim())
            .join(' ; ')
    ctx.log(`    ${ms(median(times))} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`)
    ctx.log(`      params: ${JSON.stringify(q.params).slice(0, 200)}`)
    ctx.log(`      plan:   ${plan.slice(0, 900)}`)
  }
}

export async function runListingBench(o: ListingBenchOptions): Promise<ListingBenchReport> {
  const { log, kind } = o
  const label = LABEL[kind]
  log('')
  log(`## Listing on ${label}`)
  const t0 = performance.now()
  const booted = await boot(kind, o.url, o.mediaDir)
  const bootMs = performance.now() - t0
  const { topics, parents } = await createTopics(booted.payload)
  const ctx: Ctx = { ...booted, topics, parents, log }
  try {
    const options = pluginOptions(ctx.payload)
    const params = (query: string) =>
      parseListingParams(new URLSearchParams(query), { locales: options.locales, defaultLocale: options.defaultLocale, defaultLimit: 10, maxLimit: 100 })
    const listing = (query: string, opts?: ListingOptions) => runListing(ctx.payload, options, params(query), opts)

    // 1. A small real set through the Local API (hooks keep the index), timed.
    const realItems = Math.min(o.realItems, o.items)
    const t1 = performance.now()
    const smallPublished = await createViaLocalApi(ctx, 0, realItems)
    const localMs = performance.now() - t1
    log(
      `setup: boot + migrations ${seconds(bootMs)}; ${generatedTopics.length} topics via Local API; ` +
        `${fmt(realItems)} items (${fmt(smallPublished)} published) via Local API payload.create (hooks index them): ${seconds(localMs)} = ${Math.round(realItems / (localMs / 1000))} items/s`,
    )
    const small = await timeCases(
      [
        { name: 'naive', run: () => naiveFirstPage(ctx.payload) },
        { name: 'index', run: () => listing('') },
      ],
      { warmup: o.warmup, runs: o.runs },
    )
    const smallNaive = await naiveFirstPage(ctx.payload)
    const smallIndex = await listing('')
    if (smallNaive.total !== smallIndex.facets.all) log(`WARNING: naive total ${smallNaive.total} ≠ listing facets.all ${smallIndex.facets.all}`)

    // 2. Bulk-load up to N published items.
    const t2 = performance.now()
    const bulk = await bulkLoad(ctx, realItems, smallPublished, o.items)
    const bulkMs = performance.now() - t2
    const generated = bulk.next
    const published = bulk.published
    // What autovacuum does shortly after such a load (statistics, visibility map for index-only scans).
    if (kind === 'postgres') await rawQuery(ctx, 'VACUUM ANALYZE')
    const samples: { type: Collection; id: number }[] = []
    for (const c of COLLECTIONS) {
      const { docs } = await ctx.payload.find({ collection: c, where: { _status: { equals: 'published' } }, sort: '-id', limit: 2, depth: 0, pagination: false })
      for (const d of docs) samples.push({ type: c, id: Number(d.id) })
    }
    const diffs = bulk.docs ? await verifyBulk(ctx, samples) : []
    const verify = !bulk.docs
      ? 'nothing bulk-loaded'
      : diffs.length
        ? `${diffs.length} DIFFERENCES between bulk rows and indexItem (first: ${diffs.slice(0, 3).join(' | ')})`
        : `${samples.length}/${samples.length} sampled bulk items re-indexed by indexItem give identical index rows`
    const indexRowsTotal = (await ctx.payload.count({ collection: INDEX, overrideAccess: true })).totalDocs
    log(
      `bulk-loaded (raw drizzle INSERTs in transactions, no Local API, no hooks): ${fmt(bulk.docs)} items → real rows (main + _locales + _rels, no version rows) ` +
        `and ${fmt(bulk.rows)} newsroom_index rows in ${seconds(bulkMs)}${kind === 'postgres' ? '; then VACUUM ANALYZE (as autovacuum would)' : '; no ANALYZE (Payload never runs it on SQLite)'}`,
    )
    log(`check: ${verify}`)
    log(`dataset: ${fmt(published)} published items (${fmt(generated)} generated incl. every 20th a draft), ${fmt(indexRowsTotal)} index rows (${options.locales.join(' + ')})`)

    // 3. The cursor walk to page 500 (or the last full page on smaller sets).
    const perLocale = published
    const walkPages = Math.max(1, Math.min(499, Math.floor((perLocale - 1) / 10)))
    const t3 = performance.now()
    let cursor: string | null = null
    for (let page = 1; page <= walkPages; page++) {
      const res: Awaited<ReturnType<typeof listing>> = await listing(cursor ? `cursor=${encodeURIComponent(cursor)}` : '')
      cursor = res.nextCursor
      await yieldToEventLoop()
      if (!cursor) throw new Error(`cursor walk ended at page ${page}`)
    }
    const walkMs = performance.now() - t3
    const pageQuery = `cursor=${encodeURIComponent(cursor!)}`
    const lastPage = await listing(pageQuery)
    if (lastPage.items.length === 0) throw new Error('page after the walk is empty')
    const dLabel = `page ${walkPages + 1} of a cursor walk (limit 10)`

    const allCases = [...CASES, { id: 'd', label: dLabel, query: pageQuery }, ...EXTRA_CASES]
    const timeAll = async () => {
      const protos = facetPrototypes(ctx, listing)
      const results = await timeCases(
        [
          ...allCases.map((c) => ({ name: c.id, run: () => listing(c.query) })),
          { name: 'naive', run: () => naiveFirstPage(ctx.payload) },
          ...protos.map((c, k) => ({ name: `proto-${k}`, run: c.run })),
        ],
        { warmup: o.warmup, runs: o.runs },
      )
      const rows: CaseRow[] = []
      for (const c of allCases) rows.push({ id: c.id, label: c.label, n: published, summary: results.get(c.id)!, matched: (await listing(c.query)).total })
      const prototypes = protos.map((c, k) => ({ id: c.id, label: c.label, n: published, summary: results.get(`proto-${k}`)! }))
      return { rows, naive: results.get('naive')!, prototypes }
    }
    const measured = await timeAll()

    let httpSummary: Summary | undefined
    if (o.http) {
      const api = await serve(ctx.config, ctx.key)
      try {
        const url = `${api.baseUrl}/api/newsroom/items`
        const res = await fetch(url)
        if (!res.ok) throw new Error(`GET /api/newsroom/items → ${res.status} ${await res.text()}`)
        httpSummary = (await timeCases([{ name: 'http', run: async () => (await fetch(url)).arrayBuffer() }], { warmup: o.warmup, runs: o.runs })).get('http')
      } finally {
        await api.close()
      }
    }

    const print = (rows: CaseRow[], naive: Summary, title: string) => {
      log('')
      log(title)
      const body = rows.map((r) => [
        `(${r.id}) ${r.label}`,
        fmt(r.n),
        String(r.summary.runs),
        ms(r.summary.median),
        ms(r.summary.p95),
        ms(r.summary.max),
        fmt(r.matched ?? 0),
        r.summary.p95 <= TARGET_P95_MS ? 'yes' : 'NO',
      ])
      body.push(['naive first page: 3 finds + 3 counts on news/events/press', fmt(published), String(naive.runs), ms(naive.median), ms(naive.p95), ms(naive.max), '', ''])
      if (httpSummary && rows === measured.rows) {
        body.push(['(a) over HTTP: GET /api/newsroom/items (sequential)', fmt(published), String(httpSummary.runs), ms(httpSummary.median), ms(httpSummary.p95), ms(httpSummary.max), '', ''])
      }
      for (const line of table(['case', 'N published', 'runs', 'median ms', 'p95 ms', 'max ms', 'matched', `p95 ≤ ${TARGET_P95_MS} ms`], body)) log(line)
    }
    print(measured.rows, measured.naive, `runListing on ${label}, ${o.runs} interleaved runs after ${o.warmup} warm-up runs each:`)
    const printPrototypes = (protos: CaseRow[], rows: CaseRow[]) => {
      if (!protos.length) return
      log(`parts of a case, timed alone (same interleaved runs):`)
      for (const line of table(
        ['part', 'median ms', 'p95 ms', 'whole case p95 ms'],
        protos.map((r) => [`(${r.id}) ${r.label}`, ms(r.summary.median), ms(r.summary.p95), ms(rows.find((c) => c.id === r.id)!.summary.p95)]),
      ))
        log(line)
    }
    printPrototypes(measured.prototypes, measured.rows)
    log(`cursor walk: ${walkPages} pages in ${seconds(walkMs)} (${ms(walkMs / walkPages)} ms per page incl. facet counts)`)
    log('')
    log(`naive vs index, first page with facets (median / p95 ms, ${o.runs} interleaved runs):`)
    for (const line of table(
      ['dataset', 'N published', 'naive median', 'naive p95', 'index median', 'index p95', 'naive / index (median)', 'naive / index (p95)'],
      [
        [`Local API set`, fmt(smallPublished), ms(small.get('naive')!.median), ms(small.get('naive')!.p95), ms(small.get('index')!.median), ms(small.get('index')!.p95), ratio(small.get('naive')!.median, small.get('index')!.median), ratio(small.get('naive')!.p95, small.get('index')!.p95)],
        [`+ bulk-loaded`, fmt(published), ms(measured.naive.median), ms(measured.naive.p95), ms(measured.rows[0]!.summary.median), ms(measured.rows[0]!.summary.p95), ratio(measured.naive.median, measured.rows[0]!.summary.median), ratio(measured.naive.p95, measured.rows[0]!.summary.p95)],
      ],
    ))
      log(line)

    if (o.explain) {
      log('')
      log(`EXPLAIN (${label}): every statement of one run, its time alone (median of 5, or 1 run when slower than 0.5 s) and its plan`)
      for (const c of allCases) await explainCase(ctx, `(${c.id}) ${c.label}`, () => listing(c.query))
      await explainCase(ctx, 'naive', () => naiveFirstPage(ctx.payload))
    }

    let withIndexes: ListingBenchReport['withIndexes']
    if (o.tryIndexes) {
      const candidates = candidateIndexes(kind)
      log('')
      log(`Hypothesis (bench only, not in the product): adding to ${label}:`)
      const t4 = performance.now()
      for (const c of candidates) {
        log(`  - ${c.description}`)
        for (const s of c.statements) await rawQuery(ctx, s)
      }
      log(`  (built in ${seconds(performance.now() - t4)})`)
      const again = await timeAll()
      print(again.rows, again.naive, `runListing on ${label} WITH the candidate indexes:`)
      printPrototypes(again.prototypes, again.rows)
      log('')
      log(`before → after (p95 ms):`)
      for (const line of table(
        ['case', 'median before', 'median after', 'p95 before', 'p95 after', 'p95 speed-up'],
        measured.rows.map((r, k) => {
          const a = again.rows[k]!.summary
          return [`(${r.id})`, ms(r.summary.median), ms(a.median), ms(r.summary.p95), ms(a.p95), ratio(r.summary.p95, a.p95)]
        }),
      ))
        log(line)
      if (o.explain) {
        log('')
        log(`EXPLAIN (${label}) with the candidate indexes:`)
        for (const c of allCases) await explainCase(ctx, `(${c.id}) ${c.label}`, () => listing(c.query))
      }
      withIndexes = { description: candidates.map((c) => c.description), cases: again.rows, naiveAtN: again.naive, prototypes: again.prototypes }
    }

    return {
      kind,
      label,
      published,
      generated,
      indexRows: indexRowsTotal,
      setup: { bootMs, localApi: { items: realItems, published: smallPublished, ms: localMs }, bulk: { items: bulk.docs, rows: bulk.rows, ms: bulkMs }, verify },
      small: { n: smallPublished, naive: small.get('naive')!, index: small.get('index')! },
      cases: measured.rows,
      naiveAtN: measured.naive,
      prototypes: measured.prototypes,
      walk: { pages: walkPages, ms: walkMs },
      http: httpSummary,
      withIndexes,
    }
  } finally {
    await closePayload(ctx.payload)
  }
}

/**
 * A database with `items` published items for another process to serve (the pages bench): the
 * topic tree and `realItems` items through the Local API (they have versions, as the item pages'
 * 410 check reads them), the rest bulk-loaded as above. Returns the paths of some published items
 * made through the Local API, and closes Payload so that `npm start` can open the file.
 */
export async function prepareBenchDatabase(o: { kind: DbKind; url: string; items: number; realItems: number; mediaDir: string; log: (line: string) => void }) {
  const t0 = performance.now()
  const booted = await boot(o.kind, o.url, o.mediaDir)
  const { topics, parents } = await createTopics(booted.payload)
  const ctx: Ctx = { ...booted, topics, parents, log: o.log }
  try {
    const real = Math.min(o.realItems, o.items)
    const published = await createViaLocalApi(ctx, 0, real)
    const bulk = await bulkLoad(ctx, real, published, o.items)
    const options = pluginOptions(ctx.payload)
    const paths: string[] = []
    for (const c of COLLECTIONS) {
      const { docs } = await ctx.payload.find({ collection: c, where: { _status: { equals: 'published' } }, sort: 'id', limit: 5, depth: 0, pagination: false })
      for (const d of docs as unknown as { slug: string }[]) paths.push(new URL(itemUrl(options, c, d.slug)).pathname)
    }
    const rows = (await ctx.payload.count({ collection: INDEX, overrideAccess: true })).totalDocs
    o.log(`dataset: ${fmt(bulk.published)} published items (${fmt(real)} through the Local API, the rest bulk-loaded), ${fmt(rows)} index rows, in ${seconds(performance.now() - t0)}`)
    return { itemPaths: paths }
  } finally {
    await closePayload(ctx.payload)
  }
}
