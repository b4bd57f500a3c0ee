import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { NEWSROOM_INDEX_SLUG } from '../../collections/newsroomIndex'
import { groupedFacetCounts, likeFacetCounts } from '../../src/listing/facets'
import { parseListingParams } from '../../src/listing/params'
import { runListing } from '../../src/listing/query'
import { searchWords } from '../../src/listing/text'
import { generatedItemData, generatedTopics, generateItem, prng } from '../../src/seed/generate'
import { databaseUnavailable, testDatabase } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

/**
 * The word index must give the counts a plain LIKE over every search text gives (the fallback,
 * and what the listing did before the index), for any words: whole words, pieces of compounds,
 * words in no item, several words, with topics and dates. Queried with words cut from the
 * generated items' own text, then again after editors unpublish, delete and edit.
 */
describe.skipIf(databaseUnavailable() || testDatabase === 'mongodb')('word index', () => {
  let n: TestNewsroom
  const topicIds = new Map<string, number | string>()
  const created: { collection: string; id: number | string; published: boolean }[] = []
  let vocabulary: string[] = []

  beforeAll(async () => {
    n = await startNewsroom()
    for (const t of generatedTopics) {
      const doc = await n.payload.create({ collection: 'topics', data: { title: t.title, slug: t.slug, parent: t.parent ? topicIds.get(t.parent) : undefined } as never })
      topicIds.set(t.slug, doc.id)
    }
    for (let i = 0; i < 120; i++) {
      const item = generateItem(i)
      const doc = await n.payload.create({ collection: item.collection as CollectionSlug, depth: 0, data: generatedItemData(item, i, (slug) => topicIds.get(slug)!) as never })
      created.push({ collection: item.collection, id: doc.id, published: item.status === 'published' })
    }
    const { docs } = await n.payload.find({ collection: NEWSROOM_INDEX_SLUG as CollectionSlug, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    vocabulary = [...new Set(docs.flatMap((d) => String((d as { search?: string }).search ?? '').split(' ')))].filter(Boolean)
  }, 120_000)
  afterAll(() => n?.close())

  /** Query words: whole indexed words, pieces of them (3–6 letters from anywhere), and nonsense. */
  function queries(seed: number, count: number): string[][] {
    const random = prng(seed)
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
    const piece = () => {
      const word = pick(vocabulary)
      if (random() < 0.4 || word.length <= 3) return word
      const length = 3 + Math.floor(random() * Math.min(4, word.length - 2))
      const start = Math.floor(random() * (word.length - length + 1))
      return word.slice(start, start + length)
    }
    return Array.from({ length: count }, (_, k) => (k % 10 === 9 ? ['qxzv', piece()] : Array.from({ length: 1 + Math.floor(random() * 3) }, piece)))
  }

  async function compare(seed: number) {
    const topics = [...topicIds.values()].map(String)
    const random = prng(seed + 1)
    let nonZero = 0
    for (const words of queries(seed, 40)) {
      const filter = {
        locale: random() < 0.8 ? 'sv' : 'en',
        topicIds: random() < 0.3 ? [topics[Math.floor(random() * topics.length)]!] : [],
        words: searchWords(words.join(' ')),
        from: random() < 0.2 ? new Date('2024-01-01T00:00:00Z') : null,
        to: random() < 0.2 ? new Date('2026-06-30T00:00:00Z') : null,
      }
      const viaIndex = await groupedFacetCounts(n.payload, filter)
      const viaScan = await likeFacetCounts(n.payload, filter)
      expect(viaIndex, JSON.stringify(filter)).toEqual(viaScan)
      if (viaScan && viaScan.news + viaScan.events + viaScan.press > 0) nonZero++
    }
    // Not a vacuous comparison: many queries find something.
    expect(nonZero).toBeGreaterThan(12)
  }

  it('gives the counts of a full LIKE scan, for 40 queries of words and pieces of words', async () => {
    expect(vocabulary.length).toBeGreaterThan(100)
    await compare(1)
  })

  it('still does after items are unpublished, deleted and edited', async () => {
    for (const { collection, id } of created.slice(0, 10)) await n.payload.update({ collection: collection as CollectionSlug, id, data: { _status: 'draft' } as never })
    for (const { collection, id } of created.slice(10, 20)) await n.payload.delete({ collection: collection as CollectionSlug, id })
    for (const { collection, id } of created.slice(20, 30)) await n.payload.update({ collection: collection as CollectionSlug, id, data: { title: `Omskriven rubrik om trädgårdsterapi ${id}` } as never })
    await compare(2)
    const f = { locale: 'sv', topicIds: [], words: searchWords('trädgårdsterapi') }
    const counts = (await groupedFacetCounts(n.payload, f))!
    expect(counts.news + counts.events + counts.press).toBe(created.slice(20, 30).filter((c) => c.published).length)
  })

  it('a search reads the same pages whether it walks the index or reads the matching rows by id', async () => {
    const params = (q: string, cursor?: string) =>
      parseListingParams(new URLSearchParams({ q, limit: '7', ...(cursor ? { cursor } : {}) }), { locales: ['sv', 'en'], defaultLocale: 'sv', defaultLimit: 10, maxLimit: 100 })
    const walk = async (q: string, pageRowIds: number) => {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const res = await runListing(n.payload, params(q, cursor), { pageRowIds })
        seen.push(...res.items.map((i) => `${i.type}:${i.id}`))
        cursor = res.nextCursor ?? undefined
      } while (cursor)
      return seen
    }
    let walked = 0
    for (const words of queries(3, 15)) {
      const q = words.join(' ')
      const byId = await walk(q, 1000)
      expect(byId, q).toEqual(await walk(q, 0))
      walked += byId.length
    }
    expect(walked).toBeGreaterThan(30)
  })
})
