import type { Endpoint } from 'payload'

import { indexFingerprint } from '../feeds/cache.js'

/** `GET /api/newsroom/health`: 200 when Payload is up and its database answers. */
export const healthEndpoint: Endpoint = {
  path: '/newsroom/health',
  method: 'get',
  handler: async (req) => {
    const started = performance.now()
    await req.payload.count({ collection: req.payload.config.admin.user as never, overrideAccess: true })
    return Response.json({ ok: true, database: req.payload.db.name, ms: Math.round(performance.now() - started) })
  },
}

/**
 * `GET /api/newsroom/state`: the listing index fingerprint. The HTTP cache in front of Next
 * (demo/scripts/start.ts) asks it at most once a second to learn that public responses went stale.
 */
export const stateEndpoint: Endpoint = {
  path: '/newsroom/state',
  method: 'get',
  handler: async (req) => Response.json({ fingerprint: await indexFingerprint(req.payload) }, { headers: { 'cache-control': 'no-store' } }),
}
