import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'
import type { FeedExtras, ItemType, ListingItem } from './types.js'

import { topicAncestors } from '../topicAncestors.js'
import { bodyToHtml } from './bodyHtml.js'
import { listingImage } from './image.js'
import { withItemLock } from './itemLock.js'
import { lexicalToText, searchText } from './text.js'
import { pruneVocabulary } from './vocabulary.js'
import { topicTerm } from './wordIndex.js'

type Doc = Record<string, any>
type Options = ResolvedNewsroomOptions

/** id → parent id of every topic; small enough to load whole for each indexing run. */
async function topicParents(payload: Payload, options: Options, req?: Partial<PayloadRequest>) {
  const { docs } = await payload.find({ collection: options.collections.topics.slug, depth: 0, limit: 0, pagination: false, req })
  return new Map(docs.map((t: Doc) => [String(t.id), t.parent == null ? null : String(typeof t.parent === 'object' ? t.parent.id : t.parent)]))
}

function topicPath(ids: string[], parents: Map<string, string | null>) {
  const all = new Set<string>()
  for (const id of ids) for (const t of topicAncestors(id, (x) => parents.get(x))) all.add(t)
  return all.size ? `|${[...all].join('|')}|` : ''
}

export function itemUrl(options: Options, type: ItemType, slug: string) {
  return new URL(options.urlPatterns[type].replace('{slug}', encodeURIComponent(slug)), options.serverURL).toString()
}

/** The listing's view of a published document read at depth 1 (also the base of the single-item answer). */
export function toListingItem(type: ItemType, doc: Doc, options: Options): ListingItem {
  const image = doc.heroImage && typeof doc.heroImage === 'object' ? doc.heroImage : null
  const item: ListingItem = {
    type,
    id: String(doc.id),
    slug: doc.slug,
    title: doc.title ?? '',
    summary: doc.summary ?? null,
    url: itemUrl(options, type, doc.slug),
    date: new Date(type === 'events' ? doc.start : (doc.publishedAt ?? doc.createdAt)).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    categories: (doc.topics ?? [])
      .filter((t: unknown) => t && typeof t === 'object')
      .map((t: Doc) => ({ slug: t.slug, title: t.title })),
    image: image?.url ? listingImage(image, options.serverURL) : null,
    archived: Boolean(doc.archived),
  }
  if (type === 'events') {
    item.start = new Date(doc.start).toISOString()
    item.end = doc.end ? new Date(doc.end).toISOString() : null
    item.allDay = Boolean(doc.allDay)
    item.location = doc.location ? { name: doc.location.name ?? null, address: doc.location.address ?? null } : null
    item.cancelled = Boolean(doc.cancelled)
  }
  return item
}

type IndexArgs = { payload: Payload; options: Options; type: ItemType; id: string | number; req?: Partial<PayloadRequest>; parents?: Map<string, string | null> }

/** The vocabulary terms a row contributes: its words, and (PostgreSQL) one term per topic on its path. */
const rowTerms = (search: string | null | undefined, path: string | null | undefined) => [
  ...(search ? search.split(' ').filter(Boolean) : []),
  ...(path ? path.split('|').filter(Boolean).map(topicTerm) : []),
]

/** Terms of the item's current index rows (read before they are replaced). */
async function indexedTerms(payload: Payload, options: Options, key: string, req?: Partial<PayloadRequest>): Promise<Set<string>> {
  const { docs } = await payload.find({
    collection: options.collections.newsroomIndex.slug,
    where: { key: { equals: key } },
    limit: 0,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
    select: { search: true, topicPath: true } as never,
  })
  return new Set(docs.flatMap((d: Doc) => rowTerms(d.search, d.topicPath)))
}

/**
 * Brings the index rows of one item in line with its published state: one row per locale when
 * the published version exists, none otherwise (draft, unpublished, deleted). Returns the terms
 * the item no longer has, for pruning the vocabulary once this is committed.
 */
export async function indexItem(args: IndexArgs): Promise<string[]> {
  return withItemLock(args.payload, `${args.type}:${args.id}`, args.req, () => writeItemRows(args))
}

async function writeItemRows({ payload, options, type, id, req, parents }: IndexArgs): Promise<string[]> {
  const index = options.collections.newsroomIndex.slug
  const key = `${type}:${id}`
  const before = await indexedTerms(payload, options, key, req)
  await payload.db.deleteMany({ collection: index, where: { key: { equals: key } }, req })
  const slug = options.collections[type].slug
  const tree = parents ?? (await topicParents(payload, options, req))
  const after = new Set<string>()
  for (const locale of options.locales) {
    const doc = (await payload.findByID({ collection: slug, id, locale: locale as 'all', depth: 1, draft: false, req, overrideAccess: true, disableErrors: true })) as Doc | null
    if (!doc || doc._status !== 'published') break
    const item = toListingItem(type, doc, options)
    const text = lexicalToText(doc.body)
    const image = doc.heroImage && typeof doc.heroImage === 'object' ? doc.heroImage : null
    const feed: FeedExtras = {
      html: bodyToHtml(options, doc.body),
      text,
      image: image?.mimeType ? { type: image.mimeType, length: image.filesize ?? 0 } : null,
      createdAt: new Date(doc.createdAt).toISOString(),
    }
    const topicIds = (doc.topics ?? []).map((t: Doc | number | string) => String(typeof t === 'object' ? t.id : t))
    const row = { topicPath: topicPath(topicIds, tree), search: searchText(item.title, item.summary, text) }
    for (const term of rowTerms(row.search, row.topicPath)) after.add(term)
    await payload.db.create({
      collection: index,
      req,
      data: {
        key,
        type,
        doc: String(id),
        locale,
        date: item.date,
        endsAt: type === 'events' ? (item.end ?? item.start) : null,
        topicPath: row.topicPath,
        archived: Boolean(item.archived),
        titleSearch: searchText(item.title),
        search: row.search,
        data: item,
        feed,
      },
    })
  }
  return [...before].filter((term) => !after.has(term))
}

/** Removes the item's rows; returns their terms, for pruning the vocabulary once this is committed. */
export async function removeItem(payload: Payload, options: Options, type: ItemType, id: string | number, req?: Partial<PayloadRequest>): Promise<string[]> {
  const key = `${type}:${id}`
  return withItemLock(payload, key, req, async () => {
    const terms = await indexedTerms(payload, options, key, req)
    await payload.db.deleteMany({ collection: options.collections.newsroomIndex.slug, where: { key: { equals: key } }, req })
    return [...terms]
  })
}

/**
 * Re-indexes every item whose topic path contains the topic (after a topic was renamed, moved or
 * deleted), each item in a transaction of its own, then prunes the terms they dropped (a deleted
 * topic's, on PostgreSQL). Run by the topic job (topicJob.ts), outside any request.
 */
export async function reindexTopic(payload: Payload, options: Options, topicId: string | number): Promise<number> {
  const { docs } = await payload.find({
    collection: options.collections.newsroomIndex.slug,
    where: { topicPath: { contains: `|${topicId}|` } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { key: true } as never,
  })
  const keys = [...new Set(docs.map((d: Doc) => d.key as string))]
  const parents = await topicParents(payload, options)
  const dropped = new Set<string>()
  const req = await createLocalReq({}, payload)
  for (const key of keys) {
    const [type, id] = key.split(':') as [ItemType, string]
    const own = await initTransaction(req)
    try {
      for (const term of await indexItem({ payload, options, type, id, req, parents })) dropped.add(term)
      if (own) await commitTransaction(req)
    } catch (err) {
      if (own) await killTransaction(req)
      throw err
    }
  }
  if (dropped.size) await pruneVocabulary(payload, [...dropped])
  return keys.length
}

/** Drops the whole index and builds it again from the published items. */
export async function reindexAll(payload: Payload, options: Options, onProgress?: (done: number) => void): Promise<number> {
  await payload.db.deleteMany({ collection: options.collections.newsroomIndex.slug, where: { key: { exists: true } } })
  const parents = await topicParents(payload, options)
  let done = 0
  for (const type of ['news', 'events', 'press'] as const) {
    for (let page = 1; ; page++) {
      const res = await payload.find({
        collection: options.collections[type].slug,
        where: { _status: { equals: 'published' } },
        depth: 0,
        limit: 500,
        page,
        select: { id: true } as never,
        overrideAccess: true,
      })
      for (const doc of res.docs as Doc[]) {
        await indexItem({ payload, options, type, id: doc.id, parents })
        onProgress?.(++done)
      }
      if (!res.hasNextPage) break
    }
  }
  return done
}

/** `npm run reindex`: the index from scratch, then the vocabulary down to the words it uses. */
export async function rebuildIndex(payload: Payload, options: Options, onProgress?: (done: number) => void): Promise<{ items: number; prunedWords: number }> {
  const items = await reindexAll(payload, options, onProgress)
  return { items, prunedWords: await pruneVocabulary(payload) }
}
