import { PAGE_PATHS } from './paths.js'
import type { SiteSettings } from './siteContext.js'
import { PAGES, SIGNUP } from '../texts/pages.js'
import { type SiteLocale, stringsFor } from '../texts/site.js'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** `gone`: an item no longer published; `missing`: no such page; `invalidLink`: a newsletter link that does not work (any more). */
export type StatusPageKind = 'gone' | 'missing' | 'invalidLink'

/**
 * The 410 and 404 pages as a string, sent by the proxy (src/site/gone.ts): the same header, main
 * and footer as the React shell, with the few styles they need inline.
 */
export function statusPageHtml(settings: SiteSettings, locale: SiteLocale, kind: StatusPageKind): string {
  const t = stringsFor(locale)
  const p = PAGE_PATHS[locale]
  const [title, text, next] =
    kind === 'gone'
      ? [t.goneTitle, t.goneText, [p.aktuellt, t.toAktuellt]]
      : kind === 'missing'
        ? [t.notFoundTitle, t.notFoundText, [p.aktuellt, t.toAktuellt]]
        : [PAGES.invalid.title[locale], PAGES.invalid.text[locale], [p.newsletter, SIGNUP[locale]]]
  const c = settings.colors
  const other = locale === 'sv' ? 'en' : 'sv'
  const links = [
    [p.newsletter, t.newsletter],
    [p.accessibility, t.accessibility],
    ...settings.footerLinks.map((l) => [l.url, l.label]),
  ]
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} – ${esc(settings.organisationName)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.6;color:${c.text};background:${c.background}}
a{color:${c.link}}
:focus-visible{outline:3px solid ${c.focus};outline-offset:2px}
header{background:${c.primary}}header a{color:#fff;font-weight:700;font-size:1.375rem;text-decoration:none}header :focus-visible{outline-color:#fff}
.w{max-width:72rem;margin:0 auto;padding:1rem}
.skip{position:absolute;left:1rem;top:-10rem;background:#fff;padding:.5rem 1rem}.skip:focus{top:.5rem}
main{min-height:60vh}footer{margin-top:2.5rem;background:#f3f5f7;border-top:1px solid #6b7580}footer ul{list-style:none;padding:0}
</style>
</head>
<body>
<a class="skip" href="#innehall">${esc(t.skip)}</a>
<header><div class="w"><a href="${p.home}">${esc(settings.organisationName)}</a> <a href="${PAGE_PATHS[other].home}" lang="${other}" hreflang="${other}" style="font-size:1rem;font-weight:400;margin-left:1rem">${esc(t.otherLanguage)}</a></div></header>
<main id="innehall" class="w" tabindex="-1">
<h1>${esc(title)}</h1>
<p>${esc(text)}</p>
<p><a href="${next[0]}">${esc(next[1])}</a></p>
</main>
<footer aria-label="${esc(t.footer)}"><div class="w"><p><strong>${esc(settings.organisationName)}</strong></p><ul>${links.map(([href, label]) => `<li><a href="${esc(href!)}">${esc(label!)}</a></li>`).join('')}</ul></div></footer>
</body>
</html>
`
}
