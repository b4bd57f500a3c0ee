import { getPayload, type CollectionSlug, type SanitizedConfig } from 'payload'

import { ITEM_TYPES, type ItemType } from '../listing/types.js'
import { pluginOptions } from '../pluginOptions.js'
import { pageUrl } from '../seo/pageUrl.js'

type ConfigArg = SanitizedConfig | Promise<SanitizedConfig>

const problem = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * The app's `app/(site)/preview/route.ts`: `export const { GET } = previewRoute(config)`.
 *
 * `GET /preview?type=news&id=12&locale=sv`: for a logged-in editor (Payload's cookie or
 * Authorization header, checked with `payload.auth`), turns on Next's draft mode (the
 * `__prerender_bypass` cookie) and redirects to the item's page, which then shows the latest
 * draft to that editor. Anyone else is sent to the admin login and nothing is enabled.
 * The redirect goes to the item's own path, never to an address from the request.
 */
export const previewRoute = (config: ConfigArg) => ({
  GET: async (req: Request) => {
    const payload = await getPayload({ config })
    const o = pluginOptions(payload)
    const url = new URL(req.url)
    const type = url.searchParams.get('type') ?? ''
    const id = url.searchParams.get('id') ?? ''
    const locale = url.searchParams.get('locale') || o.defaultLocale
    if (!ITEM_TYPES.includes(type as ItemType)) return problem(400, 'invalid_parameter', `type: unknown type "${type.slice(0, 50)}"; use news, events or press`)
    const idPattern = payload.db.defaultIDType === 'number' ? /^\d{1,15}$/ : /^[A-Za-z0-9_-]{1,64}$/
    if (!idPattern.test(id)) return problem(400, 'invalid_parameter', `id: "${id.slice(0, 50)}" is not a document id`)
    if (!o.locales.includes(locale)) return problem(400, 'invalid_parameter', `locale: unknown locale "${locale.slice(0, 20)}"; use ${o.locales.join(' or ')}`)

    const { user } = await payload.auth({ headers: req.headers })
    if (!user) {
      const login = new URL(`${payload.config.routes.admin}/login`, url)
      login.searchParams.set('redirect', `${url.pathname}${url.search}`)
      return new Response(null, { status: 307, headers: { location: `${login.pathname}${login.search}`, 'cache-control': 'no-store' } })
    }
    // The editor's own view of the document (their access, the latest draft).
    const doc = (await payload.findByID({
      collection: o.collections[type as ItemType].slug as CollectionSlug,
      id,
      draft: true,
      locale: locale as 'all',
      depth: 0,
      user,
      overrideAccess: false,
      disableErrors: true,
    })) as { slug?: string } | null
    if (!doc?.slug) return problem(404, 'not_found', 'No document with this type and id (or it has no slug yet: give it a title and save).')

    const { draftMode } = await import('next/headers.js')
    ;(await draftMode()).enable()
    const target = new URL(pageUrl(o, type as ItemType, doc.slug, locale))
    return new Response(null, { status: 307, headers: { location: `${target.pathname}${target.search}`, 'cache-control': 'no-store' } })
  },
})
