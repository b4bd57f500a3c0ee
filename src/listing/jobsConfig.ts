import type { Config } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { invalidateFeeds } from './hooks.js'
import { LISTING_QUEUE, reindexTopicTask } from './topicJob.js'

type Jobs = NonNullable<Config['jobs']>
type AutoRun = Exclude<Jobs['autoRun'], undefined>

/**
 * The listing's job (the topic re-index, always registered: the topic hooks queue it even with
 * `enabled: false`), and when the app runs jobs in-process (`autoRun`), a once-a-minute run of
 * its queue, which picks up a job whose kick after the request was lost (a restart, say).
 */
export function listingJobs(jobs: Jobs, options: ResolvedNewsroomOptions): Jobs {
  const tasks = [...(jobs.tasks ?? []), reindexTopicTask(options, invalidateFeeds)]
  const ours = { cron: '* * * * *', queue: LISTING_QUEUE, limit: 10 }
  const autoRun = jobs.autoRun
  if (!autoRun) return { ...jobs, tasks }
  const withOurs: AutoRun = Array.isArray(autoRun) ? [...autoRun, ours] : async (payload) => [...(await autoRun(payload)), ours]
  return { ...jobs, tasks, autoRun: withOurs }
}
