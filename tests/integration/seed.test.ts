import { spawnSync } from 'node:child_process'

import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createConfig } from '../../payload.config'
import { readEnv } from '../../demo/env'
import { seedDemoContent } from '../../demo/seed/seedDemo'
import { databaseUnavailable, freshDatabaseUrl } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

describe.skipIf(databaseUnavailable())('seeded content', () => {
  let n: TestNewsroom
  beforeAll(async () => {
    n = await startNewsroom()
  })
  afterAll(() => n?.close())

  it('the first-start seed is a real Swedish newsroom, seeded once', async () => {
    expect(await seedDemoContent(n.payload)).toBe(true)
    expect(await seedDemoContent(n.payload)).toBe(false)

    const res = await fetch(`${n.baseUrl}/api/news?sort=-publishedAt&depth=1&limit=10`)
    const { docs } = (await res.json()) as { docs: { title: string; publishedAt: string; topics: { slug: string }[] }[] }
    const stimulans = docs.find((d) => d.title === 'Stimulansmedel inom området psykisk hälsa')
    expect(stimulans?.publishedAt.slice(0, 10)).toBe('2020-04-17')
    expect(stimulans?.topics.map((t) => t.slug)).toContain('psykisk-halsa')
    expect(docs.find((d) => d.title === 'Länsgemensamma satsningar inom psykisk hälsa')?.publishedAt.slice(0, 10)).toBe('2021-04-20')

    const topics = await n.payload.find({ collection: 'topics', where: { slug: { equals: 'suicidprevention' } }, depth: 1 })
    expect((topics.docs[0].parent as { title: string }).title).toBe('Psykisk hälsa')
  })

  it('npm run seed -- --items N adds N items over a ~20-topic tree', async () => {
    const databaseUrl = await freshDatabaseUrl()
    const run = spawnSync('npm', ['run', 'seed', '--', '--items', '40'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'seed-test-secret-0123456789' },
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0)
    expect(run.stdout).toMatch(/Seeded 40 items and 20 topics/)

    const payload = await getPayload({
      config: createConfig(readEnv({ DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'seed-test-secret-0123456789', SEED: 'false', RUN_JOBS: 'false' })),
      key: 'seed-check',
    })
    try {
      const counts = await Promise.all(
        (['news', 'events', 'press'] as const).map(async (collection) => (await payload.count({ collection, overrideAccess: true })).totalDocs),
      )
      expect(counts.reduce((a, b) => a + b)).toBe(40)
      expect(counts.every((c) => c > 0)).toBe(true)
      expect((await payload.count({ collection: 'topics' })).totalDocs).toBe(20)
      const withParent = await payload.count({ collection: 'topics', where: { parent: { exists: true } } })
      expect(withParent.totalDocs).toBeGreaterThan(10)
      const published = counts.reduce((a, b) => a + b) - 2 // every 20th generated item is a draft
      const indexed = async () => (await payload.count({ collection: 'newsroom-index' as never, where: { locale: { equals: 'sv' } } })).totalDocs
      expect(await indexed()).toBe(published)
      await payload.db.deleteMany({ collection: 'newsroom-index' as never, where: { key: { exists: true } } })
      expect(await indexed()).toBe(0)
    } finally {
      await payload.destroy()
    }
    const reindex = spawnSync('npm', ['run', 'reindex'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'seed-test-secret-0123456789' },
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(reindex.status, reindex.stderr.slice(-2000)).toBe(0)
    expect(reindex.stdout).toMatch(/Reindexed 38 published items/)
  })
})
