import type { CollectionConfig, Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'
import type { Labels } from '../src/types.js'

import { loggedIn, publishedOrLoggedIn } from '../src/access.js'
import { TIME_FORMAT } from '../src/admin/dateFormats.js'
import { stampDates } from '../src/hooks/stampDates.js'
import { indexAfterChange, indexAfterDelete } from '../src/listing/hooks.js'
import { L } from '../src/texts/labels.js'
import { recordsAfterChange, recordsBeforeChange, refusePublishedDelete } from '../src/records/contentHooks.js'
import { applyOverrides } from './applyOverrides.js'
import { contentFields } from './fields/content.js'
import { previewAdmin } from '../src/preview/previewUrl.js'

type Args = {
  options: ResolvedNewsroomOptions
  key: 'news' | 'events' | 'press'
  labels: { singular: Labels; plural: Labels }
  graphQL: { singularName: string; pluralName: string }
  extraFields?: Field[]
  /** Fields placed before the body. */
  leadFields?: Field[]
  /** The list's default columns, after the title. */
  columns?: string[]
  defaultSort?: string
}

/** The config shared by news, events and press: drafts, versions, scheduled publish, public reads of published documents only. */
export function contentCollection({ options, key, labels, graphQL, extraFields = [], leadFields = [], columns = ['_status', 'scheduled', 'topics', 'publishedAt'], defaultSort = '-publishedAt' }: Args): CollectionConfig {
  const { slug } = options.collections[key]
  const defaultConfig: CollectionConfig = {
    slug,
    labels,
    graphQL,
    admin: {
      group: L.group,
      useAsTitle: 'title',
      defaultColumns: ['title', ...columns],
      components: {
        beforeListTable: ['payload-plugin-newsroom/rsc#ListQuickFilters'],
        edit: {
          beforeDocumentControls: [
            'payload-plugin-newsroom/client#ScheduleDrawerDefaults',
            { path: 'payload-plugin-newsroom/client#RecordedDeleteButton', clientProps: { mode: 'delete', auditLogSlug: options.records.auditLog.slug } },
          ],
        },
      },
      listSearchableFields: ['title', 'slug', 'summary'],
      // Förhandsgranska / Preview and Live Preview: see src/preview.
      ...previewAdmin(key),
    },
    access: {
      read: publishedOrLoggedIn,
      readVersions: loggedIn,
      create: loggedIn,
      update: loggedIn,
      delete: loggedIn,
    },
    defaultSort,
    versions: {
      // The schedule drawer's time list: 24-hour in Swedish (as the rest of the admin's dates).
      drafts: { schedulePublish: { timeFormat: TIME_FORMAT, timeIntervals: 15 } },
      // Every published version is a record: no cap. Old drafts are pruned by a job (src/records/pruneDrafts.ts).
      maxPerDoc: 0,
    },
    fields: [...contentFields(options, leadFields), ...extraFields],
  }
  return applyOverrides({
    options,
    key,
    defaultConfig,
    required: {
      beforeChange: [stampDates, recordsBeforeChange],
      afterChange: [recordsAfterChange(options), indexAfterChange(options, key)],
      beforeDelete: [refusePublishedDelete(options)],
      afterDelete: [indexAfterDelete(options, key)],
    },
  })
}
