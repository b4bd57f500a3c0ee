import type { Payload } from 'payload'

/** The topic tree the newsletter tests share: Psykisk hälsa › Barn och unga, and Miljö. */
export async function createNewsletterTopics(payload: Payload) {
  const halsa = await payload.create({ collection: 'topics', data: { title: 'Psykisk hälsa', slug: 'psykisk-halsa' } as never })
  const barn = await payload.create({ collection: 'topics', data: { title: 'Barn och unga', slug: 'barn-och-unga', parent: halsa.id } as never })
  const miljo = await payload.create({ collection: 'topics', data: { title: 'Miljö', slug: 'miljo' } as never })
  return { halsa: halsa.id, barn: barn.id, miljo: miljo.id }
}

/** The first `<path>?token=…` link in a mail's text; throws naming the path when there is none. */
export function linkIn(text: string | undefined, path: string): string {
  const m = text?.match(new RegExp(`https?://[^\\s"<>]+${path.replace(/[/?]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+`))
  if (!m) throw new Error(`no ${path} link in: ${text}`)
  return m[0]
}

/** A published news item with a summary, in the given topics. */
export const publishNews = (payload: Payload, title: string, topics: (string | number)[]) =>
  payload.create({ collection: 'news', data: { _status: 'published', title, summary: `Ingress: ${title}`, topics } as never })

/** An active daily Swedish subscriber, confirmed an hour ago, made through the Local API; `data` overrides. */
export const createActiveSubscriber = <T>(payload: Payload, email: string, data: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'subscribers' as never,
    data: { email, status: 'active', frequency: 'daily', locale: 'sv', topics: [], confirmedAt: new Date(Date.now() - 3600_000).toISOString(), ...data } as never,
    overrideAccess: true,
  }) as unknown as Promise<T>
