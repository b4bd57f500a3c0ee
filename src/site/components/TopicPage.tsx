import type { Metadata } from 'next'
import { notFound } from 'next/navigation.js'

import { FEED_MIME, feedUrl } from '../feedLinks.js'
import { findTopic, loadTopicTree, type PageSearchParams } from '../listingData.js'
import { pageMetadata } from '../metadata.js'
import { PAGE_PATHS, topicPath } from '../paths.js'
import type { SiteProps } from '../siteContext.js'
import { stringsFor } from '../../texts/site.js'
import { JsonLd } from './JsonLd.js'
import { ListingBlock } from './ListingBlock.js'

type Props = SiteProps & { params: Promise<{ slug: string }> | { slug: string }; searchParams: Promise<PageSearchParams> | PageSearchParams }

async function topicOf(props: Props) {
  const { slug } = await props.params
  return findTopic(await loadTopicTree(props), decodeURIComponent(slug))
}

/** A topic's page (/amne/{slug}): its description, its listing (subtopics included) and its feeds. */
export async function TopicPage(props: Props) {
  const topic = await topicOf(props)
  if (!topic) notFound()
  const t = stringsFor(props.locale)
  const path = topicPath(topic.slug, props.locale)
  const feed = { locale: props.locale, category: [topic.slug] }
  return (
    <>
      <JsonLd config={props.config} locale={props.locale} crumbs={[{ name: t.aktuellt, path: PAGE_PATHS[props.locale].aktuellt }, { name: topic.title, path }]} />
      <div className="nr-topic">
        <h1>{topic.title}</h1>
        {topic.description ? <p className="nr-ingress">{topic.description}</p> : null}
        <section aria-labelledby="nr-topic-feeds" className="nr-topic__feeds">
          <h2 id="nr-topic-feeds">{t.topicFeeds}</h2>
          <ul>
            <li>
              <a href={feedUrl('rss', feed)} type={FEED_MIME.rss}>RSS</a>
            </li>
            <li>
              <a href={feedUrl('atom', feed)} type={FEED_MIME.atom}>Atom</a>
            </li>
            <li>
              <a href={feedUrl('json', feed)} type={FEED_MIME.json}>JSON Feed</a>
            </li>
            <li>
              <a href={feedUrl('ics', feed)} type={FEED_MIME.ics}>{t.calendarFeed}</a>
            </li>
            <li>
              <a href={`${PAGE_PATHS[props.locale].newsletter}?topic=${encodeURIComponent(topic.slug)}`}>{t.newsletter}</a>
            </li>
          </ul>
        </section>
      </div>
      <ListingBlock {...props} basePath={path} topic={topic.slug} heading={t.topicListing(topic.title)} headingLevel={2} />
    </>
  )
}

export async function topicMetadata(props: Props): Promise<Metadata> {
  const topic = await topicOf(props)
  const t = stringsFor(props.locale)
  if (!topic) return { title: t.notFoundTitle }
  return pageMetadata(props, {
    title: topic.title,
    description: topic.description,
    paths: { sv: topicPath(topic.slug, 'sv'), en: topicPath(topic.slug, 'en') },
    feed: { locale: props.locale, category: [topic.slug], title: topic.title },
  })
}
