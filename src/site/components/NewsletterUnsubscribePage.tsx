import { redirect } from 'next/navigation.js'

import { UnsubscribeForm } from '../client/UnsubscribeForm.js'
import type { PageSearchParams } from '../listingData.js'
import { tokenParam, withToken } from '../newsletterEndpoint.js'
import { PAGE_PATHS } from '../paths.js'
import { loadSettings, type SiteProps } from '../siteContext.js'
import { loadUnsubscribeLink, type UnsubscribeState } from '../unsubscribeLink.js'
import { newsletterLinkMetadata } from './newsletterLinkMetadata.js'

type Props = SiteProps & {
  /** The app's `'use server'` action: `(prev, form) => submitUnsubscribe(config, prev, form)`. */
  action: (prev: UnsubscribeState, form: FormData) => Promise<UnsubscribeState>
  searchParams?: Promise<PageSearchParams> | PageSearchParams
}

/** The unsubscribe page of the mails' links (/nyhetsbrev/avsluta, /en/newsletter/unsubscribe): a button; opening it changes nothing. */
export async function NewsletterUnsubscribePage(props: Props) {
  const token = tokenParam(await props.searchParams)
  const settings = await loadSettings(props.config, props.locale)
  const link = token ? await loadUnsubscribeLink(props.config, token) : { state: { step: 'invalid', email: '', attempt: 0 } as UnsubscribeState, locale: props.locale }
  const l = link.locale
  if (link.state.step !== 'invalid' && (l === 'sv' || l === 'en') && l !== props.locale) redirect(withToken(PAGE_PATHS[l].unsubscribe, token))
  const permalink = withToken(PAGE_PATHS[props.locale].unsubscribe, token)
  return <UnsubscribeForm locale={props.locale} organisation={settings.organisationName} token={token} action={props.action} initial={link.state} permalink={permalink} />
}

export const newsletterUnsubscribeMetadata = (props: SiteProps) => newsletterLinkMetadata({ ...props, page: 'unsubscribe' })
