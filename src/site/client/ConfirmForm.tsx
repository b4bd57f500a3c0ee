'use client'

import { useActionState, useEffect, useRef } from 'react'

import type { ConfirmState } from '../confirmLink.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'
import { NewsletterMessage } from './NewsletterMessage.js'

type Props = {
  locale: SiteLocale
  organisation: string
  token: string
  /** A `'use server'` action calling `submitConfirm(config, prev, form)`. */
  action: (prev: ConfirmState, form: FormData) => Promise<ConfirmState>
  initial: ConfirmState
  /** This page with its token: where the form posts without JavaScript. */
  permalink: string
}

/**
 * The confirm page's content. Loading the page changes nothing; its form confirms. With
 * JavaScript the form submits itself once, so a person just sees the result (a link scanner runs
 * no script and confirms nothing); without, the person presses the button.
 */
export function ConfirmForm({ locale, organisation, token, action, initial, permalink }: Props) {
  const t = stringsFor(locale)
  const [state, formAction, pending] = useActionState(action, initial, permalink)
  const form = useRef<HTMLFormElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const submitted = useRef(false)

  useEffect(() => {
    if (state.step === 'ask' && !submitted.current) {
      submitted.current = true
      form.current?.requestSubmit()
    }
    if (state.attempt) heading.current?.focus()
  }, [state])

  const manage = state.kind === 'manage'
  const which =
    state.step === 'ask' || state.step === 'error'
      ? manage
        ? 'manageAsk'
        : 'confirmAsk'
      : state.step === 'done'
        ? manage
          ? 'applied'
          : 'confirmed'
        : state.step === 'used'
          ? manage
            ? 'alreadyApplied'
            : 'alreadyConfirmed'
          : 'invalid'
  return (
    <NewsletterMessage locale={locale} which={which} organisation={organisation} email={state.step === 'invalid' ? undefined : state.email} headingRef={heading}>
      {state.step === 'error' ? (
        <p className="nr-notice nr-notice--error" role="alert">
          {t.linkError}
        </p>
      ) : null}
      {state.step === 'ask' || state.step === 'error' ? (
        <form ref={form} action={formAction} id="newsroom-confirm">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="nr-button" disabled={pending}>
            {pending ? t.confirming : manage ? t.useNewSettings : t.confirmPageTitle}
          </button>
        </form>
      ) : null}
    </NewsletterMessage>
  )
}
