import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { FEED_CONTENT_TYPES, renderICalendar } from 'newsroom-feeds'
import { calendarEvent } from '../feeds/build.js'
import { isNotModified, notModifiedResponse, preconditionsOf } from '../http/conditionalGet.js'
import { strongEtag } from '../http/strongEtag.js'
import { BadParameter } from '../listing/params.js'
import { lexicalToText } from '../listing/text.js'
import { badParameterResponse } from './items.js'
import { goneBody, jsonWithEtag, missingBody } from './item.js'
import { findPublishedItem, parseItemAddress } from './itemDetail.js'

/** `GET /api/newsroom/events/{slug}.ics`: one event as an iCalendar file ("Lägg till i kalender"). */
const handler = (o: ResolvedNewsroomOptions) => async (req: PayloadRequest) => {
  try {
    const file = String(req.routeParams?.file ?? '')
    if (!file.endsWith('.ics')) throw new BadParameter('slug', `"${file.slice(0, 200)}" is not {slug}.ics`, 404)
    const { slug, locale } = parseItemAddress(o, 'events', file.slice(0, -4), new URL(req.url!).searchParams.get('locale'))
    const found = await findPublishedItem(req.payload, 'events', slug, locale, o)
    if (found.status !== 'published') return jsonWithEtag(req, found.status === 'gone' ? goneBody : missingBody, found.status === 'gone' ? 410 : 404)
    const { item, doc } = found
    const event = calendarEvent({
      ...item,
      feed: { html: item.body.html, text: lexicalToText(doc.body), image: null, createdAt: new Date(doc.createdAt).toISOString() },
    })
    const body = renderICalendar({ name: item.title, host: new URL(o.serverURL).hostname }, [event])
    const lastModified = new Date(item.updatedAt)
    lastModified.setUTCMilliseconds(0)
    const etag = strongEtag(body)
    const headers = {
      'content-type': FEED_CONTENT_TYPES.ical,
      'content-disposition': `attachment; filename="${slug}.ics"`,
      etag,
      'last-modified': lastModified.toUTCString(),
      'cache-control': `public, max-age=${o.feeds.maxAge}`,
    }
    if (isNotModified(preconditionsOf(req.headers), { etags: [etag], lastModified })) return notModifiedResponse(headers)
    return new Response(req.method === 'HEAD' ? null : body, { headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } })
  } catch (err) {
    if (err instanceof BadParameter) return badParameterResponse(err)
    throw err
  }
}

export const eventIcsEndpoints = (options: ResolvedNewsroomOptions): Endpoint[] =>
  (['get', 'head'] as const).map((method) => ({ path: '/newsroom/events/:file', method, handler: handler(options) }))
