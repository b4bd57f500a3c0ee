import type { PayloadRequest } from 'payload'

import type { AuditAction } from './auditActions.js'

import { currentJob } from './jobContext.js'

export type Actor = { user: string | null; userId: string | null; job: string | null }

/** Who is making the change: the logged-in user, the job it runs in, or both (a scheduled run acts as its scheduler). */
export function actorOf(req: PayloadRequest): Actor {
  const u = req.user as { id?: unknown; email?: unknown; collection?: string } | null | undefined
  return {
    user: u ? String(u.email ?? u.id) : null,
    userId: u ? `${u.collection ?? 'users'}:${String(u.id)}` : null,
    job: currentJob() ?? ((req.context?.newsroomJob as string | undefined) ?? null),
  }
}

/** One line naming the actor, as stored in `publishedBy`. */
export const actorLabel = (a: Actor) => [a.user, a.job && `job ${a.job}`].filter(Boolean).join(', ') || 'system'

export type AuditEntry = {
  action: AuditAction
  collection: string
  document: string | number
  title?: string | null
  version?: string | number | null
  reason?: string | null
  rule?: string | null
  details?: unknown
}

/** Writes one row into the audit log `slug` with `req`, so it is part of the transaction of the change it records. */
export async function writeAudit(req: PayloadRequest, slug: string, entry: AuditEntry, actor: Actor = actorOf(req)) {
  const at = new Date().toISOString()
  await req.payload.create({
    collection: slug,
    req,
    overrideAccess: true,
    depth: 0,
    data: {
      at,
      action: entry.action,
      collection: entry.collection,
      document: String(entry.document),
      title: entry.title ?? null,
      version: entry.version == null ? null : String(entry.version),
      user: actor.user,
      userId: actor.userId,
      job: actor.job,
      reason: entry.reason ?? null,
      rule: entry.rule ?? null,
      details: entry.details ?? null,
      summary: `${entry.action} ${entry.collection}/${entry.document}${entry.title ? ` – ${entry.title}` : ''}`,
    } as never,
  })
}
