'use client'

import { useActionState, useEffect, useRef } from 'react'

import type { UnsubscribeState } from '../unsubscribeLink.js'
import { PAGE_PATHS } from '../paths.js'
import { SIGNUP } from '../../texts/pages.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'
import { NewsletterMessage } from './NewsletterMessage.js'

type Props = {
  locale: SiteLocale
  organisation: string
  token: string
  /** A `'use server'` action calling `submitUnsubscribe(config, prev, form)`. */
  action: (prev: UnsubscribeState, form: FormData) => Promise<UnsubscribeState>
  initial: UnsubscribeState
  permalink: string
}

/** The unsubscribe page's content: the question and a button (loading the page changes nothing), then the result. */
export function UnsubscribeForm({ locale, organisation, token, action, initial, permalink }: Props) {
  const t = stringsFor(locale)
  const [state, formAction, pending] = useActionState(action, initial, permalink)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (state.attempt) heading.current?.focus()
  }, [state])
  const which = state.step === 'done' ? 'unsubscribed' : state.step === 'invalid' ? 'invalid' : 'unsubscribeAsk'
  return (
    <NewsletterMessage locale={locale} which={which} organisation={organisation} email={state.step === 'invalid' ? undefined : state.email} headingRef={heading}>
      {state.step === 'error' ? (
        <p className="nr-notice nr-notice--error" role="alert">
          {t.linkError}
        </p>
      ) : null}
      {state.step === 'ask' || state.step === 'error' ? (
        <>
          <form action={formAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="nr-button" disabled={pending}>
              {pending ? t.sending : t.unsubscribeLink}
            </button>
          </form>
          <p>
            <a href={`${PAGE_PATHS[locale].preferences}?token=${encodeURIComponent(token)}`}>{t.toPreferences}</a>
          </p>
        </>
      ) : null}
      {state.step === 'done' ? (
        <p>
          <a href={PAGE_PATHS[locale].newsletter}>{SIGNUP[locale]}</a>
        </p>
      ) : null}
    </NewsletterMessage>
  )
}
