import { headers } from 'next/headers.js'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { pluginOptions } from '../pluginOptions.js'
import { payloadOf } from './siteContext.js'
import type { SiteLocale } from '../texts/site.js'

export type SignupErrorCode = 'email' | 'consent' | 'topics' | 'rate' | 'other'

/** What the sign-up form shows after a try: nothing yet, done, or errors by field (codes, the form words them). */
export type SignupState = {
  status: 'idle' | 'ok' | 'error'
  errors: Partial<Record<'email' | 'consent' | 'topics' | 'form', SignupErrorCode>>
  values: { email: string; topics: string[]; frequency: string; locale: string; consent: boolean }
  /** Bumped on every answer, so the form knows a new one came. */
  attempt: number
}

export const initialSignupState = (locale: SiteLocale, topics: string[] = []): SignupState => ({
  status: 'idle',
  errors: {},
  values: { email: '', topics, frequency: 'weekly', locale, consent: false },
  attempt: 0,
})

/** Headers of the visitor's request worth passing on: their address (rate limits), language and agent. */
const PASS_ON = ['x-forwarded-for', 'x-real-ip', 'user-agent', 'accept-language', 'referer']

/**
 * Posts the sign-up form to the plugin's own `POST /api/newsroom/subscribe`, in-process
 * (`handleEndpoints`), with the visitor's address, and turns its answer into form state. Call it
 * from a `'use server'` action of your app: `(prev, form) => submitSignup(config, prev, form)`.
 */
export async function submitSignup(config: SanitizedConfig | Promise<SanitizedConfig>, prev: SignupState, form: FormData): Promise<SignupState> {
  const payload = await payloadOf(config)
  const o = pluginOptions(payload)
  const values: SignupState['values'] = {
    email: String(form.get('email') ?? '').trim(),
    topics: form.getAll('topics').map(String).filter(Boolean),
    frequency: String(form.get('frequency') ?? 'weekly'),
    locale: String(form.get('locale') ?? prev.values.locale),
    consent: form.get('consent') === 'true',
  }
  // Both mistakes at once, before asking the endpoint (which names only the first it finds).
  const local: SignupState['errors'] = {}
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) local.email = 'email'
  if (!values.consent) local.consent = 'consent'
  if (Object.keys(local).length) return { status: 'error', errors: local, values, attempt: prev.attempt + 1 }
  const body = new URLSearchParams()
  body.set('email', values.email)
  for (const t of values.topics) body.append('topics', t)
  body.set('frequency', values.frequency)
  body.set('locale', values.locale)
  if (values.consent) body.set('consent', 'true')
  body.set('website', String(form.get('website') ?? ''))
  const page = String(form.get('sourcePage') ?? '')
  if (page) body.set('sourcePage', page.slice(0, 500))

  const incoming = await headers()
  const h = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  for (const name of PASS_ON) {
    const v = incoming.get(name)
    if (v) h.set(name, v)
  }
  const request = new Request(new URL(`${payload.config.routes.api}/newsroom/subscribe`, o.serverURL), { method: 'POST', headers: h, body: body.toString() })
  const res = await handleEndpoints({ config: await config, request })
  const attempt = prev.attempt + 1
  if (res.status === 202) return { status: 'ok', errors: {}, values: { ...values, email: '' }, attempt }
  const answer = (await res.json().catch(() => ({}))) as { parameter?: string }
  const errors: SignupState['errors'] = {}
  if (res.status === 429) errors.form = 'rate'
  else if (answer.parameter === 'email') errors.email = 'email'
  else if (answer.parameter === 'consent') errors.consent = 'consent'
  else if (answer.parameter === 'topics') errors.topics = 'topics'
  else errors.form = 'other'
  return { status: 'error', errors, values, attempt }
}
