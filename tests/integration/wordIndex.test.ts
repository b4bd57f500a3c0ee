import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { afterCommitSettled } from '../../src/listing/afterCommit'
import { groupedFacetCounts, likeFacetCounts } from '../../src/listing/facets'
import { rebuildIndex } from '../../src/scripts'
import { parseListingParams } from '../../src/listing/params'
import { runListing } from '../../src/listing/query'
import { pluginOptions } from '../../src/pluginOptions'
import { searchWords } from '../../src/listing/text'
import { LISTING_QUEUE } from '../../src/listing/topicJob'
import { localeTerm, topicTerm } from '../../src/listing/wordIndex'
import { generatedItemData, generatedTopics, generateItem, prng } from '../../demo/seed/generate'
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
      const doc = await n.payload.create({ collection: item.collection, depth: 0, data: generatedItemData(item, i, (slug) => topicIds.get(slug)!) as never })
      created.push({ collection: item.collection, id: doc.id, published: item.status === 'published' })
    }
    const { docs } = await n.payload.find({ collection: 'newsroom-index', limit: 0, pagination: false, depth: 0, overrideAccess: true })
    vocabulary = [...new Set(docs.flatMap((d) => String((d as { search?: string }).search ?? '').split(' ')))].filter(Boolean)
  }, 120_000)
  afterAll(() => n?.close())

  /** Raw SQL on the adapter's own connection (the vocabulary is not a Payload collection). */
  const sql = async (text: string, params: unknown[] = []) => {
    const db = n.payload.db as unknown as {
      client?: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }
      pool?: { query: (q: string, p: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
    }
    if (testDatabase === 'sqlite') return (await db.client!.execute({ sql: text, args: params })).rows
    let i = 0
    return (await db.pool!.query(text.replace(/\?/g, () => `$${++i}`), params)).rows
  }
  const vocabularyTerms = async () => new Set((await sql('SELECT term FROM newsroom_terms')).map((r) => String(r.term)))
  /** What the vocabulary must hold: every word of an index row (PostgreSQL: also its locale and topic terms), nothing else. */
  const usedTerms = async () => {
    const { docs } = await n.payload.find({ collection: 'newsroom-index', limit: 0, pagination: false, depth: 0, overrideAccess: true })
    const terms = new Set<string>()
    for (const d of docs as unknown as { search?: string; topicPath?: string; locale: string }[]) {
      for (const w of (d.search ?? '').split(' ').filter(Boolean)) terms.add(w)
      if (testDatabase === 'postgres') {
        terms.add(localeTerm(d.locale))
        for (const id of (d.topicPath ?? '').split('|').filter(Boolean)) terms.add(topicTerm(id))
      }
    }
    return terms
  }
  const unusedTerms = async () => {
    const used = await usedTerms()
    return [...(await vocabularyTerms())].filter((t) => !used.has(t)).sort()
  }
  const countsOf = async (q: string) => {
    const f = { locale: 'sv', topicIds: [], words: searchWords(q) }
    const viaIndex = (await groupedFacetCounts(n.payload, f))!
    expect(viaIndex.via, q).toBe('word-index')
    expect(viaIndex.counts, q).toEqual(await likeFacetCounts(n.payload, f))
    return viaIndex.counts.news + viaIndex.counts.events + viaIndex.counts.press
  }

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
      expect(viaIndex?.counts, JSON.stringify(filter)).toEqual(viaScan)
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
    for (const { collection, id } of created.slice(0, 10)) await n.payload.update({ collection: collection, id, data: { _status: 'draft' } as never })
    for (const { collection, id } of created.slice(10, 20)) await n.payload.delete({ collection: collection, id })
    for (const { collection, id } of created.slice(20, 30)) await n.payload.update({ collection: collection, id, data: { title: `Omskriven rubrik om trädgårdsterapi ${id}` } as never })
    await afterCommitSettled(n.payload) // the vocabulary is pruned right after each write has committed
    await compare(2)
    expect(await unusedTerms()).toEqual([])
    const f = { locale: 'sv', topicIds: [], words: searchWords('trädgårdsterapi') }
    const { counts } = (await groupedFacetCounts(n.payload, f))!
    expect(counts.news + counts.events + counts.press).toBe(created.slice(20, 30).filter((c) => c.published).length)
  })

  it("a deleted or unpublished item's own words leave the vocabulary, and counts stay exact", async () => {
    const make = async (word: string) =>
      n.payload.create({ collection: 'news', depth: 0, data: { _status: 'published', title: `Nyhet om ${word}`, summary: `Bara här: ${word}x2` } as never })
    const gone = await make('kvittenblomster')
    const hidden = await make('snöklockeäng')
    for (const w of ['kvittenblomster', 'kvittenblomsterx2', 'snöklockeäng', 'snöklockeängx2']) expect((await vocabularyTerms()).has(w), w).toBe(true)
    expect(await countsOf('kvittenblomster')).toBe(1)
    expect(await countsOf('blomst')).toBe(1)

    await n.payload.delete({ collection: 'news', id: gone.id })
    await n.payload.update({ collection: 'news', id: hidden.id, data: { _status: 'draft' } as never })
    await afterCommitSettled(n.payload)
    const vocabulary = await vocabularyTerms()
    for (const w of ['kvittenblomster', 'kvittenblomsterx2', 'snöklockeäng', 'snöklockeängx2']) expect(vocabulary.has(w), w).toBe(false)
    expect(vocabulary.has('om')).toBe(true) // words other items still use stay
    expect(await countsOf('kvittenblomster')).toBe(0)
    expect(await countsOf('snöklocke')).toBe(0)
    expect(await unusedTerms()).toEqual([])
    await compare(4)
  })

  it('a deleted topic leaves the vocabulary once its job has re-indexed its items', async () => {
    const topic = await n.payload.create({ collection: 'topics', data: { title: 'Tillfälligt ämne', slug: 'tillfalligt' } as never })
    await n.payload.create({ collection: 'press', depth: 0, data: { _status: 'published', title: 'Pressmeddelande i tillfälligt ämne', topics: [topic.id] } as never })
    await n.payload.delete({ collection: 'topics', id: topic.id })
    await n.payload.jobs.run({ queue: LISTING_QUEUE })
    await afterCommitSettled(n.payload)
    expect((await vocabularyTerms()).has(topicTerm(String(topic.id)))).toBe(false)
    expect(await unusedTerms()).toEqual([])
  })

  it('npm run reindex prunes every word no row uses, and counts stay exact', async () => {
    await sql(`INSERT INTO newsroom_terms (term) VALUES (?)`, ['föräldralöstord'])
    expect(await unusedTerms()).toEqual(['föräldralöstord'])
    expect(await countsOf('föräldralös')).toBe(0) // a word in no row changes no count
    const { prunedWords } = await rebuildIndex(n.payload)
    expect(prunedWords).toBeGreaterThanOrEqual(1)
    expect(await unusedTerms()).toEqual([])
    expect((await vocabularyTerms()).size).toBeGreaterThan(100)
    await compare(3)
    // The SQLite vocabulary's trigram index was told about every word it lost: a lookup finds none of them.
    if (testDatabase === 'sqlite') expect(await sql(`SELECT term FROM newsroom_terms_trigram WHERE term LIKE '%föräldralös%'`)).toEqual([])
  })

  it('a search reads the same pages whether it walks the index or reads the matching rows by id', async () => {
    const params = (q: string, cursor?: string) =>
      parseListingParams(new URLSearchParams({ q, limit: '7', ...(cursor ? { cursor } : {}) }), { locales: ['sv', 'en'], defaultLocale: 'sv', defaultLimit: 10, maxLimit: 100 })
    const walk = async (q: string, pageRowIds: number) => {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const res = await runListing(n.payload, pluginOptions(n.payload), params(q, cursor), { pageRowIds })
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
