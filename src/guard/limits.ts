/** Most documents one REST or GraphQL read answers with: `limit=0`, `pagination=false` and larger limits give pages of this size. */
export const MAX_LIMIT = 100
/** Highest `page` accepted (with MAX_LIMIT that is an offset of 100 million rows). */
export const MAX_PAGE = 1_000_000
/** Largest JSON body (REST or GraphQL) read for Payload's routes. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024
/** Largest multipart body, unless the config's `upload.requestSizeLimit` says otherwise (Payload's own default). */
export const DEFAULT_MULTIPART_BYTES = 50 * 1024 * 1024
/** GraphQL: most tokens in a query (graphql-js `maxTokens`), deepest selection (fragments expanded). */
export const MAX_GRAPHQL_TOKENS = 10_000
export const MAX_GRAPHQL_DEPTH = 20
/** Deepest nesting of `and`/`or` in a `where`. */
export const MAX_WHERE_DEPTH = 10
