import type { Endpoint } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { wordIndexPresent } from '../listing/facets.js'
import { siteFingerprint } from './siteFingerprint.js'

/**
 * `GET /api/newsroom/health`: 200 when Payload is up and its database answers. `search` says how
 * searches are counted: `word-index`, `like` (the word index is missing: slow at scale) or `payload`
 * (MongoDB: Payload's own counts).
 */
export const healthEndpoint: Endpoint = {
  path: '/newsroom/health',
  method: 'get',
  handler: async (req) => {
    const started = performance.now()
    await req.payload.count({ collection: req.payload.config.admin.user as never, overrideAccess: true })
    const indexed = await wordIndexPresent(req.payload)
    const search = indexed === null ? 'payload' : indexed ? 'word-index' : 'like'
    return Response.json({ ok: true, database: req.payload.db.name, search, ms: Math.round(performance.now() - started) })
  },
}

/**
 * `GET /api/newsroom/state`: the fingerprint of what the public answers show (see `siteFingerprint`).
 * The HTTP cache in front of Next (demo/scripts/start.ts) asks it at most once a second to learn
 * that feeds, listing and pages went stale.
 */
export const stateEndpoint = (options: ResolvedNewsroomOptions): Endpoint => ({
  path: '/newsroom/state',
  method: 'get',
  handler: async (req) =>
    Response.json({ fingerprint: await siteFingerprint(req.payload, options) }, { headers: { 'cache-control': 'no-store' } }),
})
