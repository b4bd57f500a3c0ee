import { redirect } from 'next/navigation.js'

import { callNewsletterEndpoint, type EndpointAnswer, withToken } from './newsletterEndpoint.js'
import { PAGE_PATHS } from './paths.js'
import type { SiteProps } from './siteContext.js'

/**
 * What the settings page shows: the form (`edit`, with a notice after a save), a link that does
 * not work (`invalid`), or a subscription that is no longer active (`notSubscribed`).
 */
export type PreferencesState = {
  step: 'edit' | 'invalid' | 'notSubscribed'
  notice: 'none' | 'saved' | 'error' | 'rate' | 'topics'
  email: string
  /** Signed up but not confirmed yet: saving changes the settings, not the status. */
  pending: boolean
  values: { topics: string[]; frequency: string; locale: string }
  attempt: number
}

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

const stateOf = (answer: EndpointAnswer, prev: PreferencesState, notice: PreferencesState['notice']): PreferencesState => {
  const d = answer.data
  const attempt = prev.attempt + 1
  if (answer.status === 404) return { ...prev, step: 'invalid', notice: 'none', email: '', attempt }
  if (answer.status === 409) {
    const values = { ...prev.values, locale: typeof d.locale === 'string' ? d.locale : prev.values.locale }
    return { ...prev, step: 'notSubscribed', notice: 'none', email: typeof d.email === 'string' ? d.email : '', values, attempt }
  }
  if (answer.status === 429) return { ...prev, notice: 'rate', attempt }
  if (answer.status === 400 && d.parameter === 'topics') return { ...prev, notice: 'topics', attempt }
  if (answer.status !== 200) return { ...prev, notice: 'error', attempt }
  return {
    step: 'edit',
    notice,
    email: typeof d.email === 'string' ? d.email : prev.email,
    pending: d.status === 'pending',
    values: { topics: strings(d.topics), frequency: String(d.frequency ?? 'weekly'), locale: String(d.locale ?? prev.values.locale) },
    attempt,
  }
}

const EMPTY: PreferencesState = { step: 'edit', notice: 'none', email: '', pending: false, values: { topics: [], frequency: 'weekly', locale: 'sv' }, attempt: -1 }

/** The subscriber's settings (`GET /api/newsroom/preferences` as JSON); `saved` shows the notice of a save just made. */
export async function loadPreferences(config: SiteProps['config'], token: string, saved: boolean): Promise<PreferencesState> {
  const answer = await callNewsletterEndpoint(config, '/newsroom/preferences', { method: 'GET', token })
  return stateOf(answer, EMPTY, saved ? 'saved' : 'none')
}

/**
 * Saves the form through `POST /api/newsroom/preferences` in-process (same checks and rate limit
 * as the API). For a `'use server'` action: `(prev, form) => submitPreferences(config, prev, form)`.
 * A new language moves the visitor to the settings page in that language.
 */
export async function submitPreferences(config: SiteProps['config'], prev: PreferencesState, form: FormData): Promise<PreferencesState> {
  const token = String(form.get('token') ?? '')
  const json = {
    topics: form.getAll('topics').map(String).filter(Boolean),
    frequency: String(form.get('frequency') ?? prev.values.frequency),
    locale: String(form.get('locale') ?? prev.values.locale),
  }
  const answer = await callNewsletterEndpoint(config, '/newsroom/preferences', { method: 'POST', token, json })
  const next = stateOf(answer, prev, 'saved')
  const l = next.values.locale
  if (answer.status === 200 && l !== prev.values.locale && (l === 'sv' || l === 'en')) redirect(withToken(PAGE_PATHS[l].preferences, token, '&saved=1'))
  return next
}
