import type { CollectionConfig, PayloadRequest } from 'payload'

import type { ItemType } from '../listing/types.js'

/** Where the app mounts the preview route (`app/(site)/preview/route.ts`). */
export const PREVIEW_PATH = '/preview'

const serverURL = (req: PayloadRequest) => (req.payload.config.custom?.newsroom as { serverURL?: string } | undefined)?.serverURL ?? req.payload.config.serverURL ?? 'http://localhost:3000'

/** The preview route's address for one document: by id, so a draft whose slug changed is found too. */
export const previewUrl = (req: PayloadRequest, type: ItemType, id: unknown, locale: string | undefined) => {
  if (id === undefined || id === null || id === '') return null
  const url = new URL(PREVIEW_PATH, serverURL(req))
  url.search = new URLSearchParams({ type, id: String(id), ...(locale ? { locale } : {}) }).toString()
  return url.toString()
}

/** Device widths offered beside the edit form. */
const BREAKPOINTS = [
  { name: 'mobile', label: 'Mobil / Mobile', width: 375, height: 667 },
  { name: 'tablet', label: 'Surfplatta / Tablet', width: 768, height: 1024 },
  { name: 'desktop', label: 'Dator / Desktop', width: 1440, height: 900 },
]

/**
 * `admin.preview` (the *Förhandsgranska / Preview* button) and `admin.livePreview` (the page
 * beside the edit form) of news, events and press: both open the preview route, which turns on
 * Next's draft mode for a logged-in user and redirects to the item's page.
 */
export const previewAdmin = (type: ItemType): Pick<NonNullable<CollectionConfig['admin']>, 'preview' | 'livePreview'> => ({
  preview: (doc, { locale, req }) => previewUrl(req, type, doc.id, locale),
  livePreview: {
    url: ({ data, locale, req }) => previewUrl(req, type, data?.id, locale?.code) ?? undefined,
    breakpoints: BREAKPOINTS,
  },
})
