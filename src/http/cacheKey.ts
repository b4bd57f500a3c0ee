/**
 * A request-target parsed once, as Next and Payload parse it (WHATWG URL); null when it is no URL.
 * Whatever is derived from a request (its cache key, what is asked of the origin) comes from this
 * one parse, so two parsers can never disagree about what was asked.
 */
export function parseRequestTarget(target: string): URL | null {
  try {
    return new URL(target, 'http://request-target.invalid')
  } catch {
    return null
  }
}

/**
 * The cache key of a URL: its path and its query with the parameters in name order (repeated
 * names keep their order), leaving out those in `ignore`; `?` only when there is a query.
 */
export function cacheKey(url: URL, ignore: readonly string[] = []): string {
  const entries = [...url.searchParams].filter(([name]) => !ignore.includes(name)).sort(([a], [b]) => a.localeCompare(b))
  const search = new URLSearchParams(entries).toString()
  return search ? `${url.pathname}?${search}` : url.pathname
}
