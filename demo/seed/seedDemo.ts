import type { Payload } from 'payload'

import { seedItems, seedTopics } from './content'
import { lexicalFromParagraphs } from './lexical'

/** Seeds the Swedish demo newsroom once: does nothing when any topic exists. */
export async function seedDemoContent(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'topics' })
  if (totalDocs > 0) return false

  const topicIds = new Map<string, number | string>()
  for (const t of seedTopics) {
    const doc = await payload.create({
      collection: 'topics',
      locale: 'sv',
      data: { title: t.title, slug: t.slug, description: t.description, parent: t.parent ? topicIds.get(t.parent) : undefined } as never,
    })
    topicIds.set(t.slug, doc.id)
    await payload.update({ collection: 'topics', id: doc.id, locale: 'en', data: { title: t.titleEn } })
  }

  for (const item of seedItems) {
    const doc = await payload.create({
      collection: item.collection,
      locale: 'sv',
      data: {
        _status: 'published',
        title: item.title,
        summary: item.summary,
        body: lexicalFromParagraphs(item.paragraphs),
        publishedAt: item.publishedAt,
        lastModified: item.lastModified ?? item.publishedAt,
        topics: item.topics.map((slug) => topicIds.get(slug)!),
        related: item.related?.map((r) => ({ linkType: 'external', label: r.label, url: r.url })),
        ...item.event,
      } as never,
    })
    if (item.titleEn) {
      await payload.update({ collection: item.collection, id: doc.id, locale: 'en', data: { _status: 'published', title: item.titleEn } as never })
    }
  }
  payload.logger.info(`Seeded ${seedTopics.length} topics and ${seedItems.length} items`)
  return true
}

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there are no users yet (for automation). */
export async function ensureAdminFromEnv(payload: Payload, email?: string, password?: string) {
  if (!email || !password) return
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  await payload.create({ collection: 'users', data: { email, password, roles: ['admin'] } as never })
  payload.logger.info(`Created admin user ${email}`)
}
