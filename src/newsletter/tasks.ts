import type { TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { DIGEST_QUEUE, TASK_DIGEST, TASK_SEND_MAIL, TASK_SIGNUP, type Frequency } from './common.js'
import { runDigest } from './digest/runDigest.js'
import { purgeRateLimits } from './rateLimit.js'
import { type MailKind, sendQueuedMail } from './sendMail.js'
import { processSignup, purgeExpiredSignups, type SignupInput } from './signup.js'

/** Jobs-queue tasks of the newsletter: the sign-up, the digest, and the scheduled digests. */
export function newsletterTasks(options: ResolvedNewsroomOptions): TaskConfig[] {
  const signup: TaskConfig = {
    slug: TASK_SIGNUP,
    label: 'Newsletter: sign-up (subscriber and confirmation mail)',
    inputSchema: [
      { name: 'email', type: 'text', required: true },
      { name: 'topics', type: 'json' },
      { name: 'locale', type: 'text', required: true },
      { name: 'frequency', type: 'text', required: true },
      { name: 'consent', type: 'json' },
    ],
    // A mail server that is down: tried again 4 times, the wait doubling from 5-10 s (the backstop timer picks the retries up).
    retries: { attempts: 4, backoff: { type: 'exponential', delay: 5000 } },
    handler: async ({ input, req }) => {
      const outcome = await processSignup(req.payload, options, input as unknown as SignupInput)
      const purged = await purgeExpiredSignups(req.payload, options).catch((err: unknown) => {
        req.payload.logger.error({ err, msg: 'newsletter: purging expired sign-ups failed' })
        return null
      })
      return { output: { outcome, purged } }
    },
  }
  const legacyMail: TaskConfig = {
    slug: TASK_SEND_MAIL,
    label: 'Newsletter: confirmation mail (jobs queued by earlier releases)',
    inputSchema: [
      { name: 'subscriber', type: 'text', required: true },
      { name: 'kind', type: 'text', required: true },
    ],
    retries: 3,
    handler: async ({ input, req }) => {
      const { subscriber, kind } = input as { subscriber: string; kind: MailKind }
      const result = await sendQueuedMail(req.payload, options, subscriber, kind === 'manage' ? 'manage' : 'confirm')
      return { output: { result } }
    },
  }
  const digestTask: TaskConfig = {
    slug: TASK_DIGEST,
    label: 'Newsletter: digest',
    inputSchema: [
      { name: 'frequency', type: 'select', options: ['daily', 'weekly'], required: true },
      /** Overrides the period key (e.g. to send again for a test period); default: today / this ISO week. */
      { name: 'period', type: 'text' },
    ],
    // Safe to retry: deliveries already claimed for the period are not sent again.
    retries: 2,
    handler: async ({ input, req }) => {
      const { frequency, period } = input as { frequency: Frequency; period?: string | null }
      await purgeRateLimits(req.payload, options).catch(() => {})
      const result = await runDigest(req.payload, options, { frequency, period })
      return { output: { ...result, runId: String(result.runId) } }
    },
  }
  const scheduled = (frequency: Frequency, cron: string): TaskConfig => ({
    slug: `${TASK_DIGEST}${frequency === 'daily' ? 'Daily' : 'Weekly'}`,
    label: `Newsletter: ${frequency} digest (scheduled)`,
    retries: 2,
    schedule: [{ cron, queue: DIGEST_QUEUE }],
    handler: async ({ req }) => {
      const result = await runDigest(req.payload, options, { frequency })
      return { output: { ...result, runId: String(result.runId) } }
    },
  })
  const tasks = [signup, legacyMail, digestTask]
  const schedule = options.newsletter.schedule
  if (schedule) tasks.push(scheduled('daily', schedule.daily), scheduled('weekly', schedule.weekly))
  return tasks
}
