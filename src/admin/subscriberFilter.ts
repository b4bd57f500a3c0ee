import type { Payload, TypedUser, Where } from 'payload'

import { transformWhereQuery } from 'payload/shared'

import { topicAncestors, topicIdOf } from '../topicAncestors.js'

export const SUBSCRIBER_STATUSES = ['active', 'pending', 'unsubscribed', 'bounced'] as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]
export const isSubscriberStatus = (v: unknown): v is SubscriberStatus => SUBSCRIBER_STATUSES.includes(v as SubscriberStatus)


export type TopicNode = { id: string; slug: string; title: string; parent: string | null }

const idOf = topicIdOf

/** Every topic (a taxonomy: tens or hundreds of rows), with its title in `locale`. */
export async function loadTopics(payload: Payload, topicsSlug: string, locale?: string): Promise<TopicNode[]> {
  const { docs } = await payload.find({
    collection: topicsSlug,
    depth: 0,
    pagination: false,
    sort: 'title',
    locale: locale as never,
    select: { title: true, slug: true, parent: true } as never,
    overrideAccess: true,
  })
  return docs.map((d) => {
    const t = d as unknown as { id: string | number; title?: string | null; slug?: string | null; parent?: unknown }
    return { id: String(t.id), slug: t.slug ?? String(t.id), title: t.title ?? t.slug ?? String(t.id), parent: idOf(t.parent) }
  })
}

/**
 * The topic and its ancestors. Subscribing to a topic includes its subtopics (see the digest), so a
 * subscriber of any of these gets the topic's news; so does one with no topics at all.
 */
export function withAncestors(topics: Map<string, TopicNode>, id: string): string[] {
  return topicAncestors(id, (x) => topics.get(x)?.parent)
}

/** Looks a topic up by slug (or id) and returns it with its ancestors' ids; null when unknown. */
export async function resolveTopic(payload: Payload, topicsSlug: string, slugOrId: string): Promise<{ slug: string; ids: string[] } | null> {
  const found = async (where: Where) => (await payload.find({ collection: topicsSlug, where, limit: 1, depth: 0, pagination: false, overrideAccess: true })).docs[0]
  const topic = (await found({ slug: { equals: slugOrId } })) ?? (/^[\w-]{1,64}$/.test(slugOrId) ? await found({ id: { equals: slugOrId } }).catch(() => undefined) : undefined)
  if (!topic) return null
  const ids = withAncestors(new Map((await loadTopics(payload, topicsSlug)).map((t) => [t.id, t])), String(topic.id))
  return { slug: String((topic as { slug?: string }).slug ?? topic.id), ids }
}

export type SubscriberFilter = { status?: SubscriberStatus; topicIds?: string[] }

/**
 * The filter as a where in the "or of ands" shape Payload's where builder shows and edits, so a
 * link to the list with it looks like one the admin built by hand:
 * (status AND topics in [topic, ancestors]) OR (status AND no topics).
 */
export function subscriberWhere({ status, topicIds }: SubscriberFilter): Where | undefined {
  const byStatus: Where[] = status ? [{ status: { equals: status } }] : []
  if (topicIds?.length) {
    return { or: [{ and: [...byStatus, { topics: { in: topicIds } }] }, { and: [...byStatus, { topics: { exists: false } }] }] }
  }
  return byStatus.length ? { or: [{ and: byStatus }] } : undefined
}

type Group = { status?: SubscriberStatus; topicsIn?: string[]; noTopics?: true; other?: true }

/** One "and" group of a where-builder filter: which of our conditions it holds (`other`: anything else). */
function readGroup(group: Where): Group {
  const out: Group = {}
  for (const condition of (Array.isArray(group.and) ? group.and : [group]) as Where[]) {
    const [field, ops, ...more] = Object.entries(condition).flat() as [string, unknown, ...unknown[]]
    const [op, value, ...moreOps] = ops && typeof ops === 'object' ? Object.entries(ops).flat() : []
    const ids = op === 'in' ? (Array.isArray(value) ? value : String(value ?? '').split(',')).map(String).filter(Boolean) : []
    if (more.length || moreOps.length) out.other = true
    else if (field === 'status' && op === 'equals' && isSubscriberStatus(value) && !out.status) out.status = value
    else if (field === 'topics' && op === 'in' && ids.length && !out.topicsIn) out.topicsIn = ids
    else if (field === 'topics' && op === 'exists' && String(value) === 'false' && !out.noTopics) out.noTopics = true
    else out.other = true
  }
  return out
}

/**
 * Reads a list-view where back into a status/topic filter: the shapes `subscriberWhere` makes
 * (and `where[status][equals]=…`). `custom` when it is anything else, built in the where builder.
 */
export function readSubscriberFilter(where: unknown): SubscriberFilter & { custom: boolean } {
  if (where === undefined || where === null || where === '') return { custom: false }
  if (typeof where !== 'object') return { custom: true }
  const groups = ((transformWhereQuery(where as Where).or ?? []) as Where[]).map(readGroup)
  const [a, b] = groups
  if (!a || groups.length > 2 || groups.some((g) => g.other || g.status !== a.status)) return { custom: true }
  const status = a.status
  if (!b) return a.topicsIn || a.noTopics ? { custom: true } : { status, custom: false }
  const [withIn, withNone] = a.topicsIn ? [a, b] : [b, a]
  if (!withIn.topicsIn || withIn.noTopics || !withNone.noTopics || withNone.topicsIn) return { custom: true }
  return { status, topicIds: withIn.topicsIn, custom: false }
}

export type SubscriberStats = { total: number; byStatus: Record<SubscriberStatus, number> }

/** Subscribers per status (within a topic filter when given), counted with the caller's access. */
export async function subscriberStats(
  payload: Payload,
  subscribersSlug: string,
  args: { topicIds?: string[]; user: TypedUser | null | undefined },
): Promise<SubscriberStats> {
  const count = async (status?: SubscriberStatus) =>
    (await payload.count({ collection: subscribersSlug, where: subscriberWhere({ status, topicIds: args.topicIds }), user: args.user ?? undefined, overrideAccess: false })).totalDocs
  const [total, ...each] = await Promise.all([count(), ...SUBSCRIBER_STATUSES.map((s) => count(s))])
  return { total: total!, byStatus: Object.fromEntries(SUBSCRIBER_STATUSES.map((s, i) => [s, each[i]!])) as Record<SubscriberStatus, number> }
}
