import type { Config } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { pruneDraftsTask, RECORDS_QUEUE } from './pruneDrafts.js'
import { reviewRemindersTask } from './reviewReminders.js'

type Jobs = NonNullable<Config['jobs']>
type AutoRunEntry = { allQueues?: boolean; cron?: string; limit?: number; queue?: string }

/** The records' tasks: draft-version prune and review reminders, on their own queue. */
export function recordsJobs(jobs: Jobs, o: ResolvedNewsroomOptions): Jobs {
  const autoRun = jobs.autoRun
  return {
    ...jobs,
    tasks: [...(jobs.tasks ?? []), pruneDraftsTask(o), reviewRemindersTask(o)],
    ...(autoRun
      ? {
          autoRun: async (payload) => {
            const entries = (typeof autoRun === 'function' ? await autoRun(payload) : autoRun) as AutoRunEntry[]
            const covered = entries.some((e) => e.allQueues || e.queue === RECORDS_QUEUE)
            return (covered ? entries : [...entries, { cron: '*/5 * * * *', queue: RECORDS_QUEUE, limit: 5 }]) as never
          },
        }
      : {}),
  }
}
