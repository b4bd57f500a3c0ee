import type { ReactNode, Ref } from 'react'

import { PAGES, SIGNUP } from '../../texts/pages.js'
import { PAGE_PATHS } from '../paths.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'

/**
 * A heading and text of the newsletter's pages (src/texts/pages.ts), naming the organisation and,
 * when known, the subscriber's address; `invalid` and `notSubscribed` link to the sign-up page.
 */
export function NewsletterMessage({ locale, which, organisation, email, headingRef, children }: {
  locale: SiteLocale
  which: keyof typeof PAGES
  organisation: string
  email?: string
  headingRef?: Ref<HTMLHeadingElement>
  children?: ReactNode
}) {
  const t = stringsFor(locale)
  const p = PAGES[which]
  const signup = which === 'invalid' || which === 'notSubscribed'
  return (
    <div className="nr-status-page nr-newsletter-link">
      <h1 ref={headingRef} tabIndex={-1}>
        {p.title[locale]}
      </h1>
      <p>{p.text[locale]}</p>
      {email ? <p className="nr-subscription-of">{t.subscriptionOf(organisation, email)}</p> : null}
      {children}
      {signup ? (
        <p>
          <a href={PAGE_PATHS[locale].newsletter}>{SIGNUP[locale]}</a>
        </p>
      ) : null}
    </div>
  )
}
