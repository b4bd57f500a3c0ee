import type { ListingItem } from '../../listing/types.js'
import { isoDay } from '../format.js'
import { itemPath, topicPath } from '../paths.js'
import type { SiteLocale, SiteStrings } from '../../texts/site.js'

type Props = { item: ListingItem; locale: SiteLocale; t: SiteStrings; patterns: Record<ListingItem['type'], string>; headingLevel?: 2 | 3 }

/** One result of the listing: date | type, title link, summary, topics, image with its alt text. */
export function ListingItemCard({ item, locale, t, patterns, headingLevel = 2 }: Props) {
  const H = headingLevel === 3 ? 'h3' : 'h2'
  const href = itemPath(patterns, item.type, item.slug, locale)
  return (
    <li className="nr-result">
      <article className="nr-card">
        <div className="nr-card__text">
          <p className="nr-meta">
            <time dateTime={item.date}>{isoDay(item.date)}</time> | {t.types[item.type]}
            {item.cancelled ? <strong className="nr-badge"> {t.cancelled}</strong> : null}
          </p>
          <H className="nr-card__title">
            <a href={href}>{item.title}</a>
          </H>
          {item.summary ? <p className="nr-card__summary">{item.summary}</p> : null}
          {item.categories.length ? (
            <ul className="nr-tags" aria-label={t.topics}>
              {item.categories.map((c) => (
                <li key={c.slug}>
                  <a href={topicPath(c.slug, locale)}>{c.title}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {item.image ? (
          <img className="nr-card__image" src={item.image.url} srcSet={item.image.srcset || undefined} sizes="(min-width: 40rem) 12rem, 100vw" alt={item.image.alt ?? ''} width={item.image.width ?? undefined} height={item.image.height ?? undefined} loading="lazy" />
        ) : null}
      </article>
    </li>
  )
}
