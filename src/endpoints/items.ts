import type { Endpoint } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { BadParameter, parseListingParams } from '../listing/params.js'
import { runListing } from '../listing/query.js'

export const badParameterResponse = (err: BadParameter) =>
  Response.json(
    { error: err.status === 404 ? 'not_found' : 'invalid_parameter', parameter: err.parameter, message: `${err.parameter}: ${err.message}` },
    { status: err.status },
  )

/** `GET /api/newsroom/items`: the public "Aktuellt" listing (see README, HTTP contract). */
export const itemsEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  path: '/newsroom/items',
  method: 'get',
  handler: async (req) => {
    try {
      const params = parseListingParams(new URL(req.url!).searchParams, {
        locales: options.locales,
        defaultLocale: options.defaultLocale,
        defaultLimit: 10,
        maxLimit: 100,
      })
      const { search, ...listing } = await runListing(req.payload, options, params)
      const headers: Record<string, string> = { 'cache-control': 'public, max-age=0, must-revalidate' }
      // Which path counted a search: `like` means the word index is missing (see the migrations in the README).
      if (search) headers['x-newsroom-search'] = search
      return Response.json(listing, { headers })
    } catch (err) {
      if (err instanceof BadParameter) return badParameterResponse(err)
      throw err
    }
  },
})
