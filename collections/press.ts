import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { isEmailAddress } from '../src/emailAddress.js'
import { L } from '../src/texts/labels.js'
import { message, V } from '../src/validation.js'
import { contentCollection } from './contentCollection.js'

export const pressCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  contentCollection({
    options,
    key: 'press',
    labels: L.press,
    graphQL: { singularName: 'PressItem', pluralName: 'PressItems' },
    extraFields: [
      {
        name: 'contacts',
        type: 'array',
        label: L.contacts,
        labels: L.contactPersons,
        fields: [
          { name: 'name', type: 'text', label: L.name, required: true },
          { name: 'role', type: 'text', label: L.role, localized: true },
          {
            name: 'email',
            type: 'email',
            label: L.email,
            validate: (v: unknown, options: unknown) =>
              v == null || v === '' || isEmailAddress(v) ? true : message(options as Parameters<typeof message>[0], V.email),
          },
          { name: 'phone', type: 'text', label: L.phone },
        ],
      },
      {
        name: 'attachments',
        type: 'upload',
        label: L.attachments,
        relationTo: options.collections.media.slug,
        hasMany: true,
        filterOptions: { mimeType: { equals: 'application/pdf' } },
      },
    ],
  })
