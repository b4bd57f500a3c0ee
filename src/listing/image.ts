import type { ImageSize, ListingImage } from './types.js'

type MediaDoc = {
  url: string
  alt?: string | null
  width?: number | null
  height?: number | null
  sizes?: Record<string, { url?: string | null; width?: number | null; height?: number | null } | undefined>
}

const size = (doc: MediaDoc, name: string, base: string): ImageSize | null => {
  const s = doc.sizes?.[name]
  return s?.url && s.width ? { url: new URL(s.url, base).toString(), width: s.width, height: s.height ?? null } : null
}

/** new URL() encodes spaces; a comma would split a srcset candidate, so it is encoded too. */
const srcsetUrl = (url: string) => url.replace(/,/g, '%2C')

/** A media document as listings and item pages show it, with absolute URLs and a `srcset`. */
export function listingImage(doc: MediaDoc, serverURL: string): ListingImage {
  const url = new URL(doc.url, serverURL).toString()
  const sizes = { thumbnail: size(doc, 'thumbnail', serverURL), card: size(doc, 'card', serverURL) }
  const candidates = [sizes.thumbnail, sizes.card, doc.width ? { url, width: doc.width } : null]
    .filter((c): c is { url: string; width: number } => Boolean(c))
    .sort((a, b) => a.width - b.width)
    .filter((c, i, all) => i === 0 || c.width !== all[i - 1].width)
  return { url, alt: doc.alt ?? null, width: doc.width ?? null, height: doc.height ?? null, sizes, srcset: candidates.map((c) => `${srcsetUrl(c.url)} ${c.width}w`).join(', ') }
}
