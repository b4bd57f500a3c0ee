import type { CSSProperties, ReactNode } from 'react'

import { loadSettings, type SiteProps } from '../siteContext.js'
import { PAGE_PATHS, otherLocale } from '../paths.js'
import { stringsFor } from '../../texts/site.js'
import { feedUrl } from '../feedLinks.js'

/**
 * The whole document of a public page: `<html lang>`, skip link, header, `<main id="innehall">`, footer.
 * Use it as the root layout of the Swedish and of the English pages.
 */
export async function SiteShell({ config, locale, children }: SiteProps & { children: ReactNode }) {
  const settings = await loadSettings(config, locale)
  const t = stringsFor(locale)
  const p = PAGE_PATHS[locale]
  const other = otherLocale(locale)
  const c = settings.colors
  const style = {
    '--nr-color-primary': c.primary,
    '--nr-color-link': c.link,
    '--nr-color-text': c.text,
    '--nr-color-background': c.background,
    '--nr-color-focus': c.focus,
  } as CSSProperties
  return (
    <html lang={locale} style={style}>
      <body className="nr-body">
        <a className="nr-skip" href="#innehall">
          {t.skip}
        </a>
        <header className="nr-header">
          <div className="nr-header__inner">
            <a className="nr-brand" href={p.home}>
              {settings.logo ? (
                <img src={settings.logo.url} alt={settings.logo.alt || settings.organisationName} width={settings.logo.width ?? undefined} height={settings.logo.height ?? undefined} className="nr-brand__logo" />
              ) : (
                settings.organisationName
              )}
            </a>
            <nav aria-label={t.mainNav} className="nr-nav">
              <ul>
                <li>
                  <a href={p.aktuellt}>{t.aktuellt}</a>
                </li>
                <li>
                  <a href={p.newsletter}>{t.newsletter}</a>
                </li>
                <li>
                  <a href={PAGE_PATHS[other].home} lang={other} hrefLang={other}>
                    {t.otherLanguage}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="innehall" className="nr-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="nr-footer" aria-label={t.footer}>
          <div className="nr-footer__inner">
            <p className="nr-footer__org">{settings.organisationName}</p>
            <nav aria-label={t.feeds}>
              <h2 className="nr-footer__heading">{t.feeds}</h2>
              <ul>
                <li>
                  <a href={feedUrl('rss', { locale })}>{t.feedOf(t.aktuellt)}</a>
                </li>
                {(['news', 'events', 'press'] as const).map((type) => (
                  <li key={type}>
                    <a href={feedUrl('rss', { locale, type })}>{t.feedOf(t.typesPlural[type])}</a>
                  </li>
                ))}
                <li>
                  <a href={feedUrl('ics', { locale })}>{t.calendarFeed}</a>
                </li>
              </ul>
            </nav>
            <ul className="nr-footer__links">
              <li>
                <a href={p.newsletter}>{t.newsletter}</a>
              </li>
              <li>
                <a href={p.accessibility}>{t.accessibility}</a>
              </li>
              {settings.footerLinks.map((l) => (
                <li key={l.url + l.label}>
                  <a href={l.url}>{l.label}</a>
                </li>
              ))}
            </ul>
          </div>
        </footer>
      </body>
    </html>
  )
}
