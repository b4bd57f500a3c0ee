import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { adminsOnly } from '../src/access.js'
import { AUDIT_ACTIONS } from '../src/records/auditActions.js'
import { L } from '../src/texts/labels.js'
import { AUDIT_ACTION_LABELS, R } from '../src/texts/records.js'

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
    labels: R.auditLog,
    admin: {
      group: L.group,
      useAsTitle: 'summary',
      defaultColumns: ['at', 'action', 'collection', 'title', 'user', 'job', 'reason'],
      listSearchableFields: ['title', 'document', 'user', 'reason'],
      // On a "delete" row: dispose of the deleted document's retained versions.
      components: { edit: { beforeDocumentControls: [{ path: 'payload-plugin-newsroom/client#RecordedDeleteButton', clientProps: { mode: 'dispose', auditLogSlug: slug } }] } },
    },
    access: { read: adminsOnly, create: never, update: never, delete: never },
    defaultSort: '-at',
    fields: [
      { name: 'at', type: 'date', label: R.at, required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'action',
        type: 'select',
        label: R.action,
        required: true,
        index: true,
        options: AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] })),
      },
      { name: 'collection', type: 'text', label: R.collection, required: true, index: true },
      { name: 'document', type: 'text', label: R.document, required: true, index: true },
      { name: 'title', type: 'text', label: L.title },
      { name: 'version', type: 'text', label: R.version },
      { name: 'user', type: 'text', label: R.user, index: true },
      { name: 'userId', type: 'text', label: R.userId },
      { name: 'job', type: 'text', label: R.job },
      { name: 'reason', type: 'textarea', label: R.reason },
      { name: 'rule', type: 'text', label: R.rule },
      { name: 'details', type: 'json', label: R.details },
      { name: 'summary', type: 'text', admin: { hidden: true } },
    ],
  }
  return overrides ? overrides({ defaultConfig }) : defaultConfig
}
