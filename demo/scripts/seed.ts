/**
 * `npm run seed -- --items N`: adds N generated items (mixed types, ~20 topics in a tree,
 * Swedish text) to the database named by DATABASE_URL, for benchmarks and demos.
 * Safe beside a running server on SQLite: the adapter uses WAL and a busy timeout.
 */
import { generatedItemData, generatedTopics, generateItem } from '../seed/generate'
import { arg, withPayload } from './withPayload'

const items = Number(arg('items') ?? 1000)
const offset = Number(arg('offset') ?? 0)
if (!Number.isInteger(items) || items < 0) {
  console.error('--items must be a whole number, e.g. npm run seed -- --items 1000')
  process.exit(2)
}

withPayload(async (payload) => {
  const started = performance.now()
  const topicIds = new Map<string, number | string>()
  for (const t of generatedTopics) {
    const existing = await payload.find({ collection: 'topics', where: { slug: { equals: t.slug } }, limit: 1, depth: 0 })
    const doc =
      existing.docs[0] ??
      (await payload.create({ collection: 'topics', data: { title: t.title, slug: t.slug, parent: t.parent ? topicIds.get(t.parent) : undefined } as never }))
    topicIds.set(t.slug, doc.id)
  }

  for (let i = offset; i < offset + items; i++) {
    const item = generateItem(i)
    await payload.create({ collection: item.collection, depth: 0, data: generatedItemData(item, i, (slug) => topicIds.get(slug)!) as never })
    if ((i - offset + 1) % 1000 === 0) console.log(`${i - offset + 1} items…`)
  }

  const seconds = (performance.now() - started) / 1000
  console.log(`Seeded ${items} items and ${generatedTopics.length} topics in ${seconds.toFixed(1)} s (${Math.round(items / seconds)} items/s)`)
})
