import { pluginOptions } from '../pluginOptions.js'
import { BadParameter, type ListingParams, parseListingParams } from '../listing/params.js'
import { type ListingResult, runListing } from '../listing/query.js'
import { payloadOf, type SiteProps } from './siteContext.js'

export type PageSearchParams = Record<string, string | string[] | undefined>

export const PAGE_SIZE = 10

/** The query string of a page as URLSearchParams (Next hands pages a plain object). */
export function toSearchParams(sp: PageSearchParams | undefined): URLSearchParams {
  const out = new URLSearchParams()
  for (const [k, v] of Object.entries(sp ?? {})) for (const one of Array.isArray(v) ? v : v == null ? [] : [v]) out.append(k, one)
  return out
}

export type ListingView =
  | { ok: true; params: ListingParams; result: ListingResult }
  | { ok: false; params: ListingParams | null; error: BadParameter }

/**
 * The listing a page shows: the same parameters and the same `runListing` as `GET /api/newsroom/items`,
 * in-process. `fixed` pins filters the page decides (a topic page's topic); the page's language always wins.
 */
export async function loadListing(props: SiteProps, sp: URLSearchParams, fixed: { category?: string } = {}): Promise<ListingView> {
  const payload = await payloadOf(props.config)
  const o = pluginOptions(payload)
  const query = new URLSearchParams(sp)
  query.set('locale', props.locale)
  query.delete('limit')
  query.delete('upcoming')
  if (fixed.category) query.set('category', fixed.category)
  let params: ListingParams | null = null
  try {
    params = parseListingParams(query, { locales: o.locales, defaultLocale: o.defaultLocale, defaultLimit: PAGE_SIZE, maxLimit: PAGE_SIZE })
    return { ok: true, params, result: await runListing(payload, o, params) }
  } catch (err) {
    if (err instanceof BadParameter) return { ok: false, params, error: err }
    throw err
  }
}

export type TopicNode = { id: string; slug: string; title: string; description: string | null; children: TopicNode[] }

/** Every topic in the page's language, as a tree (roots sorted by title). */
export async function loadTopicTree(props: SiteProps): Promise<TopicNode[]> {
  const payload = await payloadOf(props.config)
  const o = pluginOptions(payload)
  const { docs } = await payload.find({
    collection: o.collections.topics.slug,
    locale: props.locale as 'all',
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'title',
    overrideAccess: false,
  })
  const nodes = new Map<string, TopicNode & { parent: string | null }>()
  for (const d of docs as Record<string, any>[]) {
    const parent = d.parent == null ? null : String(typeof d.parent === 'object' ? d.parent.id : d.parent)
    nodes.set(String(d.id), { id: String(d.id), slug: d.slug, title: d.title ?? d.slug, description: d.description ?? null, children: [], parent })
  }
  const roots: TopicNode[] = []
  for (const n of nodes.values()) {
    const parent = n.parent ? nodes.get(n.parent) : undefined
    if (parent) parent.children.push(n)
    else roots.push(n)
  }
  return roots
}

export const findTopic = (tree: TopicNode[], slug: string): TopicNode | null => {
  for (const n of tree) {
    if (n.slug === slug) return n
    const inner = findTopic(n.children, slug)
    if (inner) return inner
  }
  return null
}
