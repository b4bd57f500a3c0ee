export { newsroomPlugin } from './plugin.js'
export { newsroomOptionsSchema, parseNewsroomOptions, resolveNewsroomOptions } from './options.js'
export { slugify } from './slugify.js'
export type { CollectionOverride, Labels, NewsroomOptions, ResolvedNewsroomOptions } from './types.js'
export { adminsOnly, isAdminUser, loggedIn } from './access.js'
export { rebuildIndex, reindexAll, runDigest } from './scripts.js'
export {
  dueForReview,
  exportRecordsToDir,
  exportRecordsZip,
  mediaUsedByPublished,
  pruneDraftVersions,
  sendReviewReminders,
  wasEverPublished,
} from './records/publicApi.js'
export { findPublishedItem, parseItemAddress, type ItemDetail, type ItemLookup } from './endpoints/itemDetail.js'
export { TYPE_LABELS, type TypeFacet } from './listing/typeLabels.js'
export type { ImageSize, ListingImage, ListingItem } from './listing/types.js'
