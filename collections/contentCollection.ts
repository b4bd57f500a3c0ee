import type { CollectionConfig, Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'
import type { Labels } from '../src/types.js'

import { loggedIn, publishedOrLoggedIn } from '../src/access.js'
import { stampDates } from '../src/hooks/stampDates.js'
import { indexAfterChange, indexAfterDelete } from '../src/listing/hooks.js'
import { L } from '../src/texts/labels.js'
import { recordsAfterChange, recordsBeforeChange, refusePublishedDelete } from '../src/records/contentHooks.js'
import { applyOverrides } from './applyOverrides.js'
import { contentFields } from './fields/content.js'

type Args = {
  options: ResolvedNewsroomOptions
  key: 'news' | 'events' | 'press'
  labels: { singular: Labels; plural: Labels }
  graphQL: { singularName: string; pluralName: string }
  extraFields?: Field[]
}

/** The config shared by news, events and press: drafts, versions, scheduled publish, public reads of published documents only. */
export function contentCollection({ options, key, labels, graphQL, extraFields = [] }: Args): CollectionConfig {
  const { slug } = options.collections[key]
  const defaultConfig: CollectionConfig = {
    slug,
    labels,
    graphQL,
    admin: {
      group: L.group,
      useAsTitle: 'title',
      defaultColumns: ['title', 'publishedAt', '_status', 'updatedAt'],
      listSearchableFields: ['title', 'slug', 'summary'],
    },
    access: {
      read: publishedOrLoggedIn,
      readVersions: loggedIn,
      create: loggedIn,
      update: loggedIn,
      delete: loggedIn,
    },
    defaultSort: '-publishedAt',
    versions: {
      drafts: { schedulePublish: true },
      // Every published version is a record: no cap. Old drafts are pruned by a job (src/records/pruneDrafts.ts).
      maxPerDoc: 0,
    },
    fields: [...contentFields(options), ...extraFields],
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
