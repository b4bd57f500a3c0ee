export { newsroomPlugin } from './plugin'
export { newsroomOptionsSchema, parseNewsroomOptions } from './options'
export { slugify } from './slugify'
export type { CollectionOverride, Labels, NewsroomOptions, ResolvedNewsroomOptions } from './types'
