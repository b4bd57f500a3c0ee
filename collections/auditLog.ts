import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { adminsOnly } from '../src/access.js'
import { L } from '../src/labels.js'
import { AUDIT_ACTIONS } from '../src/records/auditActions.js'

const never = () => false

/**
 * One row per publish, unpublish, schedule, scheduled run, archive, delete and disposal. Written only
 * by the plugin's hooks and endpoints, in the transaction of the change it records; nobody edits
 * or deletes a row through the API (admins read them). Values are copied, not related, so a row
 * outlives the user and the document it names.
 */
export const auditLogCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const { slug, overrides } = options.records.auditLog
  const defaultConfig: CollectionConfig = {
    slug,
    labels: { singular: { sv: 'Loggpost', en: 'Audit entry' }, plural: { sv: 'Granskningslogg', en: 'Audit log' } },
    admin: {
      group: L.group,
      useAsTitle: 'summary',
      defaultColumns: ['at', 'action', 'collection', 'title', 'user', 'job', 'reason'],
      listSearchableFields: ['title', 'document', 'user', 'reason'],
    },
    access: { read: adminsOnly, create: never, update: never, delete: never },
    defaultSort: '-at',
    fields: [
      { name: 'at', type: 'date', label: { sv: 'Tid', en: 'Time' }, required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'action',
        type: 'select',
        label: { sv: 'Händelse', en: 'Action' },
        required: true,
        index: true,
        options: AUDIT_ACTIONS.map((a) => ({ value: a.value, label: a.label })),
      },
      { name: 'collection', type: 'text', label: { sv: 'Samling', en: 'Collection' }, required: true, index: true },
      { name: 'document', type: 'text', label: { sv: 'Dokument-id', en: 'Document ID' }, required: true, index: true },
      { name: 'title', type: 'text', label: L.title },
      { name: 'version', type: 'text', label: { sv: 'Version', en: 'Version' } },
      { name: 'user', type: 'text', label: { sv: 'Användare', en: 'User' }, index: true },
      { name: 'userId', type: 'text', label: { sv: 'Användar-id', en: 'User ID' } },
      { name: 'job', type: 'text', label: { sv: 'Jobb', en: 'Job' } },
      { name: 'reason', type: 'textarea', label: { sv: 'Skäl', en: 'Reason' } },
      { name: 'rule', type: 'text', label: { sv: 'Gallringsbeslut', en: 'Retention rule' } },
      { name: 'details', type: 'json', label: { sv: 'Detaljer', en: 'Details' } },
      { name: 'summary', type: 'text', admin: { hidden: true } },
    ],
  }
  return overrides ? overrides({ defaultConfig }) : defaultConfig
}
