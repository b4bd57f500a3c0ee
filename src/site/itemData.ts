import { cache } from 'react'

import { wasPublishedUnder } from '../endpoints/itemDetail.js'
import { pluginOptions } from '../pluginOptions.js'
import type { ItemType } from '../listing/types.js'
import { payloadOf, type SiteProps } from './siteContext.js'
import type { SiteLocale } from '../texts/site.js'

export type ItemDoc = Record<string, any>

export type ItemState =
  | { state: 'published'; doc: ItemDoc }
  /** An editor in draft mode: the newest version, draft or not. */
  | { state: 'draft'; doc: ItemDoc }
  /** Published once, not now (unpublished, or back to draft): 410. */
  | { state: 'gone' }
  | { state: 'missing' }

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/**
 * The item a public page shows. Anonymous readers only ever get the published version (Payload's
 * access rules, `overrideAccess: false`, no user). With `preview` (Next draft mode on) and a
 * logged-in Payload user on the request, the latest draft instead.
 */
export const loadItem = cache(async (config: SiteProps['config'], locale: SiteLocale, type: ItemType, slug: string, preview: Headers | null): Promise<ItemState> => {
  if (!SLUG.test(slug)) return { state: 'missing' }
  const payload = await payloadOf(config)
  const collection = pluginOptions(payload).collections[type].slug
  const user = preview ? (await payload.auth({ headers: preview })).user : null
  if (user) {
    const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, draft: true, locale: locale as 'all', depth: 2, limit: 1, pagination: false, overrideAccess: false, user })
    if (docs[0]) return { state: 'draft', doc: docs[0] as ItemDoc }
  }
  const { docs } = await payload.find({
    collection,
    where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    draft: false,
    locale: locale as 'all',
    depth: 2,
    limit: 1,
    pagination: false,
    overrideAccess: false,
  })
  if (docs[0]) return { state: 'published', doc: docs[0] as ItemDoc }
  return (await wasPublishedUnder(payload, collection, slug)) ? { state: 'gone' } : { state: 'missing' }
})

/** published / gone / missing, with one or two small reads (for the proxy, before any page renders). */
export async function loadItemStatus(config: SiteProps['config'], type: ItemType, slug: string): Promise<'published' | 'gone' | 'missing'> {
  if (!SLUG.test(slug)) return 'missing'
  const payload = await payloadOf(config)
  const collection = pluginOptions(payload).collections[type].slug
  const { totalDocs } = await payload.count({ collection, where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] }, overrideAccess: false })
  if (totalDocs) return 'published'
  return (await wasPublishedUnder(payload, collection, slug)) ? 'gone' : 'missing'
}

/** Which item type a path is, by the plugin's urlPatterns (with or without /en). */
export function matchItemPath(patterns: Record<ItemType, string>, pathname: string): { type: ItemType; slug: string; locale: SiteLocale } | null {
  const locale: SiteLocale = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'sv'
  const rest = locale === 'en' ? pathname.slice(3) : pathname
  for (const type of Object.keys(patterns) as ItemType[]) {
    const [before, after] = patterns[type].split('{slug}') as [string, string]
    if (rest.startsWith(before) && rest.endsWith(after) && rest.length > before.length + after.length) {
      const slug = decodeURIComponent(rest.slice(before.length, rest.length - after.length))
      if (!slug.includes('/')) return { type, slug, locale }
    }
  }
  return null
}
