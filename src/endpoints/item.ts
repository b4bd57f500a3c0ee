import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { isNotModified, notModifiedResponse, preconditionsOf } from '../http/conditionalGet.js'
import { strongEtag } from '../http/strongEtag.js'

import { BadParameter } from '../listing/params.js'
import { badParameterResponse } from './items.js'
import { findPublishedItem, parseItemAddress } from './itemDetail.js'

const CACHE = 'public, max-age=0, must-revalidate'

/** A JSON answer with an ETag of its bytes; `304` when the client already has them. */
export function jsonWithEtag(req: PayloadRequest, data: unknown, status = 200): Response {
  const body = JSON.stringify(data)
  const etag = strongEtag(body)
  const headers = { 'content-type': 'application/json', 'cache-control': CACHE, etag }
  if (status === 200 && isNotModified(preconditionsOf(req.headers), { etags: [etag] })) return notModifiedResponse(headers)
  return new Response(body, { status, headers })
}

export const goneBody = { error: 'gone', message: 'This item is no longer published (Den här sidan är inte längre publicerad).' }
export const missingBody = { error: 'not_found', message: 'No published item with this type and slug.' }

/** `GET /api/newsroom/items/{type}/{slug}`: one published item with its body as HTML and Lexical JSON. */
export const itemEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  path: '/newsroom/items/:type/:slug',
  method: 'get',
  handler: async (req) => {
    try {
      const { type, slug, locale } = parseItemAddress(options, req.routeParams?.type, req.routeParams?.slug, new URL(req.url!).searchParams.get('locale'))
      const found = await findPublishedItem(req.payload, type, slug, locale, options)
      if (found.status === 'published') return jsonWithEtag(req, found.item)
      return jsonWithEtag(req, found.status === 'gone' ? goneBody : missingBody, found.status === 'gone' ? 410 : 404)
    } catch (err) {
      if (err instanceof BadParameter) return badParameterResponse(err)
      throw err
    }
  },
})
