import type { ArrayField } from 'payload'

import { L } from '../../src/texts/labels.js'
import { isAbsoluteHttpUrl, message, V } from '../../src/validation.js'

/** "Relaterad information": links to another newsroom item or to an external website. */
const newRowId = () => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')

// The list's filter builder and column picker offer no "Relaterad information > …" entries: noise for editors.
const noList = { disableListFilter: true, disableListColumn: true }

export const relatedField = (itemSlugs: string[]): ArrayField => ({
  name: 'related',
  type: 'array',
  label: L.related,
  admin: noList,
  labels: L.links,
  fields: [
    // Payload's own row id (hidden, 24 hex digits as its ObjectId makes), declared to keep it out of the filter builder.
    {
      name: 'id',
      type: 'text',
      label: 'ID',
      defaultValue: newRowId,
      admin: { hidden: true, ...noList },
      hooks: { beforeChange: [({ value }) => value || newRowId()], beforeDuplicate: [() => newRowId()] },
    },
    {
      name: 'linkType',
      type: 'radio',
      label: L.linkType,
      defaultValue: 'internal',
      required: true,
      admin: noList,
      options: [
        { value: 'internal', label: L.internal },
        { value: 'external', label: L.external },
      ],
    },
    { name: 'label', type: 'text', label: L.linkLabel, localized: true, admin: noList },
    {
      name: 'doc',
      type: 'relationship',
      label: L.linkDoc,
      relationTo: itemSlugs,
      admin: { ...noList, condition: (_, sibling) => sibling?.linkType !== 'external' },
      validate: (value: unknown, options: { siblingData: Record<string, unknown>; req?: { i18n?: { language?: string } } }) =>
        options.siblingData?.linkType === 'external' || value ? true : message(options, V.linkDoc),
    },
    {
      name: 'url',
      type: 'text',
      label: L.url,
      admin: { ...noList, condition: (_, sibling) => sibling?.linkType === 'external' },
      validate: (value: unknown, options: { siblingData: Record<string, unknown>; req?: { i18n?: { language?: string } } }) => {
        if (options.siblingData?.linkType !== 'external') return true
        return isAbsoluteHttpUrl(value) ? true : message(options, V.externalUrl)
      },
    },
  ],
})
