import { redirect } from 'next/navigation.js'

import { ConfirmForm } from '../client/ConfirmForm.js'
import { type ConfirmState, loadConfirmLink } from '../confirmLink.js'
import type { PageSearchParams } from '../listingData.js'
import { tokenParam, withToken } from '../newsletterEndpoint.js'
import { PAGE_PATHS } from '../paths.js'
import { loadSettings, type SiteProps } from '../siteContext.js'
import { newsletterLinkMetadata } from './newsletterLinkMetadata.js'

type Props = SiteProps & {
  /** The app's `'use server'` action: `(prev, form) => submitConfirm(config, prev, form)`. */
  action: (prev: ConfirmState, form: FormData) => Promise<ConfirmState>
  searchParams?: Promise<PageSearchParams> | PageSearchParams
}

/**
 * The page of the confirmation mail's link (/nyhetsbrev/bekrafta, /en/newsletter/confirm).
 * Opening it changes nothing; its form (submitted by itself when scripts run) confirms. A link of
 * the other language's subscriber is sent to that language's page.
 */
export async function NewsletterConfirmPage(props: Props) {
  const token = tokenParam(await props.searchParams)
  const settings = await loadSettings(props.config, props.locale)
  const link = token ? await loadConfirmLink(props.config, token) : { state: { step: 'invalid', kind: 'confirm', email: '', attempt: 0 } as ConfirmState, locale: props.locale }
  const l = link.locale
  if (link.state.step !== 'invalid' && (l === 'sv' || l === 'en') && l !== props.locale) redirect(withToken(PAGE_PATHS[l].confirm, token))
  const permalink = withToken(PAGE_PATHS[props.locale].confirm, token)
  return <ConfirmForm locale={props.locale} organisation={settings.organisationName} token={token} action={props.action} initial={link.state} permalink={permalink} />
}

export const newsletterConfirmMetadata = (props: SiteProps) => newsletterLinkMetadata({ ...props, page: 'confirm' })
