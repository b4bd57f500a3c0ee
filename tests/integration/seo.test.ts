import fs from 'node:fs'
import { createRequire } from 'node:module'

import sax from 'sax'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'

import { robotsRoute, sitemapRoute } from '../../src/exports/next'
import { renderSitemap } from '../../src/seo/sitemap'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

// The sitemaps.org schema, as the `sitemap` package ships it.
const XSD = fs.readFileSync(createRequire(import.meta.url).resolve('sitemap/schema/sitemap.xsd'), 'utf8')

const valid = async (xml: string) => {
  const result = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: xml }], schema: [XSD] })
  return result.errors.map((e) => e.rawMessage)
}

/** `<url>` entries read back by an independent XML parser (sax, strict mode). */
const readUrls = (xml: string) => {
  const parser = sax.parser(true)
  const urls: { loc: string; lastmod: string }[] = []
  let field: string | null = null
  let cur: Record<string, string> = {}
  parser.onopentag = (t) => {
    if (t.name === 'url' || t.name === 'sitemap') cur = {}
    else field = t.name
  }
  parser.ontext = (text) => {
    if (field) cur[field] = (cur[field] ?? '') + text
  }
  parser.onclosetag = (name) => {
    if (name === 'url' || name === 'sitemap') urls.push(cur as never)
    field = null
  }
  parser.write(xml).close()
  return urls
}

describe.skipIf(databaseUnavailable())('sitemap.xml and robots.txt', () => {
  let n: TestNewsroom
  const expected: { loc: string; lastmod: string }[] = []
  const request = (path: string, headers: Record<string, string> = {}) => new Request(`https://nyhetsrum.example.se${path}`, { headers })

  beforeAll(async () => {
    n = await startNewsroom({ SERVER_URL: 'https://nyhetsrum.example.se' })
    const paths = { news: '/nyheter/', events: '/kalender/', press: '/press/' } as const
    for (const collection of ['news', 'events', 'press'] as const) {
      const extra = collection === 'events' ? { start: '2027-03-01T09:00:00.000Z' } : {}
      const doc = await n.payload.create({ collection, data: { _status: 'published', title: `Publicerad ${collection} & co`, ...extra } as never })
      for (const prefix of ['', '/en']) expected.push({ loc: `https://nyhetsrum.example.se${prefix}${paths[collection]}${doc.slug}`, lastmod: new Date(doc.updatedAt).toISOString() })
      await n.payload.create({ collection, data: { _status: 'draft', title: `Utkast ${collection}`, ...extra } as never })
      const gone = await n.payload.create({ collection, data: { _status: 'published', title: `Avpublicerad ${collection}`, ...extra } as never })
      await n.payload.update({ collection, id: gone.id, data: { _status: 'draft' } as never })
    }
  })
  afterAll(() => n?.close())

  it('lists exactly the published items in both locales with their last change, valid against the sitemaps.org schema', async () => {
    const res = await sitemapRoute(n.payload.config).GET(request('/sitemap.xml'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const xml = await res.text()
    expect(await valid(xml)).toEqual([])
    const sortByLoc = (a: { loc: string }, b: { loc: string }) => a.loc.localeCompare(b.loc)
    expect(readUrls(xml).sort(sortByLoc)).toEqual([...expected].sort(sortByLoc))
    expect(xml).not.toMatch(/utkast|avpublicerad/)
    const etag = res.headers.get('etag')!
    expect((await sitemapRoute(n.payload.config).GET(request('/sitemap.xml', { 'if-none-match': etag }))).status).toBe(304)
  })

  it('past the per-file limit it is a sitemap index of valid pages that together hold every URL once', async () => {
    const index = await renderSitemap(n.payload, new URL('https://x.se/sitemap.xml'), 4)
    expect(index.xml).toContain('<sitemapindex')
    const pages = readUrls(index.xml).map((s) => s.loc)
    expect(pages).toEqual([1, 2].map((p) => `https://nyhetsrum.example.se/sitemap.xml?page=${p}`))
    const all: string[] = []
    for (const page of pages) {
      const { xml } = await renderSitemap(n.payload, new URL(page), 4)
      expect(await valid(xml)).toEqual([])
      all.push(...readUrls(xml).map((u) => u.loc))
    }
    expect(all.sort()).toEqual(expected.map((e) => e.loc).sort())
  })

  it('a bad page is a 4xx with a message', async () => {
    const route = sitemapRoute(n.payload.config)
    const bad = await route.GET(request('/sitemap.xml?page=zwei'))
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toMatch(/^page: must be a whole number/)
    expect((await route.GET(request('/sitemap.xml?page=9'))).status).toBe(404)
  })

  it('robots.txt points at the sitemap, keeps crawlers out of /admin and /api but lets them read the feeds', async () => {
    const res = await robotsRoute(n.payload.config).GET(request('/robots.txt'))
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const lines = (await res.text()).split('\n')
    expect(lines).toContain('Sitemap: https://nyhetsrum.example.se/sitemap.xml')
    expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Allow: /api/newsroom/feed.', 'Allow: /api/newsroom/calendar.ics']))
  })
})
