import { AsyncLocalStorage } from 'node:async_hooks'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { writeAudit } from './audit.js'

/** The job a change runs in, if any: Payload's schedulePublish task passes no `req`/`context` to its update. */
const store = new AsyncLocalStorage<{ job: string }>()

export const currentJob = (): string | null => store.getStore()?.job ?? null

export const runAsJob = <T>(job: string, fn: () => Promise<T>): Promise<T> => store.run({ job }, fn)

type ScheduleInput = { type?: string; locale?: string; doc?: { relationTo?: string; value?: string | number }; user?: { relationTo: string; value: string | number } }
type QueueArgs = { task?: string; input?: ScheduleInput; waitUntil?: Date; req?: PayloadRequest } & Record<string, unknown>
const wrapped = new WeakSet<object>()

/**
 * Payload adds its `schedulePublish` task while sanitizing the config (after plugins run) and the
 * admin's schedule drawer queues it without a `req`, so both are wrapped here, at init: a queued
 * schedule writes a "schedule" audit row in the same transaction as the job, and the task's
 * updates know they are a scheduled run.
 */
export function markScheduledRuns(payload: Payload, o: ResolvedNewsroomOptions) {
  const task = payload.config.jobs?.tasks?.find((t) => t.slug === 'schedulePublish') as { handler?: unknown } | undefined
  if (task && typeof task.handler === 'function' && !wrapped.has(task)) {
    wrapped.add(task)
    const original = task.handler as (args: { job: { id: string | number } }) => Promise<unknown>
    task.handler = (args: { job: { id: string | number } }) => runAsJob(`schedulePublish#${args.job?.id ?? '?'}`, () => original(args))
  }
  const jobs = payload.jobs as unknown as { queue: (args: QueueArgs) => Promise<{ id: string | number }> }
  if (wrapped.has(jobs)) return
  wrapped.add(jobs)
  const queue = jobs.queue.bind(jobs)
  const ours = [o.collections.news.slug, o.collections.events.slug, o.collections.press.slug]
  jobs.queue = async (args) => {
    const target = args.input?.doc
    if (args.task !== 'schedulePublish' || !target?.relationTo || !ours.includes(target.relationTo)) return queue(args)
    const req = args.req ?? (await createLocalReq({ user: (await schedulingUser(payload, args.input?.user)) ?? undefined }, payload))
    const own = await initTransaction(req)
    try {
      const job = await queue({ ...args, req })
      await writeAudit(req, o.records.auditLog.slug, {
        action: 'schedule',
        collection: target.relationTo,
        document: target.value ?? '',
        details: { type: args.input?.type ?? 'publish', waitUntil: args.waitUntil ? new Date(args.waitUntil).toISOString() : null, locale: args.input?.locale ?? null, job: String(job.id) },
      })
      if (own) await commitTransaction(req)
      return job
    } catch (err) {
      if (own) await killTransaction(req)
      throw err
    }
  }
}

async function schedulingUser(payload: Payload, ref: ScheduleInput['user']) {
  if (!ref) return undefined
  const user = (await payload.findByID({ collection: ref.relationTo, id: ref.value, depth: 0, disableErrors: true, overrideAccess: true })) as PayloadRequest['user']
  return user ? ({ ...user, collection: ref.relationTo } as PayloadRequest['user']) : undefined
}
