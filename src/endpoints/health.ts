import type { Endpoint } from 'payload'

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
