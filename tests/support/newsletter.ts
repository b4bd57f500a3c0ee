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

const PAGE_OF = { confirm: 'nyhetsbrev/bekrafta|en/newsletter/confirm', preferences: 'nyhetsbrev/installningar|en/newsletter/preferences', unsubscribe: 'nyhetsbrev/avsluta|en/newsletter/unsubscribe' }

/**
 * The first link in a mail to one of the site's newsletter pages (`page`), as the endpoint behind it
 * (`/api/newsroom/<page>?token=…`, same origin and token): for tests that run the API without the pages.
 */
export function apiLinkIn(text: string | undefined, page: keyof typeof PAGE_OF): string {
  const m = text?.match(new RegExp(`(https?://[^\\s"<>/]+)/(?:${PAGE_OF[page].replace(/\//g, '\\/')})\\?token=([A-Za-z0-9_-]+)`))
  if (!m) throw new Error(`no link to the ${page} page in: ${text}`)
  return `${m[1]}/api/newsroom/${page}?token=${m[2]}`
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

/** The confirmation form of a `GET /api/newsroom/confirm` page: where it posts and the fields it sends. */
export function confirmForm(page: string, pageUrl: string): { action: string; body: string } | null {
  const form = page.match(/<form id="newsroom-confirm" method="post" action="([^"]*)">(.*?)<\/form>/s)
  if (!form) return null
  const fields = new URLSearchParams()
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(m[1]!, m[2]!.replace(/&amp;/g, '&'))
  return { action: new URL(form[1]!.replace(/&amp;/g, '&'), pageUrl).toString(), body: fields.toString() }
}

/** What a browser does with a confirmation link: GET the page, then submit its form. Throws when the page has none. */
export async function submitConfirmation(url: string, fetchHeaders: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(url, { headers: fetchHeaders })
  const text = await res.text()
  const form = confirmForm(text, url)
  if (!form) throw new Error(`no confirmation form (${res.status}): ${text.slice(0, 300)}`)
  return fetch(form.action, { method: 'POST', redirect: 'manual', headers: { ...fetchHeaders, 'content-type': 'application/x-www-form-urlencoded' }, body: form.body })
}

/** Runs the sign-up queue (`newsletter`) until it is empty, as the kick after a sign-up does where jobs run. */
export async function runSignupJobs(payload: Payload): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const result = await payload.jobs.run({ queue: 'newsletter', limit: 50, sequential: true })
    if (result.noJobsRemaining) return
  }
  throw new Error('the sign-up queue did not empty in 100 runs')
}
