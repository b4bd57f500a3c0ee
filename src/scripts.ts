import type { Payload } from 'payload'

import type { Frequency } from './newsletter/common.js'

import { rebuildIndex as rebuild, reindexAll as reindex } from './listing/indexer.js'
import { type DigestResult, runDigest as run } from './newsletter/digest/runDigest.js'
import { pluginOptions } from './pluginOptions.js'

/** What scripts call with just a Payload instance (`npm run reindex`, `npm run digest`): the plugin's options are those of its config. */

/** The listing index rebuilt from the published items, then the search vocabulary pruned to the words it uses. */
export const rebuildIndex = (payload: Payload, onProgress?: (done: number) => void) => rebuild(payload, pluginOptions(payload), onProgress)

/** The listing index dropped and built again from the published items. */
export const reindexAll = (payload: Payload, onProgress?: (done: number) => void) => reindex(payload, pluginOptions(payload), onProgress)

/** One digest run for `frequency` (safe to repeat: at most one mail per subscriber and period). */
export const runDigest = (payload: Payload, args: { frequency: Frequency; period?: string | null; now?: Date }): Promise<DigestResult> =>
  run(payload, pluginOptions(payload), args)
