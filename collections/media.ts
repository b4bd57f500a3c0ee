import path from 'node:path'

import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { anyone, loggedIn } from '../src/access.js'
import { L } from '../src/texts/labels.js'
import { refuseUsedMediaDelete } from '../src/records/contentHooks.js'
import { applyOverrides } from './applyOverrides.js'

/** The image sizes made on upload (for `srcset` in listings and item pages). */
export const IMAGE_SIZES = [
  { name: 'thumbnail', width: 320 },
  { name: 'card', width: 768 },
] as const

/** Images and PDF attachments. Alt text is required and localized. */
export const mediaCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const { slug } = options.collections.media
  const defaultConfig: CollectionConfig = {
    slug,
    labels: L.media,
    admin: {
      group: L.group,
      useAsTitle: 'alt',
      // A file shown by a published version is deleted by an admin, with a reason.
      components: { edit: { beforeDocumentControls: [{ path: 'payload-plugin-newsroom/client#RecordedDeleteButton', clientProps: { mode: 'delete', auditLogSlug: options.records.auditLog.slug } }] } },
    },
    access: { read: anyone, create: loggedIn, update: loggedIn, delete: loggedIn },
    upload: {
      staticDir: path.resolve(options.mediaDir),
      mimeTypes: ['image/*', 'application/pdf'],
      // Width only, so every size keeps the original's aspect ratio and they can share one srcset.
      // Sizes wider than the original are not made (Payload's withoutEnlargement).
      imageSizes: IMAGE_SIZES.map(({ name, width }) => ({ name, width })),
      adminThumbnail: 'thumbnail',
    },
    fields: [{ name: 'alt', type: 'text', label: L.alt, required: true, localized: true }],
  }
  return applyOverrides({ options, key: 'media', defaultConfig, required: { beforeDelete: [refuseUsedMediaDelete(options)] } })
}
