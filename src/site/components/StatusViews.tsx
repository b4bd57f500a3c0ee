import { PAGE_PATHS } from '../paths.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'

/** "No longer published": the body of the 410 answer for an item that was published once. */
export function GoneView({ locale }: { locale: SiteLocale }) {
  const t = stringsFor(locale)
  return (
    <div className="nr-status-page">
      <h1>{t.goneTitle}</h1>
      <p>{t.goneText}</p>
      <p>
        <a href={PAGE_PATHS[locale].aktuellt}>{t.toAktuellt}</a>
      </p>
    </div>
  )
}

/** The 404 page's content (use it in not-found.tsx). */
export function NotFoundView({ locale }: { locale: SiteLocale }) {
  const t = stringsFor(locale)
  return (
    <div className="nr-status-page">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <a href={PAGE_PATHS[locale].aktuellt}>{t.toAktuellt}</a>
      </p>
    </div>
  )
}
