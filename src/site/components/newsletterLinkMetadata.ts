import type { Metadata } from 'next'

import { pageMetadata } from '../metadata.js'
import { PAGE_PATHS } from '../paths.js'
import type { SiteProps } from '../siteContext.js'
import { stringsFor } from '../../texts/site.js'

/**
 * Head of the confirm, preferences and unsubscribe pages: their URL holds a token, so no referrer
 * to other sites (see src/site/gone.ts for why not `no-referrer`) and no indexing; the canonical
 * URL is the page without it.
 */
export async function newsletterLinkMetadata(props: SiteProps & { page: 'confirm' | 'preferences' | 'unsubscribe' }): Promise<Metadata> {
  const t = stringsFor(props.locale)
  const title = props.page === 'confirm' ? t.confirmPageTitle : props.page === 'preferences' ? t.preferencesPageTitle : t.unsubscribePageTitle
  const m = await pageMetadata(props, { title, paths: { [props.locale]: PAGE_PATHS[props.locale][props.page] } })
  return { ...m, referrer: 'same-origin', robots: { index: false, follow: false } }
}
