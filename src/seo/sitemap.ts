import type { Payload } from 'payload'

import { escapeXmlText } from 'newsroom-feeds'
import { pluginOptions } from '../pluginOptions.js'
import type { ListingItem } from '../listing/types.js'
import { BadParameter } from '../listing/params.js'
import { pageUrl } from './pageUrl.js'

/** The sitemap protocol's limit per file; beyond it `/sitemap.xml` is a sitemap index of pages. */
export const SITEMAP_MAX_URLS = 50_000

export type Sitemap = { xml: string; lastModified: Date }

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/**
 * `sitemap.xml`: every published item in every locale (one row each in the listing index, so
 * drafts and scheduled items are never in it), `<lastmod>` its last change. With more than
 * `maxUrls` rows, the sitemap is an index of `?page=1…n`, each a urlset of at most `maxUrls`.
 */
export async function renderSitemap(payload: Payload, url: URL, maxUrls = SITEMAP_MAX_URLS): Promise<Sitemap> {
  const o = pluginOptions(payload)
  const INDEX = o.collections.newsroomIndex.slug
  const rawPage = url.searchParams.get('page')
  const { totalDocs } = await payload.count({ collection: INDEX, overrideAccess: true })
  const pages = Math.max(1, Math.ceil(totalDocs / maxUrls))
  if (rawPage === null && pages > 1) {
    const newest = await payload.find({ collection: INDEX, sort: '-updatedAt', limit: 1, pagination: false, depth: 0, overrideAccess: true, select: { updatedAt: true } as never })
    const lastModified = new Date((newest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? '2000-01-01T00:00:00Z')
    const base = new URL('/sitemap.xml', o.serverURL).toString()
    const entries = Array.from({ length: pages }, (_, i) => `<sitemap><loc>${escapeXmlText(`${base}?page=${i + 1}`)}</loc></sitemap>`)
    return { xml: `${HEAD}<sitemapindex xmlns="${NS}">\n${entries.join('\n')}\n</sitemapindex>\n`, lastModified }
  }
  const page = rawPage === null ? 1 : Number(rawPage)
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new BadParameter('page', `must be a whole number from 1 to ${pages}, got "${rawPage}"`, rawPage !== null && /^\d+$/.test(rawPage) ? 404 : 400)

  const { docs } = await payload.find({
    collection: INDEX,
    sort: ['key', 'locale'],
    limit: maxUrls,
    page,
    depth: 0,
    overrideAccess: true,
    select: { locale: true, data: true } as never,
  })
  let newest = 0
  const urls = (docs as unknown as { locale: string; data: ListingItem }[]).map(({ locale, data }) => {
    newest = Math.max(newest, Date.parse(data.updatedAt))
    return `<url><loc>${escapeXmlText(pageUrl(o, data.type, data.slug, locale))}</loc><lastmod>${data.updatedAt}</lastmod></url>`
  })
  return { xml: `${HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}${urls.length ? '\n' : ''}</urlset>\n`, lastModified: new Date(newest || Date.UTC(2000, 0, 1)) }
}
