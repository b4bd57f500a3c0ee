import { redirect } from 'next/navigation.js'

import { callNewsletterEndpoint, type EndpointAnswer } from './newsletterEndpoint.js'
import type { SiteProps } from './siteContext.js'

/**
 * What the confirm page shows: the form that confirms (`ask`), the result (`done`), a link already
 * used (`used`), a link that no longer works (`invalid`), or an error to try again after.
 */
export type ConfirmState = {
  step: 'ask' | 'done' | 'used' | 'invalid' | 'error'
  /** `confirm`: a new subscription; `manage`: new settings of an active one. */
  kind: 'confirm' | 'manage'
  email: string
  /** Bumped on every answer, so the form knows a new one came. */
  attempt: number
}

export const confirmStateOf = (answer: EndpointAnswer, attempt: number): ConfirmState => {
  const d = answer.data
  const kind = d.kind === 'manage' ? 'manage' : 'confirm'
  const email = typeof d.email === 'string' ? d.email : ''
  if (answer.status === 410 || answer.status === 404) return { step: 'invalid', kind, email: '', attempt }
  if (answer.status !== 200) return { step: 'error', kind, email, attempt }
  const step = d.state === 'open' ? 'ask' : d.state === 'used' ? 'used' : 'done'
  return { step, kind, email, attempt }
}

/** What the link is now (`GET /api/newsroom/confirm`, which changes nothing), and its language. */
export async function loadConfirmLink(config: SiteProps['config'], token: string) {
  const answer = await callNewsletterEndpoint(config, '/newsroom/confirm', { method: 'GET', token })
  return { state: confirmStateOf(answer, 0), locale: answer.data.locale }
}

/**
 * Confirms: posts the form's token to `POST /api/newsroom/confirm` in-process. Call it from a
 * `'use server'` action of your app: `(prev, form) => submitConfirm(config, prev, form)`. With
 * `newsletter.confirmRedirect` set, the visitor is sent there afterwards.
 */
export async function submitConfirm(config: SiteProps['config'], prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  const token = String(form.get('token') ?? '')
  const answer = await callNewsletterEndpoint(config, '/newsroom/confirm', { method: 'POST', token, form: new URLSearchParams({ token }) })
  if (answer.status === 200 && typeof answer.data.redirect === 'string') redirect(answer.data.redirect)
  const next = confirmStateOf(answer, prev.attempt + 1)
  return { ...next, kind: next.step === 'invalid' ? prev.kind : next.kind, email: next.email || (next.step === 'invalid' ? '' : prev.email) }
}
