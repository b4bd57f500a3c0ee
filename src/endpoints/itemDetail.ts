import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { ITEM_TYPES, type ItemType, type ListingItem } from '../listing/types.js'
import { itemUrl, toListingItem } from '../listing/indexer.js'
import { pluginOptions } from '../pluginOptions.js'
import { BadParameter } from '../listing/params.js'
import { bodyToHtml, typeOfCollection } from '../listing/bodyHtml.js'
import { pageUrl } from '../seo/pageUrl.js'
import { lexicalWithRefIds } from './lexicalRefs.js'

type Doc = Record<string, any>
type Options = ResolvedNewsroomOptions

export type RelatedLink = { label: string; url: string; external: boolean; type: ItemType | null }
export type Attachment = { url: string; filename: string | null; mimeType: string | null; filesize: number | null; alt: string | null }

/** One published item as `GET /api/newsroom/items/{type}/{slug}` answers it (see README, HTTP contract). */
export type ItemDetail = ListingItem & {
  locale: string
  /** The item's page in every locale (`/nyheter/x`, `/en/nyheter/x`), for `hreflang` and the sitemap. */
  alternates: Record<string, string>
  /** The body as sanitised HTML (Payload's Lexical converter: text escaped, link URLs sanitised) and as Lexical JSON. */
  body: { html: string; lexical: unknown }
  publishedAt: string | null
  /** "Senast ändrad": the editor-facing last change. */
  lastModified: string
  related: RelatedLink[]
  /** Events: the item's own calendar file. */
  ics?: string
  onlineUrl?: string | null
  registration?: { url: string | null; deadline: string | null } | null
  organizer?: string | null
  /** Press items. */
  contacts?: { name: string; role: string | null; email: string | null; phone: string | null }[]
  attachments?: Attachment[]
}

export type ItemLookup = { status: 'published'; item: ItemDetail; doc: Record<string, any> } | { status: 'gone' } | { status: 'missing' }

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Checks type, slug and locale; anything wrong is a BadParameter naming it. */
export function parseItemAddress(o: Options, type: unknown, slug: unknown, locale: string | null) {
  if (typeof type !== 'string' || !ITEM_TYPES.includes(type as ItemType)) throw new BadParameter('type', `unknown type "${String(type)}"; use news, events or press`)
  if (typeof slug !== 'string' || slug.length > 200 || !SLUG.test(slug)) {
    throw new BadParameter('slug', `"${String(slug).slice(0, 200)}" is not a slug (lower-case letters a–z, digits and single dashes)`)
  }
  const loc = locale || o.defaultLocale
  if (!o.locales.includes(loc)) throw new BadParameter('locale', `unknown locale "${loc}"; use ${o.locales.join(' or ')}`)
  return { type: type as ItemType, slug, locale: loc }
}

const absolute = (o: Options, url: string | null | undefined) => (url ? new URL(url, o.serverURL).toString() : null)

/**
 * The published version of an item, or why there is none: `gone` when a published version of
 * that slug exists in its history (it was published, then unpublished), `missing` otherwise
 * (never published, or deleted). Reads the main collection with `draft: false`, which holds the
 * published version while a newer draft waits, so drafts never show.
 */
export async function findPublishedItem(payload: Payload, type: ItemType, slug: string, locale: string, o: Options = pluginOptions(payload)): Promise<ItemLookup> {
  const collection = o.collections[type].slug
  const { docs } = await payload.find({
    collection,
    where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    locale: locale as 'all',
    depth: 1,
    draft: false,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  const doc = docs[0] as Doc | undefined
  if (doc) return { status: 'published', item: toItemDetail(o, type, doc, locale), doc }
  return { status: (await wasPublishedUnder(payload, collection, slug)) ? 'gone' : 'missing' }
}

/** Whether a version with this slug was ever published (the item was unpublished, or its slug changed since): the page answers 410. */
export async function wasPublishedUnder(payload: Payload, collection: string, slug: string): Promise<boolean> {
  const { totalDocs } = await payload.findVersions({
    collection,
    where: { and: [{ 'version.slug': { equals: slug } }, { 'version._status': { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { id: true } as never,
  } as never)
  return totalDocs > 0
}

export function toItemDetail(o: Options, type: ItemType, doc: Doc, locale: string): ItemDetail {
  const base = toListingItem(type, doc, o)
  const html = bodyToHtml(o, doc.body)
  const related: RelatedLink[] = []
  for (const r of (doc.related ?? []) as Doc[]) {
    if (r.linkType === 'external') {
      if (r.url) related.push({ label: r.label || r.url, url: r.url, external: true, type: null })
      continue
    }
    const target = r.doc?.value
    const targetType = r.doc?.relationTo ? typeOfCollection(o, r.doc.relationTo) : null
    // A link to a draft or a deleted item is left out rather than shown broken.
    if (!targetType || !target || typeof target !== 'object' || target._status !== 'published' || !target.slug) continue
    related.push({ label: r.label || target.title || target.slug, url: itemUrl(o, targetType, target.slug), external: false, type: targetType })
  }
  const item: ItemDetail = {
    ...base,
    locale,
    alternates: Object.fromEntries(o.locales.map((l) => [l, pageUrl(o, type, doc.slug, l)])),
    body: { html, lexical: lexicalWithRefIds(doc.body) },
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
    lastModified: new Date(doc.lastModified ?? doc.updatedAt).toISOString(),
    related,
  }
  if (type === 'events') {
    item.ics = new URL(`/api/newsroom/events/${encodeURIComponent(doc.slug)}.ics${locale !== o.defaultLocale ? `?locale=${locale}` : ''}`, o.serverURL).toString()
    item.onlineUrl = doc.onlineUrl || null
    item.registration = doc.registration && (doc.registration.url || doc.registration.deadline)
      ? { url: doc.registration.url || null, deadline: doc.registration.deadline ? new Date(doc.registration.deadline).toISOString() : null }
      : null
    item.organizer = doc.organizer || null
  }
  if (type === 'press') {
    item.contacts = ((doc.contacts ?? []) as Doc[]).map((c) => ({ name: c.name, role: c.role ?? null, email: c.email || null, phone: c.phone || null }))
    item.attachments = ((doc.attachments ?? []) as unknown[])
      .filter((a): a is Doc => Boolean(a) && typeof a === 'object' && Boolean((a as Doc).url))
      .map((a) => ({ url: absolute(o, a.url)!, filename: a.filename ?? null, mimeType: a.mimeType ?? null, filesize: a.filesize ?? null, alt: a.alt ?? null }))
  }
  return item
}
