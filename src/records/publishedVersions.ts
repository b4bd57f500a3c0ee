import type { Payload, PayloadRequest } from 'payload'

import { richTextUploadIds } from './richTextUploads.js'

export type PublishedVersion = {
  id: string | number
  parent: string | number
  createdAt: string
  updatedAt: string
  version: Record<string, any>
}

/** Every published version of one document (or of all, without `id`), oldest first, every locale. */
export async function publishedVersions(payload: Payload, collection: string, id?: string | number, req?: Partial<PayloadRequest>, range: { from?: Date; to?: Date } = {}) {
  const where = [{ 'version._status': { equals: 'published' } }] as Record<string, unknown>[]
  if (id != null) where.push({ parent: { equals: id } })
  if (range.from) where.push({ createdAt: { greater_than_equal: range.from.toISOString() } })
  if (range.to) where.push({ createdAt: { less_than_equal: range.to.toISOString() } })
  const out: PublishedVersion[] = []
  for (let page = 1; ; page++) {
    const res = await payload.findVersions({
      collection,
      where: { and: where } as never,
      sort: 'createdAt',
      locale: 'all',
      depth: 0,
      limit: 200,
      page,
      overrideAccess: true,
      req,
    })
    for (const v of res.docs as unknown as PublishedVersion[]) out.push({ ...v, parent: typeof v.parent === 'object' && v.parent ? (v.parent as { id: string | number }).id : v.parent })
    if (!res.hasNextPage) return out
  }
}

/** Media ids a version shows (hero image, attachments, uploads embedded in the body), as `|id|id|`. */
export function mediaIdsOf(version: Record<string, any>, mediaSlug = 'media'): string {
  const ids = [
    ...[version.heroImage, ...(Array.isArray(version.attachments) ? version.attachments : [])].filter((v) => v != null).map((v) => String(typeof v === 'object' ? v.id : v)),
    ...richTextUploadIds(version.body, mediaSlug),
  ]
  return ids.length ? `|${[...new Set(ids)].join('|')}|` : ''
}

/** A localized title in the first locale that has one. */
export const titleOf = (version: Record<string, any>): string | null => {
  const t = version.title
  if (t == null) return null
  if (typeof t === 'string') return t
  return (Object.values(t).find((v) => typeof v === 'string' && v) as string | undefined) ?? null
}
