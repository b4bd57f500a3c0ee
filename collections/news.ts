import type { CollectionConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { L } from '../src/texts/labels.js'
import { contentCollection } from './contentCollection.js'

export const newsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  contentCollection({ options, key: 'news', labels: L.news, graphQL: { singularName: 'NewsItem', pluralName: 'News' } })
