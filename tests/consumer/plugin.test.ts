import fs from 'node:fs'
import { builtinModules } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'
import pg from 'pg'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { chromiumMissing, launchChromium } from '../support/chromium'
import { installFootprint } from '../support/footprint'
import { type NextServer, startNext } from '../support/nextStart'
import { findPostgresBin, startPostgres, type TempPostgres } from '../support/postgres'
import { childEnv, run } from '../support/run'
import { StepTimes } from '../support/stepTimes'
import { parsedAtom, parsedCalendar, parsedJsonFeed, parsedRss } from './parsedFeeds'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const fixture = fileURLToPath(new URL('./fixtures/plugin-app', import.meta.url))
const ADMIN = { email: 'admin@example.se', password: 'admin-lösenord-1' }
const SECRET = 'consumer-app-secret-0123456789'

const missingBrowser = chromiumMissing()
const missingPostgres = findPostgresBin() ? null : 'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)'
if (process.env.CI === 'true' && (missingBrowser || missingPostgres)) throw new Error(`CI=true but ${missingBrowser ?? missingPostgres}`)

/** The version of a package this repository has installed: the consumer asks for the same, so npm's cache serves it. */
const installed = (name: string) => (JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
const APP_DEPENDENCIES = [
  'payload',
  '@payloadcms/next',
  '@payloadcms/db-sqlite',
  '@payloadcms/db-postgres',
  '@payloadcms/richtext-lexical',
  '@payloadcms/ui',
  'next',
  'react',
  'react-dom',
  'graphql',
  'sharp',
]
// A TypeScript app: Next type-checks it during the build.
const APP_DEV_DEPENDENCIES = ['typescript', '@types/react', '@types/node']

type Json = Record<string, unknown>

describe('the plugin installed from its tarball into a fresh Payload app', () => {
  const times = new StepTimes('plugin consumer (tests/consumer/plugin.test.ts)')
  const packed = inject('packed')
  let dir: string
  let built = false

  /** The Payload CLI of the consumer. Node 20 needs the production condition (Lexical's top-level await; see README). */
  const payloadCli = (args: string[], env: Record<string, string>) =>
    run(path.join(dir, 'node_modules', '.bin', 'payload'), args, {
      cwd: dir,
      env: childEnv({ NODE_OPTIONS: '--conditions=production', PAYLOAD_SECRET: SECRET, ...env }),
      timeoutMs: 300_000,
    })

  beforeAll(async () => {
    times.note('npm pack (both packages, global setup)', `plugin ${packed.plugin.size} B packed, ${packed.plugin.unpackedSize} B unpacked, ${packed.plugin.entryCount} files`, packed.ms)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-plugin-consumer-'))
    fs.cpSync(fixture, dir, { recursive: true })
    fs.mkdirSync(path.join(dir, 'migrations'))
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify(
        {
          name: 'consumer-app',
          private: true,
          type: 'module',
          dependencies: {
            'payload-plugin-newsroom': `file:${packed.plugin.file}`,
            'newsroom-feeds': `file:${packed.feeds.file}`,
            ...Object.fromEntries(APP_DEPENDENCIES.map((name) => [name, installed(name)])),
          },
          devDependencies: Object.fromEntries(APP_DEV_DEPENDENCIES.map((name) => [name, installed(name)])),
        },
        null,
        2,
      ),
    )
    await times.time('npm install (app + both tarballs)', () => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeoutMs: 600_000 }))
    const { total, only } = await installFootprint(dir, ['payload-plugin-newsroom', 'newsroom-feeds'])
    times.note('install footprint', `${total.packages} packages, ${(total.bytes / 1e6).toFixed(0)} MB in node_modules; only for the plugin: ${only.packages} packages, ${(only.bytes / 1e6).toFixed(1)} MB`)
  })

  afterAll(() => {
    times.report()
    if (dir && !process.env.KEEP_CONSUMER) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('declares every package its shipped JavaScript imports', () => {
    const pkgDir = path.join(dir, 'node_modules', 'payload-plugin-newsroom')
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: Json; peerDependencies?: Json }
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})])
    const imported = new Set<string>()
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (entry.name.endsWith('.js')) {
          const code = fs.readFileSync(full, 'utf8')
          for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
            const spec = (m[1] ?? m[2] ?? m[3])!
            if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue
            imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
          }
        }
      }
    }
    walk(path.join(pkgDir, 'dist'))
    expect(imported.size).toBeGreaterThan(3)
    expect([...imported].filter((name) => !declared.has(name)).sort()).toEqual([])
  })

  it('payload generate:importmap writes imports of the package entry points, not paths into the app', async () => {
    await times.time('payload generate:importmap', () => payloadCli(['generate:importmap'], {}))
    const map = fs.readFileSync(path.join(dir, 'app', '(payload)', 'admin', 'importMap.js'), 'utf8')
    expect(map).toContain(`"payload-plugin-newsroom/rsc#SubscriberStats"`)
    expect(map).toContain(`"payload-plugin-newsroom/rsc#DigestRunsHeader"`)
    expect(map).toMatch(/from 'payload-plugin-newsroom\/rsc'/)
    expect([...map.matchAll(/from '([^']+)'/g)].map((m) => m[1]).filter((spec) => spec!.startsWith('.') || spec!.startsWith('/'))).toEqual([])
  })

  it('next build succeeds without transpilePackages or shims (and type-checks the app)', async () => {
    expect(fs.readFileSync(path.join(dir, 'next.config.mjs'), 'utf8')).not.toMatch(/transpilePackages\s*:/)
    await times.time('next build', () =>
      run(path.join(dir, 'node_modules', '.bin', 'next'), ['build'], { cwd: dir, env: childEnv({ PAYLOAD_SECRET: SECRET }), timeoutMs: 900_000 }),
    )
    expect(fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))).toBe(true)
    built = true
    const { stdout } = await run('du', ['-sm', '.next'], { cwd: dir })
    times.note('.next size', `${stdout.split('\t')[0]} MB`)
  })

  /**
   * `payload migrate:create` for the plugin's collections, then the app's own word-index migration
   * (a blank one from `migrate:create --forceAcceptWarning`, filled with the fixture that calls the
   * plugin's exported SQL), then `payload migrate`.
   */
  const migrate = async (dialect: 'sqlite' | 'postgres', databaseUrl: string) => {
    const env = { DATABASE_URL: databaseUrl }
    await times.time(`payload migrate:create initial (${dialect})`, () => payloadCli(['migrate:create', 'initial'], env))
    await times.time(`payload migrate:create newsroom_word_index (${dialect})`, () => payloadCli(['migrate:create', 'newsroom_word_index', '--forceAcceptWarning'], env))
    const migrations = path.join(dir, 'migrations', dialect)
    const blank = fs.readdirSync(migrations).filter((f) => f.endsWith('_newsroom_word_index.ts'))
    expect(blank).toHaveLength(1)
    fs.copyFileSync(path.join(dir, 'newsroom-migrations', `${dialect}.ts`), path.join(migrations, blank[0]!))
    const { stdout, stderr } = await times.time(`payload migrate (${dialect})`, () => payloadCli(['migrate'], env))
    expect(`${stdout}${stderr}`).toMatch(/Migrated:\s+\d{8}_\d{6}_newsroom_word_index/)
  }

  /** What an editor would have made: a topic, a published news item and event, and a draft. Through the REST API as the first (admin) user. */
  const seed = async (baseUrl: string) => {
    const register = await fetch(`${baseUrl}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    expect(register.status).toBe(200)
    const { token, user } = (await register.json()) as { token: string; user: { roles: string[] } }
    expect(user.roles).toEqual(['admin'])
    const auth = { 'content-type': 'application/json', authorization: `JWT ${token}` }
    const post = async (collection: string, data: Json) => {
      const res = await fetch(`${baseUrl}/api/${collection}`, { method: 'POST', headers: auth, body: JSON.stringify(data) })
      expect(res.status, await res.clone().text()).toBe(201)
      return ((await res.json()) as { doc: { id: number | string } }).doc.id
    }
    const topic = await post('topics', { title: 'Fåglar' })
    await post('news', { _status: 'published', title: 'Zebrafinkar häckar på Ängö', summary: 'Ovanliga gäster i skärgården.', publishedAt: '2026-05-02T08:00:00.000Z', topics: [topic] })
    await post('news', { _status: 'draft', title: 'Hemligt utkast om zebrafinkar' })
    await post('events', { _status: 'published', title: 'Fågelskådning vid Ängö', start: '2027-05-10T08:00:00.000Z', end: '2027-05-10T10:00:00.000Z', topics: [topic] })
    return auth
  }

  /** The listing and the four feeds, as a site or a feed reader would read them. */
  const expectListingAndFeeds = async (baseUrl: string) => {
    const res = await fetch(`${baseUrl}/api/newsroom/items?q=zebrafink`)
    expect(res.status).toBe(200)
    const listing = (await res.json()) as { items: { title: string; categories: { slug: string }[] }[]; facets: Json; total: number }
    expect(listing.items.map((i) => i.title)).toEqual(['Zebrafinkar häckar på Ängö'])
    expect(listing.items[0]!.categories.map((c) => c.slug)).toEqual(['faglar'])
    expect(listing.facets).toEqual({ all: 1, news: 1, events: 0, press: 0 })
    const header = res.headers.get('x-newsroom-search')
    expect(header).toBe('word-index')
    // The request guard from payload-plugin-newsroom/guard in the app's route files: bad input is a 4xx with a message.
    for (const bad of ['/api/news?limit=1.5', '/api/news?where=abc', '/api/news/abc']) {
      const r = await fetch(`${baseUrl}${bad}`)
      expect(r.status, bad).toBeGreaterThanOrEqual(400)
      expect(r.status, bad).toBeLessThan(500)
      expect(((await r.json()) as { errors: { message: string }[] }).errors[0]!.message, bad).toBeTruthy()
    }
    const gql = await fetch(`${baseUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })
    expect(gql.status).toBe(400)
    const both = (await (await fetch(`${baseUrl}/api/newsroom/items?q=${encodeURIComponent('ÄNGÖ')}`)).json()) as { facets: Json }
    expect(both.facets).toEqual({ all: 2, news: 1, events: 1, press: 0 })

    const text = async (p: string, type: string) => {
      const r = await fetch(`${baseUrl}/api/newsroom/${p}`)
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toBe(type)
      return r.text()
    }
    const rss = await parsedRss(await text('feed.rss', 'application/rss+xml; charset=utf-8'))
    expect(rss.items.map((i) => i.title).sort()).toEqual(['Fågelskådning vid Ängö', 'Zebrafinkar häckar på Ängö'])
    const atom = await parsedAtom(await text('feed.atom', 'application/atom+xml; charset=utf-8'))
    expect(atom.entries.map((e) => e.title).sort()).toEqual(['Fågelskådning vid Ängö', 'Zebrafinkar häckar på Ängö'])
    const json = parsedJsonFeed(await text('feed.json', 'application/feed+json; charset=utf-8'))
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.items.map((i) => i.title).sort()).toEqual(['Fågelskådning vid Ängö', 'Zebrafinkar häckar på Ängö'])
    const events = parsedCalendar(await text('calendar.ics', 'text/calendar; charset=utf-8'))
    expect(events.map((e) => [e.summary, e.start])).toEqual([['Fågelskådning vid Ängö', '2027-05-10T08:00:00.000Z']])
  }

  describe('on SQLite', () => {
    let server: NextServer | undefined
    let browser: Browser | undefined
    let auth: Record<string, string>
    let dbFile: string

    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    })

    it('payload migrate:create and migrate make the schema and, through the plugin exports, the word index', async () => {
      dbFile = path.join(dir, 'consumer.db')
      await migrate('sqlite', `file:${dbFile}`)
      const db = createClient({ url: `file:${dbFile}` })
      try {
        const names = (await db.execute(`SELECT name FROM sqlite_master WHERE name IN ('newsroom_index', 'newsroom_fts', 'newsroom_terms', 'newsroom_index_locale_type_search_idx', 'newsroom_index_words_insert')`)).rows
        expect(names.map((r) => r.name).sort()).toEqual(['newsroom_fts', 'newsroom_index', 'newsroom_index_locale_type_search_idx', 'newsroom_index_words_insert', 'newsroom_terms'])
      } finally {
        db.close()
      }
    })

    it('with withSqliteWriteLock from payload-plugin-newsroom/sqlite, parallel creates and logins in transactions all succeed', async () => {
      // On a copy of the migrated file (the app's first-register below needs an empty users table).
      const file = path.join(dir, 'parallel.db')
      for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.copyFileSync(dbFile + suffix, file + suffix)
      const { stdout } = await times.time('payload run parallelWrites.ts (sqlite)', () => payloadCli(['run', 'parallelWrites.ts'], { DATABASE_URL: `file:${file}` }))
      const line = stdout.split('\n').find((l) => l.startsWith('{"users"'))
      expect(line, stdout).toBeDefined()
      expect(JSON.parse(line!)).toEqual({ users: 8, logins: 8, topics: 8, stored: 8, failures: [] })
    })

    it('starts with next start, and the word index fills as items are published (drafts stay out)', async () => {
      expect(built).toBe(true)
      server = await times.time('next start (sqlite) until /api/newsroom/health answers', () =>
        startNext(dir, { DATABASE_URL: `file:${dbFile}`, PAYLOAD_SECRET: SECRET, MEDIA_DIR: path.join(dir, 'media') }),
      )
      expect(await (await fetch(`${server.baseUrl}/api/newsroom/health`)).json()).toMatchObject({ ok: true, database: 'sqlite' })
      auth = await seed(server.baseUrl)
      const db = createClient({ url: `file:${dbFile}` })
      try {
        const terms = async (term: string) => Number((await db.execute({ sql: 'SELECT count(*) AS n FROM newsroom_terms WHERE term = ?', args: [term] })).rows[0]!.n)
        expect(await terms('zebrafinkar')).toBe(1)
        expect(await terms('hemligt')).toBe(0)
      } finally {
        db.close()
      }
    })

    it('answers /api/newsroom/items?q= and serves feeds that independent parsers read', async () => {
      await times.time('listing and four feeds (sqlite)', () => expectListingAndFeeds(server!.baseUrl))
    })

    it.skipIf(missingBrowser)("renders the plugin's admin components in headless Chromium: subscriber counts and the run-digest button", async () => {
      const baseUrl = server!.baseUrl
      for (const s of [
        { email: 'aktiv1@example.se', status: 'active' },
        { email: 'aktiv2@example.se', status: 'active' },
        { email: 'vantar@example.se', status: 'pending' },
      ]) {
        expect((await fetch(`${baseUrl}/api/subscribers`, { method: 'POST', headers: auth, body: JSON.stringify(s) })).status).toBe(201)
      }
      await times.time('admin in Chromium (login, subscribers, digest runs)', async () => {
        browser = await launchChromium()
        const page = await browser.newPage({ locale: 'en-US' })
        const errors: string[] = []
        page.on('pageerror', (err) => errors.push(String(err)))
        try {
          await page.goto(`${baseUrl}/admin/login`)
          await page.fill('#field-email', ADMIN.email)
          await page.fill('#field-password', ADMIN.password)
          await page.getByRole('button', { name: 'Login' }).click()
          await page.waitForURL(/\/admin$/)

          await page.goto(`${baseUrl}/admin/collections/subscribers`)
          const stats = page.locator('.newsroom-subscriber-stats')
          await expect.poll(() => stats.locator('nav a').allInnerTexts()).toEqual(['All (3)', 'Active (2)', 'Pending (1)', 'Unsubscribed (0)', 'Bounced (0)'])

          await page.goto(`${baseUrl}/admin/collections/digest-runs`)
          await page.getByRole('button', { name: 'Run digest now' }).click()
          await expect.poll(() => page.locator('.newsroom-run-digest [role="status"]').innerText()).toContain('queued')
          expect(errors).toEqual([])
        } catch (err) {
          await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? os.tmpdir(), 'newsroom-consumer-admin-failure.png') })
          throw err
        }
      })
    })

    it('leaves the server log free of errors', () => {
      expect(server!.log()).not.toMatch(/\bERROR\b|Unhandled|ERR_MODULE_NOT_FOUND/)
    })
  })

  describe.skipIf(missingPostgres)('on PostgreSQL', () => {
    let postgres: TempPostgres | undefined
    let server: NextServer | undefined
    let url: string

    beforeAll(async () => {
      postgres = await startPostgres()
      postgres.createDatabase('consumer')
      url = postgres.url('consumer')
    })
    afterAll(async () => {
      await server?.stop()
      postgres?.stop()
    })

    it('payload migrate:create and migrate make the schema and the word index there too', async () => {
      await migrate('postgres', url)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const { rows } = await client.query<{ name: string | null }>(
          `SELECT to_regclass(n)::text AS name FROM unnest(ARRAY['newsroom_index', 'newsroom_search', 'newsroom_terms', 'newsroom_index_search_trgm_idx']) AS n`,
        )
        expect(rows.map((r) => r.name)).toEqual(['newsroom_index', 'newsroom_search', 'newsroom_terms', 'newsroom_index_search_trgm_idx'])
      } finally {
        await client.end()
      }
    })

    it('boots the same build on PostgreSQL and answers the listing and the feeds', async () => {
      expect(built).toBe(true)
      server = await times.time('next start (postgres) until /api/newsroom/health answers', () =>
        startNext(dir, { DATABASE_URL: url, PAYLOAD_SECRET: SECRET, MEDIA_DIR: path.join(dir, 'media-pg') }),
      )
      expect(await (await fetch(`${server.baseUrl}/api/newsroom/health`)).json()).toMatchObject({ ok: true, database: 'postgres' })
      await seed(server.baseUrl)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const { rows } = await client.query<{ indexed: string; searched: string; term: string }>(
          `SELECT (SELECT count(*) FROM newsroom_index) AS indexed, (SELECT count(*) FROM newsroom_search) AS searched,
                  (SELECT count(*) FROM newsroom_terms WHERE term = 'zebrafinkar') AS term`,
        )
        expect(Number(rows[0]!.indexed)).toBeGreaterThan(0)
        expect(rows[0]).toEqual({ indexed: rows[0]!.indexed, searched: rows[0]!.indexed, term: '1' })
      } finally {
        await client.end()
      }
      await times.time('listing and four feeds (postgres)', () => expectListingAndFeeds(server!.baseUrl))
      expect(server.log()).not.toMatch(/\bERROR\b|Unhandled|ERR_MODULE_NOT_FOUND/)
    })
  })
})
