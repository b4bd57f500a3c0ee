import { NextResponse, type NextRequest } from 'next/server.js'
import type { SanitizedConfig } from 'payload'

import { newsroomOptions } from '../listing/indexer.js'
import { goneHtml } from './goneHtml.js'
import { loadItemStatus, matchItemPath } from './itemData.js'
import { loadSettings, payloadOf } from './siteContext.js'

/**
 * For the app's `proxy.ts` (Next.js middleware): an item page whose item was published once but
 * is not now answers 410 with a "no longer published" page. App Router pages can only answer
 * 200, 404 or a redirect (a rewrite's status is replaced by the page's 200), so the proxy answers
 * itself. Editors in draft mode (Next's `__prerender_bypass` cookie) pass through to the draft.
 */
export function newsroomProxy(config: SanitizedConfig | Promise<SanitizedConfig>) {
  return async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    if (request.cookies.has('__prerender_bypass')) return undefined
    const payload = await payloadOf(config)
    const match = matchItemPath(newsroomOptions(payload).urlPatterns, request.nextUrl.pathname)
    if (!match) return undefined
    if ((await loadItemStatus(config, match.type, match.slug)) !== 'gone') return undefined
    const html = goneHtml(await loadSettings(config, match.locale), match.locale)
    return new NextResponse(request.method === 'HEAD' ? null : html, {
      status: 410,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
}
