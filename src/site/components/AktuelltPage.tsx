import type { Metadata } from 'next'

import { pageMetadata } from '../metadata.js'
import { type PageSearchParams, toSearchParams } from '../listingData.js'
import { PAGE_PATHS } from '../paths.js'
import type { SiteProps } from '../siteContext.js'
import { stringsFor } from '../../texts/site.js'
import { JsonLd } from './JsonLd.js'
import { ListingBlock } from './ListingBlock.js'

type Props = SiteProps & { searchParams: Promise<PageSearchParams> | PageSearchParams }

/** The "Aktuellt" page (/aktuellt, /, /en/news). */
export async function AktuelltPage(props: Props) {
  const t = stringsFor(props.locale)
  return (
    <>
      <JsonLd config={props.config} locale={props.locale} crumbs={[{ name: t.aktuellt, path: PAGE_PATHS[props.locale].aktuellt }]} />
      <ListingBlock {...props} basePath={PAGE_PATHS[props.locale].aktuellt} heading={t.aktuellt} headingLevel={1} />
    </>
  )
}

export async function aktuelltMetadata(props: Props): Promise<Metadata> {
  const t = stringsFor(props.locale)
  const sp = toSearchParams(await props.searchParams)
  const type = sp.get('type')
  const types = type && ['news', 'events', 'press'].includes(type) ? (type as 'news') : undefined
  const category = sp.getAll('category').flatMap((c) => c.split(',')).filter(Boolean)
  const q = sp.get('q') ?? undefined
  const filtered = Boolean(types || category.length || q || sp.get('from') || sp.get('to') || sp.get('cursor'))
  return pageMetadata(props, {
    title: types ? `${t.aktuellt}: ${t.typesPlural[types]}` : t.aktuellt,
    description: t.aktuelltDescription,
    paths: { sv: PAGE_PATHS.sv.aktuellt, en: PAGE_PATHS.en.aktuellt },
    feed: { locale: props.locale, type: types, category, q, title: types ? t.typesPlural[types] : t.aktuellt },
    // Filtered views are many URLs of one page: only the plain one is indexed.
    noindex: filtered,
  })
}
