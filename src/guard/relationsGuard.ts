import type { FlattenedField, Payload, PayloadRequest } from 'payload'

import { BadInput, show } from './badInput.js'
import { assertValidId, collectionIdType } from './idGuard.js'

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

type Ref = { slug: string; id: unknown; path: string }

/**
 * Payload skips field validation when it saves a draft, so a relationship to a document that
 * does not exist reaches the database and fails its foreign key (a 500 with the SQL in the log).
 * For draft saves this checks that every related document exists, naming the field.
 */
export async function assertRelationsExist(data: Record<string, unknown>, fields: readonly FlattenedField[], locales: readonly string[], req: PayloadRequest) {
  const refs: Ref[] = []
  collect(data, fields, locales, '', refs, req.payload)
  const bySlug = new Map<string, Ref[]>()
  for (const ref of refs) bySlug.set(ref.slug, [...(bySlug.get(ref.slug) ?? []), ref])
  for (const [slug, list] of bySlug) {
    const ids = [...new Set(list.map((r) => r.id))]
    const { docs } = await req.payload.find({ collection: slug, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true, req })
    const found = new Set(docs.map((d) => String((d as { id: unknown }).id)))
    const missing = list.find((r) => !found.has(String(r.id)))
    if (missing) throw new BadInput(`${missing.path}: there is no ${slug} with id ${show(missing.id)}`)
  }
}

function collect(data: Record<string, unknown>, fields: readonly FlattenedField[], locales: readonly string[], label: string, refs: Ref[], payload: Payload) {
  for (const field of fields) {
    if (!(field.name in data)) continue
    const path = label ? `${label}.${field.name}` : field.name
    const value = data[field.name]
    const perLocale = 'localized' in field && field.localized && isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => locales.includes(k))
    const values: [unknown, string][] = perLocale ? Object.entries(value as object).map(([l, v]) => [v, `${path}.${l}`]) : [[value, path]]
    for (const [v, p] of values) {
      if (field.type === 'relationship' || field.type === 'upload') {
        const items = Array.isArray(v) ? v.map((x, i) => [x, `${p}[${i}]`] as const) : [[v, p] as const]
        for (const [item, ip] of items) {
          if (item === null || item === undefined || item === '') continue
          let slug: string | undefined
          let id: unknown
          if (typeof field.relationTo === 'string') {
            slug = field.relationTo
            id = isPlainObject(item) && 'id' in item ? item.id : item
          } else if (isPlainObject(item) && typeof item.relationTo === 'string' && field.relationTo.includes(item.relationTo)) {
            slug = item.relationTo
            id = isPlainObject(item.value) && 'id' in item.value ? item.value.id : item.value
          }
          if (!slug || !payload.collections[slug] || id === null || id === undefined) continue
          assertValidId(id, collectionIdType(payload, slug), ip, slug)
          refs.push({ slug, id, path: ip })
        }
      } else if ((field.type === 'group' || field.type === 'tab') && isPlainObject(v)) {
        collect(v, field.flattenedFields, locales, p, refs, payload)
      } else if (field.type === 'array' && Array.isArray(v)) {
        v.forEach((row, i) => isPlainObject(row) && collect(row, field.flattenedFields, locales, `${p}[${i}]`, refs, payload))
      } else if (field.type === 'blocks' && Array.isArray(v)) {
        v.forEach((row, i) => {
          const block = isPlainObject(row) ? field.blocks.find((b) => typeof b !== 'string' && b.slug === row.blockType) : undefined
          if (block && typeof block !== 'string') collect(row as Record<string, unknown>, block.flattenedFields, locales, `${p}[${i}]`, refs, payload)
        })
      }
    }
  }
}
