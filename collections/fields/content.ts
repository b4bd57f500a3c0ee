import type { Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/options.js'

import { dayAndTime } from '../../src/admin/dateFormats.js'
import { L } from '../../src/texts/labels.js'
import { recordsFields } from '../../src/records/recordsFields.js'
import { relatedField } from './related.js'
import { slugField } from './slug.js'

/**
 * Fields shared by news, calendar events and press items. `leadFields` come before the body
 * (an event's time and place); the type's other fields come after these.
 */
export const contentFields = (o: ResolvedNewsroomOptions, leadFields: Field[] = []): Field[] => [
  {
    name: 'title',
    type: 'text',
    label: L.title,
    required: true,
    localized: true,
    admin: { components: { Cell: 'payload-plugin-newsroom/client#TitleCell' } },
  },
  slugField('title'),
  { name: 'summary', type: 'textarea', label: L.summary, localized: true },
  ...leadFields,
  { name: 'body', type: 'richText', label: L.body, localized: true },
  {
    name: 'heroImage',
    type: 'upload',
    label: L.heroImage,
    relationTo: o.collections.media.slug,
    filterOptions: { mimeType: { contains: 'image' } },
  },
  {
    name: 'topics',
    type: 'relationship',
    label: L.topicsField,
    relationTo: o.collections.topics.slug,
    hasMany: true,
    index: true,
    admin: { position: 'sidebar' },
  },
  relatedField([o.collections.news.slug, o.collections.events.slug, o.collections.press.slug]),
  {
    name: 'publishedAt',
    type: 'date',
    label: L.publishedAt,
    index: true,
    admin: { position: 'sidebar', date: dayAndTime },
  },
  {
    // A list column only: when a scheduled publish or unpublish will run (no data of its own).
    name: 'scheduled',
    type: 'ui',
    label: L.scheduled,
    admin: { components: { Cell: 'payload-plugin-newsroom/rsc#ScheduledCell' } },
  },
  {
    name: 'lastModified',
    type: 'date',
    label: L.lastModified,
    admin: { position: 'sidebar', readOnly: true, date: dayAndTime },
  },
  ...recordsFields(o),
]
