import { createHash } from 'node:crypto'

import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { BadParameter } from '../listing/params.js'
import { renderRobots } from './robots.js'
import { renderSitemap } from './sitemap.js'

type ConfigArg = SanitizedConfig | Promise<SanitizedConfig>

const answer = (req: Request, body: string, contentType: string, lastModified?: Date) => {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'public, max-age=300', etag }
  if (lastModified) headers['last-modified'] = new Date(Math.floor(lastModified.getTime() / 1000) * 1000).toUTCString()
  const inm = req.headers.get('if-none-match')
  if (inm && inm.split(',').some((t) => [etag, `W/${etag}`, '*'].includes(t.trim()))) return new Response(null, { status: 304, headers })
  return new Response(req.method === 'HEAD' ? null : body, { headers })
}

const withPayload = (config: ConfigArg, handle: (payload: Payload, req: Request) => Promise<Response>) => ({
  GET: async (req: Request) => handle(await getPayload({ config }), req),
})

/** The app's `app/(site)/sitemap.xml/route.ts`: `export const { GET } = sitemapRoute(config)`. */
export const sitemapRoute = (config: ConfigArg) =>
  withPayload(config, async (payload, req) => {
    try {
      const { xml, lastModified } = await renderSitemap(payload, new URL(req.url))
      return answer(req, xml, 'application/xml; charset=utf-8', lastModified)
    } catch (err) {
      if (!(err instanceof BadParameter)) throw err
      return Response.json({ error: err.status === 404 ? 'not_found' : 'invalid_parameter', parameter: err.parameter, message: `${err.parameter}: ${err.message}` }, { status: err.status })
    }
  })

/** The app's `app/(site)/robots.txt/route.ts`: `export const { GET } = robotsRoute(config)`. */
export const robotsRoute = (config: ConfigArg) => withPayload(config, async (payload, req) => answer(req, renderRobots(payload), 'text/plain; charset=utf-8'))
