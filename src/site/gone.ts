import { NextResponse, type NextRequest } from 'next/server.js'
import type { SanitizedConfig } from 'payload'

import { pluginOptions } from '../pluginOptions.js'
import { PREVIEW_PATH } from '../preview/previewUrl.js'
import { loadItemStatus, matchItemPath } from './itemData.js'
import { PAGE_PATHS } from './paths.js'
import { loadSettings, payloadOf } from './siteContext.js'
import { type StatusPageKind, statusPageHtml } from './statusPageHtml.js'
import { tokenLinkStatus, type TokenPage } from './tokenLinkStatus.js'
import type { SiteLocale } from '../texts/site.js'

const PAGES = new Set<string>([...Object.values(PAGE_PATHS.sv), ...Object.values(PAGE_PATHS.en)].filter((p) => !p.includes('{slug}')))
/**
 * The newsletter's pages: their URL holds the subscriber's token, so no other site they link to may
 * learn it. `same-origin`, not `no-referrer`: with `no-referrer` Chromium sends `Origin: null` on
 * the scriptless form post, and Next.js refuses the server action as cross-site.
 */
const TOKEN_PAGES = new Map<string, TokenPage>(
  (['sv', 'en'] as const).flatMap((l) => (['confirm', 'preferences', 'unsubscribe'] as const).map((page) => [PAGE_PATHS[l][page], page] as const)),
)
/** The plugin's other routes in the app (see src/exports/next.ts): route handlers, not pages. */
const ROUTES = new Set<string>([PREVIEW_PATH, '/sitemap.xml', '/robots.txt'])
/**
 * Outside the item and topic paths, a last segment with a dot is a file (slugs have none): the
 * app's `public/` files and Next's metadata files (`icon.svg`); Next answers them, or its own 404.
 */
const FILE = /\/[^/]*\.[^/]+$/

/**
 * For the app's `proxy.ts` (Next.js middleware) in front of the public pages. It answers the pages
 * whose status Next.js cannot get right: an item that was published once but is not now is a 410
 * ("no longer published"; App Router pages answer only 200, 404 or a redirect, and a rewrite's
 * status is replaced by the page's 200); an unknown item, topic or path is a 404 with a page in
 * the right language (Next's own not-found rendering needs a single root layout); a newsletter
 * link that does not work is the 410 (confirm) or 404 (settings, unsubscribe) its API endpoint
 * gives, with a page that links to the sign-up. Known pages and published items pass through.
 * Editors in draft mode (Next's `__prerender_bypass` cookie) pass through on item paths, to their
 * draft.
 */
export function newsroomProxy(config: SanitizedConfig | Promise<SanitizedConfig>) {
  return async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
    const path = request.nextUrl.pathname.replace(/(.)\/+$/, '$1')
    const reading = request.method === 'GET' || request.method === 'HEAD'
    const locale: SiteLocale = path === '/en' || path.startsWith('/en/') ? 'en' : 'sv'
    const answer = async (kind: StatusPageKind, status = kind === 'gone' ? 410 : 404, headers: Record<string, string> = {}) =>
      new NextResponse(request.method === 'HEAD' ? null : statusPageHtml(await loadSettings(config, locale), locale, kind), {
        status,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
      })
    const tokenPage = TOKEN_PAGES.get(path)
    if (tokenPage) {
      const sameOrigin = { 'referrer-policy': 'same-origin' }
      // A link that does not work (expired, replaced, unknown, none) is the endpoint's 410 or 404, not a 200 page.
      if (reading) {
        const token = request.nextUrl.searchParams.get('token') ?? ''
        const status = token ? await tokenLinkStatus(config, tokenPage, token, request.headers) : 404
        if (status === 404 || status === 410) return answer('invalidLink', status, sameOrigin)
      }
      const next = NextResponse.next()
      next.headers.set('referrer-policy', 'same-origin')
      return next
    }
    if (!reading) return undefined
    if (PAGES.has(path) || ROUTES.has(path)) return undefined
    const payload = await payloadOf(config)
    const o = pluginOptions(payload)
    const item = matchItemPath(o.urlPatterns, path)
    if (item) {
      if (request.cookies.has('__prerender_bypass')) return undefined
      const status = await loadItemStatus(config, item.type, item.slug)
      return status === 'published' ? undefined : answer(status === 'gone' ? 'gone' : 'missing')
    }
    const [before, after] = PAGE_PATHS[locale].topic.split('{slug}') as [string, string]
    if (path.startsWith(before) && path.endsWith(after) && path.length > before.length + after.length) {
      const slug = decodeURIComponent(path.slice(before.length, path.length - after.length))
      const { totalDocs } = await payload.count({ collection: o.collections.topics.slug, where: { slug: { equals: slug } }, overrideAccess: false })
      return totalDocs ? undefined : answer('missing')
    }
    return FILE.test(path) ? undefined : answer('missing')
  }
}
