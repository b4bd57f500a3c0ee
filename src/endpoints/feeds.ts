import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { FEED_CONTENT_TYPES, renderAtom, renderICalendar, renderJsonFeed, renderRss } from 'newsroom-feeds'
import { type CachedFeed, feedCacheFor } from '../feeds/cache.js'
import { cacheKey } from '../http/cacheKey.js'
import { isNotModified, notModifiedResponse, preconditionsOf } from '../http/conditionalGet.js'
import { strongEtag } from '../http/strongEtag.js'
import { calendarEvent, channelFor, FEED_PATHS, type FeedFormat, feedItem, feedTitle, joinTitle, lastChange } from '../feeds/build.js'
import { BadParameter, parseListingParams } from '../listing/params.js'
import { runListing } from '../listing/query.js'
import { ITEM_TYPE_NAMES } from '../texts/feeds.js'
import { langOf } from '../texts/lang.js'
import { badParameterResponse } from './items.js'

const CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: FEED_CONTENT_TYPES.rss,
  atom: FEED_CONTENT_TYPES.atom,
  json: FEED_CONTENT_TYPES.json,
  ics: FEED_CONTENT_TYPES.ical,
}

/** Feeds rendered per Payload instance (what the feed cache saves shows here). */
export const feedRenders = new WeakMap<object, number>()

/** Same parameters as the listing; the cache key is their normalised form. */
async function render(o: ResolvedNewsroomOptions, req: PayloadRequest, format: FeedFormat, url: URL): Promise<CachedFeed> {
  const { payload } = req
  feedRenders.set(payload, (feedRenders.get(payload) ?? 0) + 1)
  const params = parseListingParams(url.searchParams, { locales: o.locales, defaultLocale: o.defaultLocale, defaultLimit: o.feeds.items, maxLimit: 100 })
  params.cursor = null
  if (format === 'ics') params.types = ['events']
  const { items } = await runListing(payload, o, params, { facets: false, withFeed: true })

  let topicTitles: string[] = []
  if (params.categories.length) {
    const { docs } = await payload.find({
      collection: o.collections.topics.slug,
      where: { slug: { in: params.categories } },
      locale: params.locale as 'all',
      depth: 0,
      pagination: false,
    })
    topicTitles = docs.map((d) => (d as unknown as { title: string }).title)
  }
  const title = feedTitle(o, params, topicTitles)
  const self = new URL(`/api/newsroom/${FEED_PATHS[format]}${url.search}`, o.serverURL).toString()

  let body: string
  if (format === 'ics') {
    body = renderICalendar(
      { name: title, description: o.feeds.description[params.locale], host: new URL(o.serverURL).hostname, refreshIntervalMinutes: 60 },
      items.map(calendarEvent),
    )
  } else {
    const channel = channelFor(o, params, title, self, items)
    const feedItems = items.map((i) => feedItem(o, i))
    body = format === 'rss' ? renderRss(channel, feedItems) : format === 'atom' ? renderAtom(channel, feedItems) : renderJsonFeed(channel, feedItems)
  }
  const lastModified = lastChange(items)
  lastModified.setUTCMilliseconds(0) // HTTP dates have whole seconds
  return { body, etag: strongEtag(body), lastModified, contentType: CONTENT_TYPE[format] }
}

const feedHandler = (o: ResolvedNewsroomOptions, format: FeedFormat) => async (req: PayloadRequest) => {
  const url = new URL(req.url!)
  try {
    const feed = await feedCacheFor(req.payload, o).get(req.payload, cacheKey(url, ['cursor']), () => render(o, req, format, url))
    const headers = {
      'content-type': feed.contentType,
      etag: feed.etag,
      'last-modified': feed.lastModified.toUTCString(),
      'cache-control': `public, max-age=${o.feeds.maxAge}`,
      vary: 'Accept-Encoding',
    }
    if (isNotModified(preconditionsOf(req.headers), { etags: [feed.etag], lastModified: feed.lastModified })) return notModifiedResponse(headers)
    return new Response(req.method === 'HEAD' ? null : feed.body, { status: 200, headers: { ...headers, 'content-length': String(Buffer.byteLength(feed.body)) } })
  } catch (err) {
    if (err instanceof BadParameter) return badParameterResponse(err)
    throw err
  }
}

export const feedEndpoints = (o: ResolvedNewsroomOptions): Endpoint[] =>
  (Object.keys(FEED_PATHS) as FeedFormat[]).flatMap((format) =>
    (['get', 'head'] as const).map((method) => ({ path: `/newsroom/${FEED_PATHS[format]}`, method, handler: feedHandler(o, format) })),
  )

/** `GET /api/newsroom/feeds`: every available feed (all, per type, per topic) for autodiscovery. */
export const feedListEndpoint = (o: ResolvedNewsroomOptions): Endpoint => ({
  path: '/newsroom/feeds',
  method: 'get',
  handler: async (req) => {
    const locale = new URL(req.url!).searchParams.get('locale') || o.defaultLocale
    if (!o.locales.includes(locale)) return badParameterResponse(new BadParameter('locale', `unknown locale "${locale}"; use ${o.locales.join(' or ')}`))
    const base = o.feeds.title[locale] ?? 'News'
    const link = (format: FeedFormat, query: Record<string, string>) =>
      new URL(`/api/newsroom/${FEED_PATHS[format]}?${new URLSearchParams({ ...query, ...(locale !== o.defaultLocale ? { locale } : {}) })}`.replace(/\?$/, ''), o.serverURL).toString()
    const three = (title: string, scope: string, query: Record<string, string>) =>
      (['rss', 'atom', 'json'] as const).map((format) => ({ title, scope, format, type: CONTENT_TYPE[format].split(';')[0], url: link(format, query) }))
    const { docs: topics } = await req.payload.find({
      collection: o.collections.topics.slug,
      locale: locale as 'all',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'slug',
    })
    const l = langOf(locale, 'en')
    const feeds = [
      ...three(base, 'all', {}),
      ...(['news', 'events', 'press'] as const).flatMap((t) => three(joinTitle(base, ITEM_TYPE_NAMES[t][l]), `type:${t}`, { type: t })),
      ...topics.flatMap((t) => {
        const { slug, title } = t as unknown as { slug: string; title: string }
        return three(joinTitle(base, title), `category:${slug}`, { category: slug })
      }),
      { title: joinTitle(base, ITEM_TYPE_NAMES.events[l]), scope: 'calendar', format: 'ics', type: 'text/calendar', url: link('ics', {}) },
    ]
    return Response.json({ feeds })
  },
})
