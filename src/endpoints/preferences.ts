import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { absoluteUrl, type Subscriber, topicIds, unsubscribeUrl } from '../newsletter/common.js'
import { hitRateLimit } from '../newsletter/rateLimit.js'
import { page, preferencesPage, type TopicChoice } from '../newsletter/templates.js'
import { bad, clientIp, findByHash, html, noStore, type Options, pageLocale, readBody, readFrequency, readLocale, readTopics, tooMany, wantsJson } from './newsletterShared.js'

type TopicDoc = { id: string | number; slug?: string | null; title?: string | null; parent?: string | number | { id: string | number } | null }
type Choice = TopicChoice & { id: string }

/** Every topic in `locale`, each followed by its subtopics, siblings by title. */
async function topicChoices(payload: Payload, options: Options, locale: string): Promise<Choice[]> {
  const { docs } = await payload.find({
    collection: options.collections.topics.slug,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    ...(payload.config.localization ? { locale: locale as never } : {}),
  })
  const topics = docs as unknown as TopicDoc[]
  const ids = new Set(topics.map((t) => String(t.id)))
  const parentOf = (t: TopicDoc) => {
    const p = t.parent && typeof t.parent === 'object' ? t.parent.id : t.parent
    return p != null && ids.has(String(p)) ? String(p) : null
  }
  const children = new Map<string | null, TopicDoc[]>()
  for (const t of topics) children.set(parentOf(t), [...(children.get(parentOf(t)) ?? []), t])
  const title = (t: TopicDoc) => t.title || t.slug || String(t.id)
  const out: Choice[] = []
  const seen = new Set<string>()
  const add = (t: TopicDoc, depth: number) => {
    if (seen.has(String(t.id))) return
    seen.add(String(t.id))
    out.push({ id: String(t.id), slug: String(t.slug ?? ''), title: title(t), depth })
    for (const c of (children.get(String(t.id)) ?? []).sort((a, b) => title(a).localeCompare(title(b), locale))) add(c, depth + 1)
  }
  for (const t of (children.get(null) ?? []).sort((a, b) => title(a).localeCompare(title(b), locale))) add(t, 0)
  // Topics whose chain of parents never reaches the top (a cycle): listed at the top so none goes missing.
  for (const t of topics) add(t, 0)
  return out
}

/** Only active and pending subscribers have settings to change; unsubscribed and bounced ones must sign up again. */
const canChange = (s: Subscriber) => s.status === 'active' || s.status === 'pending'

const tokenOf = (req: PayloadRequest) => new URL(req.url!).searchParams.get('token')

const signupUrl = (options: Options) => absoluteUrl(options, options.newsletter.signupPage)

const invalidToken = (req: PayloadRequest, options: Options, json: boolean) =>
  json ? bad('token', 'is unknown or no longer valid', 404) : html(page('invalid', pageLocale(req), { signup: signupUrl(options) }), 404)

function notSubscribed(options: Options, s: Subscriber, json: boolean, htmlStatus: number) {
  const signup = signupUrl(options)
  if (!json) return html(page('notSubscribed', s.locale, { signup }), htmlStatus)
  const message = `token: the subscription is ${s.status}; sign up again to receive the newsletter`
  return Response.json({ error: 'not_subscribed', parameter: 'token', message, signup, email: s.email, locale: s.locale }, { status: 409, headers: noStore })
}

function preferencesJson(s: Subscriber, topics: Choice[]) {
  const slugOf = new Map(topics.map((t) => [t.id, t.slug]))
  const slugs = topicIds(s).flatMap((id) => (slugOf.has(id) ? [slugOf.get(id)!] : []))
  return Response.json({ ok: true, status: s.status, email: s.email, topics: slugs, frequency: s.frequency, locale: s.locale }, { headers: noStore })
}

function preferencesHtml(req: PayloadRequest, options: Options, s: Subscriber, topics: Choice[], token: string, saved: boolean) {
  const selected = new Set(topicIds(s))
  return html(
    preferencesPage({
      // Relative to this page, so the form posts back to the same path, token included.
      action: `?token=${encodeURIComponent(token)}`,
      topics,
      selected: topics.filter((t) => selected.has(t.id)).map((t) => t.slug),
      frequency: s.frequency,
      locale: s.locale,
      locales: options.locales,
      unsubscribe: unsubscribeUrl(req.payload, options, s.unsubscribeNonce!),
      pending: s.status === 'pending',
      saved,
    }),
  )
}

/**
 * `GET /api/newsroom/preferences?token=`: the settings form (or, with `Accept: application/json`,
 * the current settings). The token is the subscriber's long-lived unsubscribe token.
 */
export const preferencesPageEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/preferences',
  method: 'get',
  handler: async (req) => {
    const json = wantsJson(req)
    const token = tokenOf(req)
    const s = await findByHash(req, options, 'unsubscribeTokenHash', token)
    if (!s || !token) return invalidToken(req, options, json)
    if (!canChange(s)) return notSubscribed(options, s, json, 200)
    const topics = await topicChoices(req.payload, options, s.locale)
    return json ? preferencesJson(s, topics) : preferencesHtml(req, options, s, topics, token, false)
  },
})

/**
 * `POST /api/newsroom/preferences?token=`: saves `topics`, `frequency` and `locale` (each optional:
 * absent means unchanged). A form post gets the page back, JSON gets JSON.
 */
export const preferencesEndpoint = (options: Options): Endpoint => ({
  path: '/newsroom/preferences',
  method: 'post',
  handler: async (req) => {
    const { payload } = req
    const body = await readBody(req)
    if (body instanceof Response) return body

    const ipLimit = await hitRateLimit(payload, options, `preferences-ip:${clientIp(req, options)}`, options.newsletter.ipPerMinute, 60_000)
    if (!ipLimit.ok) return tooMany(ipLimit.retryAfter, 'Too many attempts; try again later.')

    const json = body.type === 'json'
    const bodyToken = body.get('token')
    const token = tokenOf(req) || (typeof bodyToken === 'string' ? bodyToken : null)
    const s = await findByHash(req, options, 'unsubscribeTokenHash', token)
    if (!s || !token) return invalidToken(req, options, json)
    if (!canChange(s)) return notSubscribed(options, s, json, 409)

    const topicIdsToSave = body.has('topics') ? await readTopics(payload, options.collections.topics.slug, body) : undefined
    if (topicIdsToSave instanceof Response) return topicIdsToSave
    const locale = readLocale(body, options.locales.includes(s.locale) ? s.locale : options.defaultLocale, options.locales)
    if (locale instanceof Response) return locale
    const frequency = readFrequency(body, s.frequency)
    if (frequency instanceof Response) return frequency

    const updated = (await payload.update({
      collection: options.collections.subscribers.slug,
      id: s.id,
      data: { ...(topicIdsToSave ? { topics: topicIdsToSave } : {}), locale, frequency } as never,
      overrideAccess: true,
      depth: 0,
    })) as unknown as Subscriber
    const topics = await topicChoices(payload, options, updated.locale)
    return json ? preferencesJson(updated, topics) : preferencesHtml(req, options, updated, topics, token, true)
  },
})

export const preferencesEndpoints = (options: Options): Endpoint[] => [preferencesPageEndpoint(options), preferencesEndpoint(options)]
