import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { afterCommit } from './afterCommit.js'
import { reindexTopic } from './indexer.js'

export const TASK_REINDEX_TOPIC = 'newsroomReindexTopic'
/** Its own queue, so a big topic never delays scheduled publishing on `default`. */
export const LISTING_QUEUE = 'newsroom-listing'

/** Called when the index changed outside the item hooks (the job), to drop rendered feeds. */
type OnReindexed = (payload: Payload, options: ResolvedNewsroomOptions) => void

/**
 * Re-indexes the items under a renamed, moved or deleted topic. Queued by the topic hooks inside
 * the editor's request (so it exists exactly when the change was committed), run right after the
 * request by `kickListingJobs`, and otherwise by the jobs runner (`payload jobs:run --queue
 * newsroom-listing`, or the plugin's autoRun entry). Running it twice is harmless.
 */
export const reindexTopicTask = (options: ResolvedNewsroomOptions, onReindexed: OnReindexed): TaskConfig => ({
  slug: TASK_REINDEX_TOPIC,
  label: 'Newsroom: re-index the items of a topic',
  inputSchema: [{ name: 'topic', type: 'text', required: true }],
  retries: 3,
  handler: async ({ input, req }) => {
    const items = await reindexTopic(req.payload, options, (input as { topic: string }).topic)
    onReindexed(req.payload, options)
    return { output: { items } }
  },
})

/** Queues the topic's re-index in the request's transaction, and kicks the queue once that has committed. */
export async function queueTopicReindex(req: PayloadRequest, topicId: string | number) {
  await req.payload.jobs.queue({ task: TASK_REINDEX_TOPIC as never, queue: LISTING_QUEUE, input: { topic: String(topicId) } as never, req })
  const { shouldAutoRun } = req.payload.config.jobs ?? {}
  // An instance told not to run jobs (RUN_JOBS=false here) leaves the job to whichever does.
  if (shouldAutoRun && !(await shouldAutoRun(req.payload))) return
  afterCommit(req, 'topic re-index', () => kickListingJobs(req.payload))
}

const chains = new WeakMap<Payload, Promise<unknown>>()

/** Runs the listing queue, one run at a time per instance, so that two topic jobs never index the same item side by side. */
export function kickListingJobs(payload: Payload): Promise<unknown> {
  const run = (chains.get(payload) ?? Promise.resolve()).then(() =>
    payload.jobs.run({ queue: LISTING_QUEUE, limit: 100, sequential: true, silent: { info: true } }),
  )
  chains.set(payload, run.catch(() => {}))
  return run
}
