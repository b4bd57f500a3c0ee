import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src/index'
import { databaseUnavailable, freshDatabaseUrl, testDatabase } from '../support/database'

/** Somebody else's Payload project: no localization, its own users, nothing from our composition root. */
describe.skipIf(databaseUnavailable())('the plugin dropped into a minimal second config', () => {
  let payload: Payload
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-plugin-media-'))

  beforeAll(async () => {
    const url = await freshDatabaseUrl()
    const db =
      testDatabase === 'sqlite'
        ? sqliteAdapter({ client: { url } })
        : testDatabase === 'postgres'
          ? postgresAdapter({ pool: { connectionString: url } })
          : mongooseAdapter({ url })
    const config = buildConfig({
      secret: 'another-project-secret-123',
      db,
      collections: [{ slug: 'admins', auth: true, fields: [] }],
      typescript: { autoGenerate: false },
      // A scratch database made by dev-mode push: no word index (searches fall back to LIKE).
      plugins: [newsroomPlugin({ locales: ['sv'], defaultLocale: 'sv', mediaDir, search: { allowPush: true } })],
    })
    payload = await getPayload({ config, key: 'minimal-plugin-config' })
  })
  afterAll(async () => {
    await payload?.destroy()
    fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  it('creates and publishes a news item with a topic', async () => {
    const topic = await payload.create({ collection: 'topics', data: { title: 'Psykisk hälsa' } })
    expect(topic.slug).toBe('psykisk-halsa')
    const news = await payload.create({
      collection: 'news',
      data: { _status: 'published', title: 'Stimulansmedel inom området psykisk hälsa', topics: [topic.id] } as never,
    })
    expect(news.slug).toBe('stimulansmedel-inom-omradet-psykisk-halsa')
    expect(news.publishedAt).toBeTruthy()
  })

  it('anonymous reads see only published items here too', async () => {
    await payload.create({ collection: 'news', data: { _status: 'draft', title: 'Hemligt utkast' } as never })
    const anonymous = await payload.find({ collection: 'news', overrideAccess: false })
    expect(anonymous.docs.map((d) => d.title)).toEqual(['Stimulansmedel inom området psykisk hälsa'])
  })

  it.skipIf(testDatabase === 'mongodb')('refuses dev-mode schema push, which would drop the word index, naming push: false', async () => {
    const url = await freshDatabaseUrl()
    const db = testDatabase === 'sqlite' ? sqliteAdapter({ client: { url } }) : postgresAdapter({ pool: { connectionString: url } })
    const config = buildConfig({
      secret: 'another-project-secret-123',
      db,
      collections: [{ slug: 'admins', auth: true, fields: [] }],
      typescript: { autoGenerate: false },
      plugins: [newsroomPlugin({ locales: ['sv'], defaultLocale: 'sv', mediaDir })],
    })
    await expect(getPayload({ config, key: 'minimal-plugin-config-push' })).rejects.toThrow(/push: false/)
  })

  it.skipIf(testDatabase === 'mongodb')('without the word index, searches are counted by the LIKE scan and the health endpoint says so', async () => {
    const { runListing } = await import('../../src/listing/query')
    const { healthEndpoint } = await import('../../src/endpoints/health')
    const { pluginOptions } = await import('../../src/pluginOptions')
    const result = await runListing(payload, pluginOptions(payload), { types: ['news', 'events', 'press'], categories: [], q: 'psykisk', from: null, to: null, upcoming: false, locale: 'sv', limit: 10, cursor: null })
    expect(result.search).toBe('like')
    expect(result.total).toBe(1)
    const health = (await (await healthEndpoint.handler({ payload } as never)).json()) as { search: string }
    expect(health.search).toBe('like')
  })
})
