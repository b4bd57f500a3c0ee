import { spawnSync } from 'node:child_process'

import { buildConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src/index'
import { readEnv } from '../../demo/env'

const baseConfig = {
  secret: 'x'.repeat(32),
  db: {} as never,
  localization: { locales: ['sv', 'en'], defaultLocale: 'sv' },
}

describe('invalid configuration stops start-up with a message naming the setting', () => {
  it('plugin option serverURL must be an absolute URL', () => {
    expect(() => newsroomPlugin({ serverURL: 'nyhetsrum.local' })(baseConfig)).toThrow(/option "serverURL"/)
  })

  it('plugin locales must exist in the config localization', () => {
    expect(() => newsroomPlugin({ locales: ['sv', 'de'] })(baseConfig)).toThrow(/option "locales": unknown locale "de"/)
  })

  it('defaultLocale must be one of the locales', () => {
    expect(() => newsroomPlugin({ locales: ['sv'], defaultLocale: 'en' })(baseConfig)).toThrow(/option "defaultLocale"/)
  })

  it('login throttle options are checked', () => {
    expect(() => newsroomPlugin({ login: { ipLimit: 0 } })(baseConfig)).toThrow(/option "login.ipLimit"/)
  })

  it("the newsletter's mailto address follows the one e-mail rule of sign-ups", () => {
    expect(() => newsroomPlugin({ newsletter: { unsubscribeMailto: 'avregistrera@exempel.se>, x@y.se' } })(baseConfig)).toThrow(/option "newsletter.unsubscribeMailto": must be an e-mail address/)
    expect(() => newsroomPlugin({ newsletter: { unsubscribeMailto: 'avregistrera@exempel.se' } })(baseConfig)).not.toThrow()
  })

  it('a collection slug clash is reported', () => {
    expect(() => newsroomPlugin()({ ...baseConfig, collections: [{ slug: 'news', fields: [] }] })).toThrow(/already has a collection "news"/)
  })

  it.each([
    ['DATABASE_URL', 'mysql://db/newsroom'],
    ['SERVER_URL', 'localhost:3000'],
    ['SMTP_URL', 'http://mail'],
    ['PORT', 'abc'],
    ['HOST', 'not a host!'],
  ])('env %s=%s is rejected by name', (name, value) => {
    expect(() => readEnv({ [name]: value, PAYLOAD_SECRET: 'x'.repeat(32) })).toThrow(new RegExp(`${name}:`))
  })

  it('npm start exits with the message before doing anything else', () => {
    const run = spawnSync('npm', ['start'], {
      env: { ...process.env, DATABASE_URL: 'mysql://db/newsroom' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/Invalid configuration:\s+DATABASE_URL: must start with file:/)
  })

  it('the plugin registers its collections with Swedish and English labels', async () => {
    const config = await buildConfig({ ...baseConfig, plugins: [newsroomPlugin()] })
    const slugs = config.collections.map((c) => c.slug)
    expect(slugs).toEqual(expect.arrayContaining(['news', 'events', 'press', 'topics', 'media']))
    const events = config.collections.find((c) => c.slug === 'events')!
    expect(events.labels.singular).toEqual({ sv: 'Kalenderhändelse', en: 'Calendar event' })
    expect(events.versions && typeof events.versions === 'object' && events.versions.drafts).toMatchObject({ schedulePublish: { timeFormat: 'p' } })
  })

  it('overrides receive the default config and keep our hooks', async () => {
    const ownHook = () => undefined
    const config = await buildConfig({
      ...baseConfig,
      plugins: [
        newsroomPlugin({
          collections: {
            news: {
              slug: 'nyheter',
              overrides: ({ defaultConfig }) => ({
                ...defaultConfig,
                hooks: { ...defaultConfig.hooks, afterChange: [ownHook] },
              }),
            },
          },
        }),
      ],
    })
    const news = config.collections.find((c) => (c.slug as string) === 'nyheter')!
    expect(news.hooks.beforeChange?.length).toBeGreaterThan(0)
    // The override's hook first, then the two the plugin always appends: the records' audit rows and the index.
    expect(news.hooks.afterChange?.length).toBe(3)
    expect(news.hooks.afterChange?.[0]).toBe(ownHook)
  })

  it('every collection the plugin adds takes a slug, and relationships follow it', async () => {
    const config = await buildConfig({
      ...baseConfig,
      plugins: [
        newsroomPlugin({
          collections: {
            topics: { slug: 'amnen' },
            subscribers: { slug: 'prenumeranter' },
            digestRuns: { slug: 'utskick' },
            digestDeliveries: { slug: 'leveranser' },
            rateLimits: { slug: 'grindar' },
            newsroomIndex: { slug: 'aktuellt-index' },
            loginAttempts: { slug: 'inloggningsforsok' },
          },
        }),
      ],
    })
    const slugs = config.collections.map((c) => c.slug as string)
    expect(slugs).toEqual(expect.arrayContaining(['amnen', 'prenumeranter', 'utskick', 'leveranser', 'grindar', 'aktuellt-index', 'inloggningsforsok']))
    for (const old of ['topics', 'subscribers', 'digest-runs', 'digest-deliveries', 'newsletter-rate-limits', 'newsroom-index', 'login-attempts']) expect(slugs).not.toContain(old)
    const field = (collection: string, name: string) =>
      config.collections.find((c) => (c.slug as string) === collection)!.fields.find((f) => 'name' in f && f.name === name) as { relationTo?: string }
    expect(field('leveranser', 'subscriber').relationTo).toBe('prenumeranter')
    expect(field('leveranser', 'run').relationTo).toBe('utskick')
    expect(field('prenumeranter', 'topics').relationTo).toBe('amnen')
    // The index keeps its table (the word index's triggers name it).
    expect(config.collections.find((c) => (c.slug as string) === 'aktuellt-index')!.dbName).toBe('newsroom_index')
  })

  it.each([
    [{ collections: { subscribers: { slug: 'Prenumeranter' } } }, /option "collections.subscribers.slug": must be lower-case/],
    [{ collections: { newsroomIndex: { slug: 'index_2' } } }, /option "collections.newsroomIndex.slug": must be lower-case/],
    [{ collections: { digestRuns: { slug: 'news' } } }, /option "collections": slug "news" is used twice/],
    [{ collections: { subscriberz: { slug: 'prenumeranter' } } }, /option "collections": Unrecognized key: "subscriberz"/],
    [{ collections: { rateLimits: { overrides: 'nej' } } }, /option "collections.rateLimits.overrides": must be a function/],
  ])('bad slug options are refused by name: %j', (input, message) => {
    expect(() => newsroomPlugin(input as never)(baseConfig)).toThrow(message)
  })

  it('an override cannot rename the collection or drop a field the plugin needs', () => {
    expect(() =>
      newsroomPlugin({ collections: { subscribers: { overrides: ({ defaultConfig }) => ({ ...defaultConfig, slug: 'andra' }) } } })(baseConfig),
    ).toThrow(/option "collections.subscribers.overrides": returned slug "andra"; set collections.subscribers.slug instead/)
    expect(() =>
      newsroomPlugin({
        collections: { digestDeliveries: { overrides: ({ defaultConfig }) => ({ ...defaultConfig, fields: defaultConfig.fields.filter((f) => !('name' in f) || f.name !== 'dedupeKey') }) } },
      })(baseConfig),
    ).toThrow(/option "collections.digestDeliveries.overrides": removed the field "dedupeKey"/)
  })
})
