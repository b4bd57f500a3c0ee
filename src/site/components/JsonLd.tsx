import { pluginOptions } from '../../pluginOptions.js'
import { loadSettings, payloadOf, type SiteProps } from '../siteContext.js'
import { PAGE_PATHS } from '../paths.js'
import { stringsFor } from '../../texts/site.js'

type Props = SiteProps & {
  /** Breadcrumbs after the home page. */
  crumbs: { name: string; path: string }[]
  /** The page's main thing (NewsArticle, Event), without @context. */
  main?: Record<string, unknown>
}

/** Escapes what would end the script element or confuse an HTML parser. */
const safeJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')

/** schema.org JSON-LD: a BreadcrumbList, and the page's NewsArticle or Event. */
export async function JsonLd({ config, locale, crumbs, main }: Props) {
  const payload = await payloadOf(config)
  const base = pluginOptions(payload).serverURL
  const settings = await loadSettings(config, locale)
  const t = stringsFor(locale)
  const all = [{ name: settings.organisationName || t.home, path: PAGE_PATHS[locale].home }, ...crumbs]
  const graph: Record<string, unknown>[] = [
    {
      '@type': 'BreadcrumbList',
      itemListElement: all.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: new URL(c.path, base).toString() })),
    },
  ]
  if (main) graph.push(main)
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson({ '@context': 'https://schema.org', '@graph': graph }) }} />
}
