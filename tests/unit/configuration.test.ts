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
    const config = await buildConfig({
      ...baseConfig,
      plugins: [
        newsroomPlugin({
          collections: {
            news: {
              slug: 'nyheter',
              overrides: ({ defaultConfig }) => ({
                ...defaultConfig,
                hooks: { ...defaultConfig.hooks, afterChange: [() => undefined] },
              }),
            },
          },
        }),
      ],
    })
    const news = config.collections.find((c) => (c.slug as string) === 'nyheter')!
    expect(news.hooks.beforeChange?.length).toBeGreaterThan(0)
    expect(news.hooks.afterChange?.length).toBe(1)
  })
})
