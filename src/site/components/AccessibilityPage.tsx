import type { Metadata } from 'next'
import type { GlobalSlug } from 'payload'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import { pluginOptions } from '../../pluginOptions.js'
import { longDate } from '../format.js'
import { pageMetadata } from '../metadata.js'
import { PAGE_PATHS } from '../paths.js'
import { payloadOf, type SiteProps } from '../siteContext.js'
import { stringsFor } from '../../texts/site.js'
import { JsonLd } from './JsonLd.js'

async function loadStatement(props: SiteProps) {
  const payload = await payloadOf(props.config)
  const slug = pluginOptions(payload).globals.accessibility.slug as GlobalSlug
  return (await payload.findGlobal({ slug, locale: props.locale as 'all', depth: 1, overrideAccess: false })) as Record<string, any>
}

/** The accessibility statement (/tillganglighet, /en/accessibility), from its global. */
export async function AccessibilityPage(props: SiteProps) {
  const t = stringsFor(props.locale)
  const doc = await loadStatement(props)
  const title = doc?.title || t.accessibility
  const body = doc?.body ? convertLexicalToHTML({ data: doc.body, disableContainer: true }) : ''
  return (
    <>
      <JsonLd config={props.config} locale={props.locale} crumbs={[{ name: title, path: PAGE_PATHS[props.locale].accessibility }]} />
      <article className="nr-item">
        <h1>{title}</h1>
        {body ? <div className="nr-prose" dangerouslySetInnerHTML={{ __html: body }} /> : null}
        {doc?.reviewedAt || doc?.updatedAt ? <p className="nr-modified">{t.lastModified(longDate(doc.reviewedAt ?? doc.updatedAt, props.locale))}</p> : null}
      </article>
    </>
  )
}

export async function accessibilityMetadata(props: SiteProps): Promise<Metadata> {
  const t = stringsFor(props.locale)
  const doc = await loadStatement(props)
  return pageMetadata(props, { title: doc?.title || t.accessibility, paths: { sv: PAGE_PATHS.sv.accessibility, en: PAGE_PATHS.en.accessibility } })
}
