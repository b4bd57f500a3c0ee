import { NextResponse, type NextRequest } from 'next/server'
import type { SanitizedConfig } from 'payload'

import { newsroomOptions } from '../listing/indexer.js'
import { loadItemStatus, matchItemPath } from './itemData.js'
import { payloadOf } from './siteContext.js'

/** Where the proxy sends an item that is no longer published (app/(site)/(sv)/avpublicerad, (en)/en/unpublished). */
export const GONE_PATH = { sv: '/avpublicerad', en: '/en/unpublished' } as const

/**
 * For the app's `proxy.ts` (Next.js middleware): an item page whose item was published once but
 * is not now answers 410 with the "no longer published" page. App Router pages can only answer
 * 200, 404 or a redirect, so the status is set here, before the page renders. Editors in draft
 * mode (the `__prerender_bypass` cookie) pass through to the draft.
 */
export function newsroomProxy(config: SanitizedConfig | Promise<SanitizedConfig>) {
  return async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    if (request.cookies.has('__prerender_bypass')) return undefined
    const payload = await payloadOf(config)
    const match = matchItemPath(newsroomOptions(payload).urlPatterns, request.nextUrl.pathname)
    if (!match) return undefined
    if ((await loadItemStatus(config, match.type, match.slug)) !== 'gone') return undefined
    return NextResponse.rewrite(new URL(GONE_PATH[match.locale], request.url), { status: 410 })
  }
}
