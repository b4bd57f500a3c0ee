import { callNewsletterEndpoint, type EndpointAnswer } from './newsletterEndpoint.js'
import type { SiteProps } from './siteContext.js'

/** What the unsubscribe page shows: the button (`ask`), unsubscribed (`done`), a link that does not work, or an error. */
export type UnsubscribeState = { step: 'ask' | 'done' | 'invalid' | 'error'; email: string; attempt: number }

const stateOf = (answer: EndpointAnswer, attempt: number): UnsubscribeState => {
  const email = typeof answer.data.email === 'string' ? answer.data.email : ''
  if (answer.status === 404) return { step: 'invalid', email: '', attempt }
  if (answer.status !== 200) return { step: 'error', email, attempt }
  return { step: answer.data.state === 'unsubscribed' ? 'done' : 'ask', email, attempt }
}

/** Whose link it is and whether they still subscribe (`GET /api/newsroom/unsubscribe`, which changes nothing). */
export async function loadUnsubscribeLink(config: SiteProps['config'], token: string) {
  const answer = await callNewsletterEndpoint(config, '/newsroom/unsubscribe', { method: 'GET', token })
  return { state: stateOf(answer, 0), locale: answer.data.locale }
}

/**
 * Unsubscribes through `POST /api/newsroom/unsubscribe` in-process (the same endpoint as RFC 8058's
 * one-click). For a `'use server'` action: `(prev, form) => submitUnsubscribe(config, prev, form)`.
 */
export async function submitUnsubscribe(config: SiteProps['config'], prev: UnsubscribeState, form: FormData): Promise<UnsubscribeState> {
  const token = String(form.get('token') ?? '')
  const answer = await callNewsletterEndpoint(config, '/newsroom/unsubscribe', { method: 'POST', token, form: new URLSearchParams({ token }) })
  const next = stateOf(answer, prev.attempt + 1)
  return { ...next, email: next.email || (next.step === 'invalid' ? '' : prev.email) }
}
