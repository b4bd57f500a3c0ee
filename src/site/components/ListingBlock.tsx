import { pluginOptions } from '../../pluginOptions.js'
import type { ItemType } from '../../listing/types.js'
import { ListingEnhancer } from '../client/ListingEnhancer.js'
import { loadListing, loadTopicTree, type PageSearchParams, toSearchParams, type TopicNode } from '../listingData.js'
import { payloadOf, type SiteProps } from '../siteContext.js'
import { stringsFor, type SiteStrings } from '../../texts/site.js'
import { ListingItemCard } from './ListingItemCard.js'

type Props = SiteProps & {
  searchParams: PageSearchParams | Promise<PageSearchParams>
  /** The page the links and the form point at, e.g. /aktuellt or /amne/psykisk-halsa. */
  basePath: string
  /** A topic page's own topic: always filtered by, not shown in the filter. */
  topic?: string
  /** Heading of the block; h1 on the Aktuellt page, h2 on a topic page. */
  heading: string
  headingLevel?: 1 | 2
}

const TYPES: ItemType[] = ['press', 'events', 'news']

const withParams = (base: string, sp: URLSearchParams) => {
  const qs = sp.toString()
  return qs ? `${base}?${qs}` : base
}

function TopicChecks({ nodes, chosen, t, depth = 0 }: { nodes: TopicNode[]; chosen: string[]; t: SiteStrings; depth?: number }) {
  return (
    <ul className={depth ? 'nr-tree nr-tree--nested' : 'nr-tree'}>
      {nodes.map((n) => (
        <li key={n.id}>
          <input type="checkbox" id={`nr-topic-${n.slug}`} name="category" value={n.slug} defaultChecked={chosen.includes(n.slug)} />
          <label htmlFor={`nr-topic-${n.slug}`}>{n.title}</label>
          {n.children.length ? <TopicChecks nodes={n.children} chosen={chosen} t={t} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * The seeds' "Aktuellt" block: type tabs with counts, search, filters in a <details>, the results
 * and "Ladda fler". Plain links and a GET form, so it all works without JavaScript; the small
 * client part (ListingEnhancer) loads in place and announces the changes when scripts run.
 */
export async function ListingBlock(props: Props) {
  const { locale, basePath, topic, heading } = props
  const t = stringsFor(locale)
  const sp = toSearchParams(await props.searchParams)
  const payload = await payloadOf(props.config)
  const patterns = pluginOptions(payload).urlPatterns
  const [view, tree] = await Promise.all([loadListing(props, sp, { category: topic }), loadTopicTree(props)])

  const q = (sp.get('q') ?? '').trim()
  const chosenType = view.ok && view.params.types.length === 1 ? view.params.types[0] : null
  const chosenTopics = sp.getAll('category').flatMap((c) => c.split(',')).filter(Boolean)
  const from = sp.get('from') ?? ''
  const to = sp.get('to') ?? ''
  const filtersOpen = chosenTopics.length > 0 || Boolean(from || to)
  // The filters a link keeps: everything but the page position (and the type, which the tabs set).
  const keep = new URLSearchParams(sp)
  keep.delete('cursor')
  keep.delete('locale')
  keep.delete('limit')
  const tabHref = (type: ItemType | null) => {
    const next = new URLSearchParams(keep)
    next.delete('type')
    if (type) next.set('type', type)
    return withParams(basePath, next)
  }
  const H = props.headingLevel === 2 ? 'h2' : 'h1'
  const facets = view.ok ? view.result.facets : { all: 0, news: 0, events: 0, press: 0 }
  const shown = view.ok ? view.result.items.length : 0
  const total = view.ok ? view.result.total : 0
  const moreHref = view.ok && view.result.nextCursor ? withParams(basePath, new URLSearchParams([...keep, ['cursor', view.result.nextCursor]])) : null
  const topicTree = topic ? [] : tree

  return (
    <section className="nr-listing" aria-labelledby="nr-listing-heading" data-nr-listing="">
      <H id="nr-listing-heading">{heading}</H>
      <nav className="nr-tabs" aria-label={t.typeTabs} data-nr-tabs="">
        <ul>
          {[null, ...TYPES].map((type) => {
            const label = type ? t.types[type] : t.all
            const count = type ? facets[type] : facets.all
            const current = type === chosenType
            return (
              <li key={type ?? 'all'}>
                <a href={tabHref(type)} aria-current={current ? 'page' : undefined} data-nr-nav="" data-nr-type={type ?? 'all'}>
                  {label} <span className="nr-tabs__count">({count})</span>
                </a>
              </li>
            )
          })}
        </ul>
      </nav>

      <form className="nr-filter" method="get" action={basePath} role="search" aria-label={t.searchLabel} data-nr-filter="">
        {chosenType ? <input type="hidden" name="type" value={chosenType} data-nr-type-input="" /> : <input type="hidden" name="type" value="" disabled data-nr-type-input="" />}
        <div className="nr-search">
          <label htmlFor="nr-q">{t.searchLabel}</label>
          <input id="nr-q" type="search" name="q" defaultValue={q} maxLength={200} />
          <button type="submit">{t.search}</button>
        </div>
        <details className="nr-details" open={filtersOpen}>
          <summary>{t.showFilters}</summary>
          <div className="nr-details__body">
            {topicTree.length ? (
              <fieldset>
                <legend>{t.topics}</legend>
                <TopicChecks nodes={topicTree} chosen={chosenTopics} t={t} />
              </fieldset>
            ) : null}
            <fieldset>
              <legend>{t.dateRange}</legend>
              <div className="nr-dates">
                <div>
                  <label htmlFor="nr-from">{t.from}</label>
                  <input id="nr-from" type="date" name="from" defaultValue={from} />
                </div>
                <div>
                  <label htmlFor="nr-to">{t.to}</label>
                  <input id="nr-to" type="date" name="to" defaultValue={to} />
                </div>
              </div>
            </fieldset>
            <div className="nr-filter__actions">
              <button type="submit">{t.apply}</button>
              <a href={chosenType ? withParams(basePath, new URLSearchParams({ type: chosenType })) : basePath} data-nr-nav="">
                {t.clear}
              </a>
            </div>
          </div>
        </details>
      </form>

      <div className="nr-results-region" data-nr-results="">
        {view.ok ? null : (
          <p className="nr-notice nr-notice--error" id="nr-filter-error">
            {t.badFilter}: {view.error.status === 404 ? t.topicMissing : view.error.message}
          </p>
        )}
        <p className="nr-status" data-nr-status="" data-nr-counts={t.counts(facets.all, facets.news, facets.events, facets.press)}>
          {shown === 0 ? (
            <>
              <strong>{t.noResults}</strong> {q ? t.resultsFor(q) : t.noQuery}
            </>
          ) : (
            <>
              {q ? `${t.resultsFor(q)}. ` : ''}
              {t.showing(shown, total)}
            </>
          )}
        </p>
        {shown ? (
          <ol className="nr-results" data-nr-list="">
            {view.ok ? view.result.items.map((item) => <ListingItemCard key={`${item.type}:${item.id}`} item={item} locale={locale} t={t} patterns={patterns} headingLevel={props.headingLevel === 2 ? 3 : 2} />) : null}
          </ol>
        ) : null}
        <p className="nr-more">
          {moreHref ? (
            <a className="nr-button" href={moreHref} data-nr-more="">
              {t.loadMore}
            </a>
          ) : null}
          {sp.get('cursor') ? (
            <a href={withParams(basePath, keep)} className="nr-more__start">
              {t.fromStart}
            </a>
          ) : null}
        </p>
      </div>
      <ListingEnhancer loading={t.loading} showing={t.showing(0, 0).replace(/\d+/g, '{n}')} />
    </section>
  )
}
