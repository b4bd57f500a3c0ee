/** HTTP helpers for the server in front of the app (no Payload, no Next): client addresses behind proxies, conditional GET, cache keys. */
export { clientAddress, normalizeAddress, parseTrustProxy, rateLimitBucket, trustProxySchema, type TrustProxy } from '../http/clientAddress.js'
/** Conditional GET and cache keys, shared with the plugin's feed endpoints. */
export { etagMatches, isNotModified, NOT_MODIFIED_HEADERS, notModifiedHeaders, notModifiedResponse, preconditionsOf, type Preconditions, type Validators } from '../http/conditionalGet.js'
export { cacheKey, parseRequestTarget } from '../http/cacheKey.js'
export { strongEtag } from '../http/strongEtag.js'
