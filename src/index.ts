export { newsroomPlugin } from './plugin.js'
export { newsroomOptionsSchema, parseNewsroomOptions } from './options.js'
export { slugify } from './slugify.js'
export type { CollectionOverride, Labels, NewsroomOptions, ResolvedNewsroomOptions } from './types.js'
