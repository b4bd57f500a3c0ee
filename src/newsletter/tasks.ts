import type { TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options'

import { TASK_DIGEST, TASK_SEND_MAIL, type Frequency } from './common'
import { runDigest } from './digest'
import { purgeRateLimits } from './rateLimit'
import { type MailKind, sendSubscriptionMail } from './sendMail'

/** Jobs-queue tasks of the newsletter: the sign-up mail, the digest, and the scheduled digests. */
export function newsletterTasks(options: ResolvedNewsroomOptions): TaskConfig[] {
  const sendMail: TaskConfig = {
    slug: TASK_SEND_MAIL,
    label: 'Newsletter: confirmation mail',
    inputSchema: [
      { name: 'subscriber', type: 'text', required: true },
      { name: 'kind', type: 'text', required: true },
    ],
    retries: 3,
    handler: async ({ input, req }) => {
      const { subscriber, kind } = input as { subscriber: string; kind: MailKind }
      const result = await sendSubscriptionMail(req.payload, subscriber, kind === 'manage' ? 'manage' : 'confirm')
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
      await purgeRateLimits(req.payload).catch(() => {})
      const result = await runDigest(req.payload, { frequency, period })
      return { output: { ...result, runId: String(result.runId) } }
    },
  }
  const scheduled = (frequency: Frequency, cron: string): TaskConfig => ({
    slug: `${TASK_DIGEST}${frequency === 'daily' ? 'Daily' : 'Weekly'}`,
    label: `Newsletter: ${frequency} digest (scheduled)`,
    retries: 2,
    schedule: [{ cron, queue: 'default' }],
    handler: async ({ req }) => {
      const result = await runDigest(req.payload, { frequency })
      return { output: { ...result, runId: String(result.runId) } }
    },
  })
  const tasks = [sendMail, digestTask]
  const schedule = options.newsletter.schedule
  if (schedule) tasks.push(scheduled('daily', schedule.daily), scheduled('weekly', schedule.weekly))
  return tasks
}
