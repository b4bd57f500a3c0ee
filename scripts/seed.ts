/**
 * `npm run seed -- --items N`: adds N generated items (mixed types, ~20 topics in a tree,
 * Swedish text) to the database named by DATABASE_URL, for benchmarks and demos.
 * Safe beside a running server on SQLite: the adapter uses WAL and a busy timeout.
 */
import { getPayload } from 'payload'

import { createConfig } from '../payload.config'
import { readEnv } from '../src/runtime/env'
import { generatedTopics, generateItem } from '../src/seed/generate'
import { lexicalFromParagraphs } from '../src/seed/lexical'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > -1 ? process.argv[i + 1] : undefined
}
const items = Number(arg('items') ?? 1000)
const offset = Number(arg('offset') ?? 0)
if (!Number.isInteger(items) || items < 0) {
  console.error('--items must be a whole number, e.g. npm run seed -- --items 1000')
  process.exit(2)
}

// No top-level await: a module still evaluating while Payload imports lazily can leave Node waiting forever (exit 13).
async function main() {
  const payload = await getPayload({ config: createConfig(readEnv({ ...process.env, SEED: 'false', RUN_JOBS: 'false' })) })
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
    await payload.create({
      collection: item.collection,
      depth: 0,
      data: {
        _status: item.status,
        title: item.title,
        slug: `${item.collection}-${i + 1}`,
        summary: item.summary,
        body: lexicalFromParagraphs(item.paragraphs),
        publishedAt: item.publishedAt,
        lastModified: item.publishedAt,
        topics: item.topics.map((slug) => topicIds.get(slug)),
        ...item.event,
      } as never,
    })
    if ((i - offset + 1) % 1000 === 0) console.log(`${i - offset + 1} items…`)
  }

  const seconds = (performance.now() - started) / 1000
  console.log(`Seeded ${items} items and ${generatedTopics.length} topics in ${seconds.toFixed(1)} s (${Math.round(items / seconds)} items/s)`)
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
