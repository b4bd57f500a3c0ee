import type { CollectionAfterDeleteHook, Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { writeAudit } from './audit.js'

type ScheduleJob = {
  id: string | number
  taskSlug?: string
  completedAt?: string | null
  processing?: boolean
  hasError?: boolean
  waitUntil?: string | null
  input?: { type?: string; locale?: string; doc?: { relationTo?: string; value?: string | number } }
}

const added = new WeakSet<object>()

/**
 * The schedule drawer cancels a scheduled publish/unpublish by deleting its `payload-jobs` row
 * (`payload.delete` with the user's `req`). The jobs collection is added by Payload while
 * sanitizing, so the hook goes on at init (an override through `jobsCollectionOverrides` makes
 * Payload warn about hooks). Only a job that has not run counts: the runner's own delete of a
 * completed job is not a cancellation. The row is written with the delete's `req`, in its transaction.
 */
export function auditScheduleCancellations(payload: Payload, o: ResolvedNewsroomOptions) {
  const jobs = payload.collections['payload-jobs']?.config
  if (!jobs || added.has(jobs)) return
  added.add(jobs)
  const ours = [o.collections.news.slug, o.collections.events.slug, o.collections.press.slug]
  const hook: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const job = doc as ScheduleJob
    const target = job.input?.doc
    if (job.taskSlug !== 'schedulePublish' || job.completedAt || job.processing || !target?.relationTo || !ours.includes(target.relationTo)) return doc
    await writeAudit(req, o.records.auditLog.slug, {
      action: 'scheduleCancel',
      collection: target.relationTo,
      document: target.value ?? '',
      details: { type: job.input?.type ?? 'publish', waitUntil: job.waitUntil ? new Date(job.waitUntil).toISOString() : null, locale: job.input?.locale ?? null, job: String(job.id) },
    })
    return doc
  }
  jobs.hooks.afterDelete = [...(jobs.hooks.afterDelete ?? []), hook]
}
