'use client'

import { useEffect, useRef } from 'react'

import { PAGE_PATHS } from '../paths.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'

/** The error page's content (error.tsx is a client component): what happened, try again, a way on. */
export function ErrorView({ locale, reset }: { locale: SiteLocale; reset?: () => void }) {
  const t = stringsFor(locale)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <div className="nr-status-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.errorTitle}
      </h1>
      <p>{t.errorText}</p>
      <p>
        {reset ? (
          <button type="button" className="nr-button" onClick={() => reset()}>
            {t.tryAgain}
          </button>
        ) : null}{' '}
        <a href={PAGE_PATHS[locale].aktuellt}>{t.toAktuellt}</a>
      </p>
    </div>
  )
}
