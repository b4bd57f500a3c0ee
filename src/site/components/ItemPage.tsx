import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers.js'
import { notFound } from 'next/navigation.js'

import { pluginOptions } from '../../pluginOptions.js'
import type { ItemType } from '../../listing/types.js'
import { bodyToHtml } from '../../listing/bodyHtml.js'
import { listingImage } from '../../listing/image.js'
import { eventWhen, fileSize, isoDay, longDate } from '../format.js'
import { type ItemDoc, loadItem } from '../itemData.js'
import { pageMetadata } from '../metadata.js'
import { itemPath, PAGE_PATHS, topicPath } from '../paths.js'
import { loadSettings, payloadOf, type SiteProps } from '../siteContext.js'
import { type SiteLocale, type SiteStrings, stringsFor } from '../../texts/site.js'
import { LivePreviewRefresh } from '../client/LivePreviewRefresh.js'
import { GoneView } from './StatusViews.js'
import { JsonLd } from './JsonLd.js'

type Props = SiteProps & { type: ItemType; params: Promise<{ slug: string }> | { slug: string } }

const previewHeaders = async () => ((await draftMode()).isEnabled ? await headers() : null)

const itemDate = (type: ItemType, doc: ItemDoc) => (type === 'events' ? doc.start : (doc.publishedAt ?? doc.createdAt))

function RelatedLinks({ doc, t, locale, patterns, itemSlugs }: { doc: ItemDoc; t: SiteStrings; locale: SiteLocale; patterns: Record<ItemType, string>; itemSlugs: Record<string, ItemType> }) {
  const links = ((doc.related ?? []) as ItemDoc[])
    .map((r) => {
      if (r.linkType === 'external') return typeof r.url === 'string' && r.url ? { href: r.url, label: r.label || r.url, external: true } : null
      const rel = r.doc
      const target = rel && typeof rel.value === 'object' ? rel.value : null
      const type = rel ? itemSlugs[rel.relationTo] : undefined
      if (!target?.slug || !type || target._status === 'draft') return null
      return { href: itemPath(patterns, type, target.slug, locale), label: r.label || target.title, external: false }
    })
    .filter(Boolean) as { href: string; label: string; external: boolean }[]
  if (!links.length) return null
  return (
    <aside className="nr-related" aria-labelledby="nr-related-heading">
      <h2 id="nr-related-heading">{t.related}</h2>
      <ul>
        {links.map((l) => (
          <li key={l.href + l.label}>
            <a href={l.href} className={l.external ? 'nr-external' : undefined}>
              {l.label}
              {l.external ? <span className="nr-visually-hidden"> ({t.external})</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </aside>
  )
}

function EventFacts({ doc, t, locale, icsHref }: { doc: ItemDoc; t: SiteStrings; locale: SiteLocale; icsHref: string }) {
  const where = [doc.location?.name, doc.location?.address].filter(Boolean).join(', ')
  return (
    <div className="nr-event">
      <dl className="nr-facts">
        <dt>{t.when}</dt>
        <dd>
          <time dateTime={new Date(doc.start).toISOString()}>{eventWhen(doc.start, doc.end, Boolean(doc.allDay), locale, t.allDay)}</time>
        </dd>
        {where ? (
          <>
            <dt>{t.where}</dt>
            <dd>{where}</dd>
          </>
        ) : null}
        {doc.onlineUrl ? (
          <>
            <dt>{t.online}</dt>
            <dd>
              <a href={doc.onlineUrl} className="nr-external">
                {doc.onlineUrl}
                <span className="nr-visually-hidden"> ({t.external})</span>
              </a>
            </dd>
          </>
        ) : null}
        {doc.registration?.url || doc.registration?.deadline ? (
          <>
            <dt>{t.registration}</dt>
            <dd>
              {doc.registration?.url ? (
                <a href={doc.registration.url} className="nr-external">
                  {t.register}
                  <span className="nr-visually-hidden"> ({t.external})</span>
                </a>
              ) : null}
              {doc.registration?.deadline ? <span className="nr-deadline"> {t.deadline(longDate(doc.registration.deadline, locale))}</span> : null}
            </dd>
          </>
        ) : null}
        {doc.organizer ? (
          <>
            <dt>{t.organizer}</dt>
            <dd>{doc.organizer}</dd>
          </>
        ) : null}
      </dl>
      {doc.cancelled ? null : (
        <p>
          <a className="nr-button" href={icsHref} type="text/calendar">
            {t.addToCalendar}
          </a>
        </p>
      )}
    </div>
  )
}

function PressFacts({ doc, t, locale }: { doc: ItemDoc; t: SiteStrings; locale: SiteLocale }) {
  const contacts = (doc.contacts ?? []) as ItemDoc[]
  const files = ((doc.attachments ?? []) as ItemDoc[]).filter((f) => f && typeof f === 'object' && f.url)
  return (
    <>
      {contacts.length ? (
        <section className="nr-contacts" aria-labelledby="nr-contacts-heading">
          <h2 id="nr-contacts-heading">{t.contacts}</h2>
          <ul>
            {contacts.map((c, i) => (
              <li key={c.id ?? i}>
                <strong>{c.name}</strong>
                {c.role ? `, ${c.role}` : ''}
                {c.email ? (
                  <>
                    <br />
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </>
                ) : null}
                {c.phone ? (
                  <>
                    <br />
                    <a href={`tel:${String(c.phone).replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {files.length ? (
        <section className="nr-attachments" aria-labelledby="nr-attachments-heading">
          <h2 id="nr-attachments-heading">{t.attachments}</h2>
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                <a href={f.url} type={f.mimeType ?? undefined}>
                  {f.alt || f.filename}
                </a>{' '}
                <span className="nr-filetype">
                  ({(f.mimeType === 'application/pdf' ? 'PDF' : String(f.filename ?? '').split('.').pop()?.toUpperCase()) || f.mimeType}, {fileSize(f.filesize ?? 0, locale)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

/** schema.org NewsArticle or Event of an item. */
function itemSchema(type: ItemType, doc: ItemDoc, url: string, base: string, org: string, locale: SiteLocale): Record<string, unknown> {
  const image = doc.heroImage?.url ? [new URL(doc.heroImage.url, base).toString()] : undefined
  const organization = { '@type': 'Organization', name: org, url: new URL('/', base).toString() }
  if (type === 'events') {
    const online = Boolean(doc.onlineUrl)
    const place = doc.location?.name || doc.location?.address ? { '@type': 'Place', name: doc.location?.name || doc.location?.address, address: doc.location?.address || doc.location?.name } : null
    const virtual = online ? { '@type': 'VirtualLocation', url: doc.onlineUrl } : null
    const location = place && virtual ? [place, virtual] : (place ?? virtual ?? { '@type': 'Place', name: org, address: org })
    return {
      '@type': 'Event',
      name: doc.title,
      description: doc.summary ?? undefined,
      startDate: new Date(doc.start).toISOString(),
      endDate: doc.end ? new Date(doc.end).toISOString() : undefined,
      eventStatus: doc.cancelled ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
      eventAttendanceMode: place && virtual ? 'https://schema.org/MixedEventAttendanceMode' : virtual ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
      location,
      image,
      organizer: doc.organizer ? { '@type': 'Organization', name: doc.organizer } : organization,
      url,
      inLanguage: locale,
    }
  }
  return {
    '@type': 'NewsArticle',
    headline: doc.title,
    description: doc.summary ?? undefined,
    datePublished: new Date(doc.publishedAt ?? doc.createdAt).toISOString(),
    dateModified: new Date(doc.lastModified ?? doc.updatedAt).toISOString(),
    image,
    author: organization,
    publisher: organization,
    mainEntityOfPage: url,
    url,
    inLanguage: locale,
  }
}

/** An item's public page (news, event or press), as in the seeds. Unknown → 404; published once but not now → 410 page. */
export async function ItemPage(props: Props) {
  const { locale, type } = props
  const { slug } = await props.params
  const t = stringsFor(locale)
  const state = await loadItem(props.config, locale, type, slug, await previewHeaders())
  if (state.state === 'missing') notFound()
  if (state.state === 'gone') return <GoneView locale={locale} />
  const { doc } = state
  const payload = await payloadOf(props.config)
  const o = pluginOptions(payload)
  const settings = await loadSettings(props.config, locale)
  const itemSlugs = Object.fromEntries((['news', 'events', 'press'] as ItemType[]).map((k) => [o.collections[k].slug, k]))
  const path = itemPath(o.urlPatterns, type, doc.slug, locale)
  const url = new URL(path, o.serverURL).toString()
  const date = itemDate(type, doc)
  const ended = type === 'events' && new Date(doc.end ?? doc.start).getTime() < Date.now()
  const image = doc.heroImage && typeof doc.heroImage === 'object' && doc.heroImage.url ? listingImage(doc.heroImage, o.serverURL) : null
  // Internal links lead to the linked item's page (or nowhere when it is not published), as in the feeds.
  const body = doc.body ? bodyToHtml(o, doc.body) : ''
  const topics = ((doc.topics ?? []) as ItemDoc[]).filter((x) => x && typeof x === 'object')
  const modified = doc.lastModified ?? doc.updatedAt
  return (
    <>
      <JsonLd
        config={props.config}
        locale={locale}
        crumbs={[
          { name: t.aktuellt, path: PAGE_PATHS[locale].aktuellt },
          { name: doc.title, path },
        ]}
        main={itemSchema(type, doc, url, o.serverURL, settings.organisationName, locale)}
      />
      <nav aria-label={t.breadcrumbs} className="nr-breadcrumbs">
        <ol>
          <li>
            <a href={PAGE_PATHS[locale].home}>{t.home}</a>
          </li>
          <li>
            <a href={PAGE_PATHS[locale].aktuellt}>{t.aktuellt}</a>
          </li>
          <li>
            <a href={path} aria-current="page">
              {doc.title}
            </a>
          </li>
        </ol>
      </nav>
      <article className={`nr-item nr-item--${type}`}>
        {state.state === 'draft' ? (
          <>
            <p className="nr-notice nr-notice--draft">{t.draft}</p>
            <LivePreviewRefresh adminOrigin={new URL(payload.config.serverURL || o.serverURL).origin} />
          </>
        ) : null}
        <p className="nr-meta">
          <time dateTime={new Date(date).toISOString()}>{isoDay(date)}</time> | {t.types[type]}
        </p>
        <h1>{doc.title}</h1>
        {type === 'events' && doc.cancelled ? (
          <p className="nr-notice nr-notice--cancelled">
            <strong>{t.cancelled}.</strong> {t.cancelledNotice}
          </p>
        ) : null}
        {ended && !doc.cancelled ? <p className="nr-notice">{t.pastNotice}</p> : null}
        {doc.archived ? <p className="nr-notice nr-notice--archived">{t.archivedNotice}</p> : null}
        {topics.length ? (
          <ul className="nr-tags" aria-label={t.topics}>
            {topics.map((tp) => (
              <li key={tp.id}>
                <a href={topicPath(tp.slug, locale)}>{tp.title}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {image ? (
          <img className="nr-hero" src={image.url} srcSet={image.srcset || undefined} sizes="(min-width: 48rem) 48rem, 100vw" alt={image.alt ?? ''} width={image.width ?? undefined} height={image.height ?? undefined} />
        ) : null}
        {doc.summary ? <p className="nr-ingress">{doc.summary}</p> : null}
        {type === 'events' ? <EventFacts doc={doc} t={t} locale={locale} icsHref={`/api/newsroom/events/${encodeURIComponent(doc.slug)}.ics${locale === 'sv' ? '' : `?locale=${locale}`}`} /> : null}
        {body ? <div className="nr-prose" dangerouslySetInnerHTML={{ __html: body }} /> : null}
        {type === 'press' ? <PressFacts doc={doc} t={t} locale={locale} /> : null}
        <RelatedLinks doc={doc} t={t} locale={locale} patterns={o.urlPatterns} itemSlugs={itemSlugs} />
        <p className="nr-modified">{t.lastModified(longDate(modified, locale))}</p>
      </article>
    </>
  )
}

export async function itemMetadata(props: Props): Promise<Metadata> {
  const { locale, type } = props
  const { slug } = await props.params
  const t = stringsFor(locale)
  const state = await loadItem(props.config, locale, type, slug, await previewHeaders())
  if (state.state === 'missing') return { title: t.notFoundTitle }
  if (state.state === 'gone') return { title: t.goneTitle, robots: { index: false } }
  const payload = await payloadOf(props.config)
  const o = pluginOptions(payload)
  const doc = state.doc
  const image = doc.heroImage && typeof doc.heroImage === 'object' && doc.heroImage.url ? doc.heroImage : null
  return pageMetadata(props, {
    title: doc.title,
    description: doc.summary,
    paths: { sv: itemPath(o.urlPatterns, type, doc.slug, 'sv'), en: itemPath(o.urlPatterns, type, doc.slug, 'en') },
    feed: { locale, type, title: t.typesPlural[type] },
    image: image ? { url: new URL(image.url, o.serverURL).toString(), alt: image.alt ?? null, width: image.width ?? null, height: image.height ?? null } : null,
    ogType: 'article',
    noindex: state.state === 'draft',
  })
}
