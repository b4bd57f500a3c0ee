import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { adminsOnly } from '../access.js'
import { L } from '../texts/labels.js'
import { R } from '../texts/records.js'

const never = () => false

/**
 * The published versions of a deleted item (Payload deletes a document's versions with it): copied
 * here, in the delete's transaction, and removed only by an admin's recorded disposal.
 */
export const retainedVersionsCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const { slug, overrides } = options.records.retainedVersions
  const defaultConfig: CollectionConfig = {
    slug,
    labels: R.retainedVersions,
    admin: {
      group: L.group,
      useAsTitle: 'title',
      defaultColumns: ['title', 'collection', 'document', 'publishedAt', 'publishedBy'],
      components: {
        edit: { beforeDocumentControls: [{ path: 'payload-plugin-newsroom/client#RecordedDeleteButton', clientProps: { mode: 'dispose', auditLogSlug: options.records.auditLog.slug } }] },
      },
    },
    access: { read: adminsOnly, create: never, update: never, delete: never },
    defaultSort: 'publishedAt',
    fields: [
      { name: 'collection', type: 'text', required: true, index: true },
      { name: 'document', type: 'text', required: true, index: true },
      { name: 'version', type: 'text', required: true },
      { name: 'title', type: 'text' },
      { name: 'publishedAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'publishedBy', type: 'text' },
      /** `|id|id|`: the media the version shows, so that media cannot be deleted quietly. */
      { name: 'media', type: 'text', index: true },
      /** The version's fields in every locale, as Payload stored them. */
      { name: 'data', type: 'json', required: true },
    ],
  }
  return overrides ? overrides({ defaultConfig }) : defaultConfig
}
