import type { Config, Payload, TaskConfig } from 'payload'

import { DIGEST_QUEUE } from './common.js'
import { kickSignupQueue } from './kickQueue.js'

type JobsConfig = NonNullable<Config['jobs']>
type AutoRunEntry = { allQueues?: boolean; cron?: string; disableScheduling?: boolean; limit?: number; queue?: string; silent?: boolean }

/** How often the sign-up queue is looked at besides the kick after each sign-up: retries, and jobs left by a restart. */
export const SIGNUP_BACKSTOP_MS = 5000

const backstops = new WeakSet<Payload>()

/**
 * A timer that kicks the sign-up queue every few seconds, stopped with Payload's own job crons
 * (`payload.destroy()` stops everything in `payload.crons`). It goes through the kick's single
 * flight rather than a Payload autoRun entry: Payload claims jobs with a find and then an update
 * (not atomic), so two runners of one queue in one process could both run a job and mail twice.
 */
function startSignupBackstop(payload: Payload) {
  if (backstops.has(payload)) return
  backstops.add(payload)
  const timer = setInterval(() => kickSignupQueue(payload), SIGNUP_BACKSTOP_MS)
  timer.unref()
  ;(payload.crons as unknown as { stop: () => void }[]).push({ stop: () => clearInterval(timer) })
}

/**
 * The newsletter's tasks added to the jobs config. Where the config runs jobs in-process
 * (`autoRun`), the digest queue gets a cron of its own (unless one is configured) and the sign-up
 * queue its backstop timer, both started when Payload starts its job crons.
 */
export function newsletterJobsConfig(jobs: Config['jobs'], tasks: TaskConfig[]): JobsConfig {
  const autoRun = jobs?.autoRun
  return {
    ...jobs,
    tasks: [...(jobs?.tasks ?? []), ...tasks],
    ...(autoRun
      ? {
          autoRun: async (payload: Payload) => {
            const entries = (typeof autoRun === 'function' ? await autoRun(payload) : autoRun) as AutoRunEntry[]
            startSignupBackstop(payload)
            const covered = entries.some((e) => e.allQueues || e.queue === DIGEST_QUEUE)
            return (covered ? entries : [...entries, { cron: '* * * * *', queue: DIGEST_QUEUE, limit: 5 }]) as never
          },
        }
      : {}),
  }
}
