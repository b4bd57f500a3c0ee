import { convertLexicalToHTML, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html'

import { ITEM_TYPES, type ItemType } from './types.js'
import type { ResolvedNewsroomOptions } from '../options.js'

import { itemUrl } from './indexer.js'

type Options = ResolvedNewsroomOptions
type Doc = Record<string, any>

export const typeOfCollection = (o: Options, collection: string): ItemType | null => ITEM_TYPES.find((t) => o.collections[t].slug === collection) ?? null

/**
 * The body as HTML with Payload's Lexical converter, which escapes text and sanitises link URLs
 * (no `javascript:`). Internal links point at the linked item's public page when it is published, `#` otherwise.
 */
export function bodyToHtml(o: Options, body: unknown): string {
  if (!body) return ''
  const internalDocToHref = ({ linkNode }: { linkNode: { fields: { doc?: { relationTo?: string; value?: unknown } | null } } }) => {
    const ref = linkNode.fields.doc
    const target = ref?.value as Doc | undefined
    const type = ref?.relationTo ? typeOfCollection(o, ref.relationTo) : null
    if (!type || !target || typeof target !== 'object' || target._status !== 'published' || !target.slug) return '#'
    return itemUrl(o, type, target.slug)
  }
  return convertLexicalToHTML({
    data: body as never,
    disableContainer: true,
    converters: ({ defaultConverters }) => ({ ...defaultConverters, ...LinkHTMLConverter({ internalDocToHref: internalDocToHref as never }) }),
  })
}
