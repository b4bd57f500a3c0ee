import type { Payload, PayloadRequest } from 'payload'

import { pluginOptions } from '../pluginOptions.js'
import { dueForReview as due } from './dueForReview.js'
import { type ExportRange, exportRecordsToDir as toDir, exportRecordsZip as toZip } from './exportRecords.js'
import { pruneDraftVersions as prune } from './pruneDrafts.js'
import { sendReviewReminders as remind } from './reviewReminders.js'
import { mediaUsedByPublished as mediaUses, wasEverPublished as everPublished } from './wasEverPublished.js'

/**
 * The records functions for callers that have just a Payload instance (the app's pages, scripts,
 * an admin dashboard): the plugin's options are those of its config, as in src/scripts.ts.
 */

/** True when the document has had a published version (also once deleted). Pass `req` inside a transaction. */
export const wasEverPublished = (payload: Payload, collection: string, id: string | number, req?: Partial<PayloadRequest>) =>
  everPublished(payload, pluginOptions(payload), collection, id, req)

/** The published versions (current or retained) that show the media. */
export const mediaUsedByPublished = (payload: Payload, mediaId: string | number, req?: Partial<PayloadRequest>) =>
  mediaUses(payload, pluginOptions(payload), mediaId, req)

/** Items whose review date is today or earlier, oldest first, with their responsible editor. */
export const dueForReview = (payload: Payload, now?: Date) => due(payload, pluginOptions(payload), now)

/** Mails each responsible editor the items due for review not yet reminded of; returns the number of mails. */
export const sendReviewReminders = (payload: Payload, now?: Date) => remind(payload, pluginOptions(payload), now)

/** Deletes draft versions beyond the newest `keep` per document (default `records.keepDraftVersions`). */
export const pruneDraftVersions = (payload: Payload, keep?: number) => prune(payload, pluginOptions(payload), keep)

/** Writes the e-archive export into the empty directory `out`; returns the manifest's entries. */
export const exportRecordsToDir = (payload: Payload, out: string, range?: ExportRange) => toDir(payload, pluginOptions(payload), out, range)

/** The e-archive export as a streamed ZIP. */
export const exportRecordsZip = (payload: Payload, range?: ExportRange) => toZip(payload, pluginOptions(payload), range)
