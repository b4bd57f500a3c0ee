import { redirect } from 'next/navigation.js'

import { PreferencesForm } from '../client/PreferencesForm.js'
import type { SignupTopic } from '../client/SignupForm.js'
import { loadTopicTree, type PageSearchParams, type TopicNode } from '../listingData.js'
import { tokenParam, withToken } from '../newsletterEndpoint.js'
import { PAGE_PATHS } from '../paths.js'
import { loadPreferences, type PreferencesState } from '../preferencesForm.js'
import { loadSettings, type SiteProps } from '../siteContext.js'
import { newsletterLinkMetadata } from './newsletterLinkMetadata.js'

type Props = SiteProps & {
  /** The app's `'use server'` action: `(prev, form) => submitPreferences(config, prev, form)`. */
  action: (prev: PreferencesState, form: FormData) => Promise<PreferencesState>
  searchParams?: Promise<PageSearchParams> | PageSearchParams
}

const toTopics = (nodes: TopicNode[]): SignupTopic[] => nodes.map((n) => ({ slug: n.slug, title: n.title, children: toTopics(n.children) }))

/** The settings page of the mails' links (/nyhetsbrev/installningar, /en/newsletter/preferences), in the subscriber's language. */
export async function NewsletterPreferencesPage(props: Props) {
  const sp = await props.searchParams
  const token = tokenParam(sp)
  const settings = await loadSettings(props.config, props.locale)
  const state: PreferencesState = token
    ? await loadPreferences(props.config, token, sp?.saved === '1')
    : { step: 'invalid', notice: 'none', email: '', pending: false, values: { topics: [], frequency: 'weekly', locale: props.locale }, attempt: 0 }
  const l = state.values.locale
  if (state.step !== 'invalid' && (l === 'sv' || l === 'en') && l !== props.locale) redirect(withToken(PAGE_PATHS[l].preferences, token))
  const topics = state.step === 'edit' ? toTopics(await loadTopicTree(props)) : []
  const permalink = withToken(PAGE_PATHS[props.locale].preferences, token)
  return <PreferencesForm locale={props.locale} organisation={settings.organisationName} token={token} topics={topics} action={props.action} initial={{ ...state, attempt: 0 }} permalink={permalink} />
}

export const newsletterPreferencesMetadata = (props: SiteProps) => newsletterLinkMetadata({ ...props, page: 'preferences' })
