import type { ItemType } from '../listing/types.js'

import type { ResolvedNewsroomOptions } from '../options.js'

import { itemUrl } from '../listing/indexer.js'

type Options = ResolvedNewsroomOptions

/**
 * The public page of an item in a locale: the default locale at the `urlPatterns` path, any other
 * under `/{locale}` (`/nyheter/x`, `/en/nyheter/x`).
 */
export function pageUrl(o: Options, type: ItemType, slug: string, locale: string): string {
  const url = new URL(itemUrl(o, type, slug))
  if (locale !== o.defaultLocale) url.pathname = `/${locale}${url.pathname}`
  return url.toString()
}
